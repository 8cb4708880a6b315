package org.c2cgateway.security;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyStoresTest {

    private static final char[] PASSWORD = "changeit".toCharArray();

    @TempDir
    Path dir;

    @Test
    void loadsTheNamedOrFirstKeyEntryWithItsChain() {
        Path p12 = TestKeys.writePkcs12(TestKeys.gatewayA(), dir.resolve("gw-a.p12"), PASSWORD, "gw-a");

        PrivateKeyEntry named = KeyStores.loadPrivateKeyEntry(p12, PASSWORD, "gw-a");
        PrivateKeyEntry first = KeyStores.loadPrivateKeyEntry(p12, PASSWORD, null);

        assertTrue(Certificates.sameCertificate(TestKeys.gatewayA().certificate(), named.certificate()));
        assertEquals(2, named.chain().size());
        assertEquals(TestKeys.gatewayA().privateKey(), first.privateKey());
    }

    @Test
    void unknownAliasOrWrongPasswordIsAClearError() {
        Path p12 = TestKeys.writePkcs12(TestKeys.gatewayA(), dir.resolve("gw-a.p12"), PASSWORD, "gw-a");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KeyStores.loadPrivateKeyEntry(p12, PASSWORD, "nope"));
        assertTrue(e.getMessage().contains("nope"));
        assertThrows(IllegalArgumentException.class,
                () -> KeyStores.loadPrivateKeyEntry(p12, "wrong".toCharArray(), null));
    }

    @Test
    void loadsCertificatesFromPemWithSurroundingTextAndFromDer() throws Exception {
        byte[] der = TestKeys.gatewayB().certificate().getEncoded();
        Path pem = Files.writeString(dir.resolve("b.pem"), "Bag Attributes: x\n-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder().encodeToString(der) + "\n-----END CERTIFICATE-----\n",
                StandardCharsets.US_ASCII);
        Path derFile = Files.write(dir.resolve("b.der"), der);

        assertTrue(Certificates.sameCertificate(TestKeys.gatewayB().certificate(), KeyStores.loadCertificate(pem)));
        assertTrue(Certificates.sameCertificate(TestKeys.gatewayB().certificate(), KeyStores.loadCertificate(derFile)));
    }
}
