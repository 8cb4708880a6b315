package org.c2cgateway.pki;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reads and writes PEM certificates and PKCS#12 key stores.
 *
 * <p>Key stores are written with the plain JDK {@code KeyStore.getInstance("PKCS12")} and
 * never through Bouncy Castle's provider, so that the gateway, Camel, CXF/WSS4J and
 * {@code keytool} can all load them without registering an extra security provider.
 */
final class PkiFiles {

    private static final String PKCS12 = "PKCS12";
    private static final Base64.Encoder PEM_BASE64 =
            Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

    private PkiFiles() {
    }

    /**
     * Writes one certificate in PEM form, the format {@code openssl} and most servers read.
     */
    static void writePem(Path file, X509Certificate certificate) {
        try {
            String pem = "-----BEGIN CERTIFICATE-----\n"
                    + PEM_BASE64.encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
            createParent(file);
            Files.writeString(file, pem, StandardCharsets.US_ASCII);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("Cannot encode certificate " + certificate.getSubjectX500Principal(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /**
     * Reads a single PEM (or DER) certificate.
     */
    static X509Certificate readCertificate(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Not a certificate: " + file, e);
        }
    }

    /**
     * Writes a PKCS#12 store with one private-key entry protected by {@code password}.
     */
    static void writeKeyStore(Path file, String alias, Credential credential, char[] password) {
        KeyStore store = emptyStore();
        try {
            store.setKeyEntry(alias, credential.privateKey(), password,
                    credential.chain().toArray(new Certificate[0]));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot add key entry '" + alias + "' for " + file, e);
        }
        save(store, file, password);
    }

    /**
     * Writes a PKCS#12 store holding only {@code certificate} as a trusted-certificate entry,
     * so that it can serve as a trust store without exposing any private key.
     */
    static void writeTrustStore(Path file, String alias, X509Certificate certificate, char[] password) {
        KeyStore store = emptyStore();
        try {
            store.setCertificateEntry(alias, certificate);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot add trusted certificate '" + alias + "' for " + file, e);
        }
        save(store, file, password);
    }

    /**
     * Reads the private-key entry {@code alias} of a PKCS#12 store.
     */
    static Credential readCredential(Path file, String alias, char[] password) {
        KeyStore store = load(file, password);
        try {
            Key key = store.getKey(alias, password);
            Certificate[] chain = store.getCertificateChain(alias);
            if (!(key instanceof PrivateKey) || chain == null) {
                throw new IllegalStateException("No private key entry '" + alias + "' in " + file);
            }
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate certificate : chain) {
                certificates.add((X509Certificate) certificate);
            }
            return new Credential((PrivateKey) key, certificates);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read key entry '" + alias + "' from " + file, e);
        }
    }

    /**
     * Loads a PKCS#12 store with the JDK provider.
     */
    static KeyStore load(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance(PKCS12);
            store.load(in, password);
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read key store " + file
                    + " (missing file or wrong password?)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot load key store " + file, e);
        }
    }

    private static KeyStore emptyStore() {
        try {
            KeyStore store = KeyStore.getInstance(PKCS12);
            store.load(null, null);
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("The JDK has no usable PKCS12 key store", e);
        }
    }

    private static void save(KeyStore store, Path file, char[] password) {
        try {
            createParent(file);
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write key store " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encode key store " + file, e);
        }
    }

    private static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }
}
