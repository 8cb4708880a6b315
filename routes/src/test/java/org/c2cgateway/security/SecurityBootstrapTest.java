package org.c2cgateway.security;

import java.security.Security;
import java.security.spec.MGF1ParameterSpec;

import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The JDK, not Bouncy Castle, must serve the AS4 algorithms (JDK AES-GCM is much faster). */
class SecurityBootstrapTest {

    @Test
    void jdkProvidersServeAesGcmAndRsaOaepSha256AfterInitialisation() throws Exception {
        SecurityBootstrap.ensureInitialised();

        assertNotEquals("BC", Security.getProviders()[0].getName());
        assertEquals("SunJCE", Cipher.getInstance("AES/GCM/NoPadding").getProvider().getName());
        Cipher oaep = Cipher.getInstance("RSA/ECB/OAEPPadding");
        oaep.init(Cipher.ENCRYPT_MODE, TestKeys.gatewayB().certificate().getPublicKey(),
                new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
        assertEquals("SunJCE", oaep.getProvider().getName());
    }
}
