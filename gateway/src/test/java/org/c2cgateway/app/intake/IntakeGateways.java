package org.c2cgateway.app.intake;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import javax.net.ssl.SSLContext;

import io.micronaut.context.ApplicationContext;

import org.c2cgateway.app.TwoGateways;
import org.c2cgateway.app.access.PasswordHash;
import org.c2cgateway.app.access.TokenDigest;
import org.c2cgateway.app.demo.NationalSystemClient;

/**
 * The two test gateways (RS sends, MK receives) with RS's national SOAP service and broker acceptor on
 * ports of their own, and small size limits so oversize input is cheap to produce.
 */
final class IntakeGateways implements AutoCloseable {

    static final Path HOME = TwoGateways.HOME;
    static final long MAX_PAYLOAD_BYTES = 200_000;
    static final long MAX_SOAP_REQUEST_BYTES = 400_000;
    /** RS's national system's password on the broker (user {@code national}); its hash is RS's setting. */
    static final String NATIONAL_QUEUE_PASSWORD = TokenDigest.newToken();

    final ApplicationContext rs;
    final ApplicationContext mk;
    final int rsApiPort;
    final int mkApiPort;
    final int rsSoapPort;
    final int rsAcceptorPort;
    private final TwoGateways gateways;

    IntakeGateways(Path dataDir) throws IOException {
        rsSoapPort = freePort();
        rsAcceptorPort = freePort();
        Map<String, Object> rsChannels = new HashMap<>();
        rsChannels.put("c2c.national-soap.host", "127.0.0.1");
        rsChannels.put("c2c.national-soap.port", rsSoapPort);
        rsChannels.put("c2c.national-soap.max-request-bytes", MAX_SOAP_REQUEST_BYTES);
        rsChannels.put("c2c.broker.national-acceptor.port", rsAcceptorPort);
        rsChannels.put("c2c.broker.national-acceptor.password-hash", PasswordHash.hash(NATIONAL_QUEUE_PASSWORD.toCharArray(), 10_000));
        rsChannels.put("c2c.max-payload-bytes", MAX_PAYLOAD_BYTES);
        gateways = new TwoGateways(dataDir, rsChannels);
        rs = gateways.rs;
        mk = gateways.mk;
        rsApiPort = gateways.rsPort;
        mkApiPort = gateways.mkPort;
    }

    NationalSystemClient national(String cc) {
        return TwoGateways.nationalSystem(cc, cc.equals("rs") ? rsApiPort : mkApiPort);
    }

    static SSLContext tls(String cc) {
        return TwoGateways.nationalTls(cc);
    }

    long messagesAdded(ApplicationContext gateway, String queue) {
        return TwoGateways.messagesAdded(gateway, queue);
    }

    static int freePort() throws IOException {
        return TwoGateways.freePort();
    }

    @Override
    public void close() {
        gateways.close();
    }
}
