package org.c2cgateway.app;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.c2cgateway.app.api.SubmissionAccepted;
import org.c2cgateway.app.api.TraceCommand;
import org.c2cgateway.app.demo.Await;
import org.c2cgateway.app.demo.NationalSystemClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code trace <id|MRN>} against two running gateways, after real exchanges between them. */
class TraceCommandIT {

    private static final String MRN = "26RS0110T0000452M5";
    private static final String TOKEN_VARIABLE = "OPS_TOKEN";

    @TempDir
    static Path data;
    static TwoGateways gateways;
    static final List<String> sent = new ArrayList<>();

    @BeforeAll
    static void exchangeTwoNotificationsOfOneMovement() throws Exception {
        gateways = new TwoGateways(data);
        NationalSystemClient rs = TwoGateways.nationalSystem("rs", gateways.rsPort);
        for (int i = 0; i < 2; i++) {
            NationalSystemClient.Response response = rs.submit(TwoGateways.uniqueSample(ExchangeEndToEndIT.RS_TO_MK));
            assertEquals(202, response.status(), response.text());
            String id = rs.read(response, SubmissionAccepted.class).messageId();
            Await.until("RS to record the receipt of " + id, Duration.ofSeconds(60), () -> Optional.ofNullable(rs.trace(id))
                    .filter(t -> t.status().equals("DELIVERED_TO_PARTNER")));
            sent.add(id);
        }
    }

    @AfterAll
    static void stop() {
        if (gateways != null) {
            gateways.close();
        }
    }

    @Test
    void an_mrn_prints_every_message_of_the_movement_with_its_steps() {
        Run run = trace(gateways.rsPort, MRN.toLowerCase());

        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().startsWith("MRN " + MRN + ": 2 messages"), run.out());
        assertTrue(run.out().indexOf(sent.get(0)) < run.out().indexOf(sent.get(1)), "oldest first:\n" + run.out());
        for (String step : List.of("RECEIVED", "VALIDATED", "AGREEMENT_APPLIED", "QUEUED", "SENT", "RECEIPT_VERIFIED")) {
            assertEquals(2, occurrences(run.out(), " " + step + " "), step + " in\n" + run.out());
        }
        assertEquals(2, occurrences(run.out(), "receipt yes"), run.out());
        assertEquals(2, occurrences(run.out(), "conversation " + MRN), run.out());
        assertTrue(run.out().contains("RS-MK-SEED v2"), run.out());
        System.out.println("$ java -jar gateway/target/c2c-gateway.jar trace " + MRN.toLowerCase() + " ...\n" + run.out());
    }

    @Test
    void a_message_id_prints_that_message_as_the_receiving_gateway_traced_it() {
        Run run = trace(gateways.mkPort, sent.get(0));

        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().startsWith("INBOUND from RS PreArrivalNotification"), run.out());
        assertTrue(run.out().contains("RECEIVED_FROM_PARTNER") && run.out().contains("receipt yes"), run.out());
        System.out.println("$ java -jar gateway/target/c2c-gateway.jar trace " + sent.get(0) + " ...\n" + run.out());
    }

    @Test
    void an_unknown_id_and_a_refused_login_say_so_and_fail() {
        Run unknown = trace(gateways.rsPort, "27XX0000000000000X0");
        assertEquals(1, unknown.status());
        assertTrue(unknown.err().contains("no message has the id or MRN 27XX0000000000000X0"), unknown.err());

        Run refused = run(gateways.rsPort, MRN, Map.of(TOKEN_VARIABLE, "not-a-token"));
        assertEquals(1, refused.status());
        assertTrue(refused.err().contains("HTTP 401"), refused.err());
    }

    private record Run(int status, String out, String err) {
    }

    private static Run trace(int port, String wanted) {
        return run(port, wanted, Map.of(TOKEN_VARIABLE, TwoGateways.OPERATOR_TOKEN));
    }

    private static Run run(int port, String wanted, Map<String, String> environment) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = TraceCommand.run(List.of(wanted, "--url", "https://localhost:" + port, "--token-env", TOKEN_VARIABLE,
                        "--trust-store", TwoGateways.HOME.resolve("certs-dev/pki/truststore.p12").toString()),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                environment);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static int occurrences(String text, String what) {
        return text.split(java.util.regex.Pattern.quote(what), -1).length - 1;
    }
}
