package org.c2cgateway.as4;

import org.apache.wss4j.dom.WSConstants;
import org.c2cgateway.security.TestKeys;
import org.c2cgateway.security.WsSecurityFixtures.Algorithms;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whole AS4 messages protected by WSS4J with weaker algorithms than agreed, as a downgrading peer would
 * send them: each is refused as a policy violation naming the algorithm. The agreed set, made the same
 * way, opens: the refusals are about the algorithms, not about how the messages were made.
 */
class As4DowngradeTest {

    private final HostileMessages messages = new HostileMessages(EbmsNames.PARTY_ID_TYPE_UNREGISTERED,
            As4MessageBuilder.DEFAULT_SERVICE_TYPE);

    private As4Fixtures.Wire protectedWith(Algorithms algorithms) {
        return messages.withAlgorithms(As4Fixtures.sampleMessage(), TestKeys.gatewayA(), TestKeys.gatewayB().certificate(),
                algorithms);
    }

    private static As4Exception openFails(As4Fixtures.Wire w) {
        return assertThrows(As4Exception.class, () -> new As4MessageOpener().open(w.body(), w.contentType(),
                As4Fixtures.trustGatewayA(), TestKeys.gatewayB()));
    }

    @Test
    void the_agreed_algorithms_made_the_same_way_open() throws As4Exception {
        As4Fixtures.Wire w = protectedWith(Algorithms.AGREED);

        assertArrayEqualsPayload(w);
    }

    @Test
    void sha1_digest_is_refused() {
        assertRefused(Algorithms.AGREED.withDigest(WSConstants.SHA1), "digest method http://www.w3.org/2000/09/xmldsig#sha1");
    }

    @Test
    void rsa_sha1_signature_is_refused() {
        assertRefused(Algorithms.AGREED.withSignature(WSConstants.RSA_SHA1),
                "signature method http://www.w3.org/2000/09/xmldsig#rsa-sha1");
    }

    @Test
    void rsa_1_5_key_transport_is_refused() {
        assertRefused(Algorithms.AGREED.withKeyTransport(WSConstants.KEYTRANSPORT_RSA15),
                "key transport algorithm http://www.w3.org/2001/04/xmlenc#rsa-1_5");
    }

    @Test
    void rsa_oaep_with_mgf1_sha1_is_refused() {
        assertRefused(Algorithms.AGREED.withKeyTransport(WSConstants.KEYTRANSPORT_RSAOAEP),
                "key transport algorithm http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p");
    }

    @Test
    void aes_cbc_where_gcm_is_agreed_is_refused() {
        assertRefused(Algorithms.AGREED.withDataEncryption(WSConstants.AES_128),
                "data encryption algorithm http://www.w3.org/2001/04/xmlenc#aes128-cbc");
    }

    private void assertRefused(Algorithms weak, String named) {
        As4Exception e = openFails(protectedWith(weak));

        assertEquals(EbmsError.POLICY_NONCOMPLIANCE, e.error(), e.getMessage());
        assertTrue(e.detail().contains(named), e.detail());
    }

    private void assertArrayEqualsPayload(As4Fixtures.Wire w) throws As4Exception {
        InboundUserMessage opened = new As4MessageOpener().open(w.body(), w.contentType(), As4Fixtures.trustGatewayA(),
                TestKeys.gatewayB());
        assertEquals(As4Fixtures.PAYLOAD.length, opened.message().payload().length);
    }
}
