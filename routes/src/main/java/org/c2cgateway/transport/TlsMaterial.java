package org.c2cgateway.transport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * A gateway's mutual-TLS material: its own TLS key, and the CAs it accepts the other side from. Kept
 * apart from the message signing key on purpose: TLS and message security are separate trust
 * decisions. The same material serves the outbound client and the partner-facing server.
 */
public record TlsMaterial(KeyManager[] keyManagers, TrustManager[] trustManagers) {

    public static TlsMaterial load(Path keyStore, char[] keyStorePassword, Path trustStore, char[] trustStorePassword) {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(pkcs12(keyStore, keyStorePassword), keyStorePassword);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(pkcs12(trustStore, trustStorePassword));
            return new TlsMaterial(keys.getKeyManagers(), trust.getTrustManagers());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot load the TLS key store " + keyStore + " and trust store "
                    + trustStore + ": " + e.getMessage(), e);
        }
    }

    /** A client context (TLS 1.3) presenting this key and trusting these CAs. */
    public SSLContext clientContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLSv1.3");
            context.init(keyManagers, trustManagers, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS 1.3 is required by every Java 17 platform", e);
        }
    }

    private static KeyStore pkcs12(Path path, char[] password) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, password);
        }
        return store;
    }
}
