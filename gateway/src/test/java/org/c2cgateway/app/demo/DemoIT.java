package org.c2cgateway.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.c2cgateway.app.TwoGateways;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The main job's own code path, on free ports: the demo starts RS, MK and BG from their committed
 * configuration and development secrets, its national systems authenticate with their client
 * certificates and its operator with a token of the run, and every sample is delivered and acknowledged.
 */
class DemoIT {

    private static final List<String> COUNTRIES = List.of("RS", "MK", "BG");
    private static final int FIRST_SERVER_ID = 900;

    @TempDir
    Path data;

    @Test
    void demo_delivers_every_sample_end_to_end_with_authenticated_national_systems() throws Exception {
        Map<String, Map<String, Object>> settings = freePorts();
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int status;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            status = Demo.run(TwoGateways.HOME, data.resolve("demo"), settings::get);
        } finally {
            System.setOut(console);
        }
        String output = printed.toString(StandardCharsets.UTF_8);
        console.print(output);

        assertEquals(0, status, output);
        assertTrue(output.contains("5 of 5 notifications delivered end to end"), output);
        // six receivers: the MK -> RS -> BG transit goes to two
        assertEquals(6, output.split("identical \\(same SHA-256 on both gateways\\)", -1).length - 1, output);
        // the agreements differ on purpose: RS-MK recognises AEOs, BG-RS minimises and pseudonymises, TR has none
        assertTrue(output.contains("RecognisedAeo: Party=Consignor, Identification=RS100123456"), output);
        assertTrue(output.contains("pseudonymised: Parties/Consignor/Name=PSN-"), output);
        assertTrue(output.contains("TR: NOT SENT"), output);
    }

    /** Every port of every demo gateway moved to a free one, and each partner pointed at it. */
    private static Map<String, Map<String, Object>> freePorts() throws IOException {
        Map<String, Integer> as4Ports = new HashMap<>();
        for (String country : COUNTRIES) {
            as4Ports.put(country, TwoGateways.freePort());
        }
        Map<String, Map<String, Object>> settings = new HashMap<>();
        for (String country : COUNTRIES) {
            Map<String, Object> own = new HashMap<>();
            own.put("micronaut.server.ssl.port", TwoGateways.freePort());
            own.put("c2c.as4.host", "127.0.0.1");
            own.put("c2c.as4.port", as4Ports.get(country));
            own.put("c2c.national-soap.port", TwoGateways.freePort());
            own.put("c2c.broker.national-acceptor.port", TwoGateways.freePort());
            own.put("c2c.broker.server-id", FIRST_SERVER_ID + COUNTRIES.indexOf(country));
            for (String partner : COUNTRIES) {
                if (!partner.equals(country)) {
                    own.put("c2c.partners." + partner + ".endpoint", "https://localhost:" + as4Ports.get(partner) + "/as4");
                }
            }
            settings.put(country, own);
        }
        return settings;
    }
}
