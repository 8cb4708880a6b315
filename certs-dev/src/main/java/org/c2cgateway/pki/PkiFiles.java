package org.c2cgateway.pki;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CRLException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

/**
 * Reads and writes PEM certificates, PEM CRLs and PKCS#12 key stores.
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
            writeAtomically(file, pem("CERTIFICATE", certificate.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("Cannot encode certificate " + certificate.getSubjectX500Principal(), e);
        }
    }

    /**
     * Writes a CRL in PEM form ({@code -----BEGIN X509 CRL-----}), as {@code openssl crl} reads it.
     */
    static void writePem(Path file, X509CRL crl) {
        try {
            writeAtomically(file, pem("X509 CRL", crl.getEncoded()));
        } catch (CRLException e) {
            throw new IllegalStateException("Cannot encode the CRL of " + crl.getIssuerX500Principal(), e);
        }
    }

    /**
     * Reads a PEM (or DER) CRL.
     */
    static X509CRL readCrl(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read CRL " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Not a CRL: " + file, e);
        }
    }

    /**
     * Reads a single PEM (or DER) certificate.
     */
    static X509Certificate readCertificate(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
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
        return readCredential(load(file, password), file, alias, password);
    }

    /**
     * Reads the one private-key entry of a PKCS#12 store, whatever its alias.
     */
    static Credential readOnlyCredential(Path file, char[] password) {
        KeyStore store = load(file, password);
        try {
            List<String> keyAliases = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    keyAliases.add(alias);
                }
            }
            if (keyAliases.size() != 1) {
                throw new IllegalStateException("Expected exactly one private key entry in " + file
                        + " but found " + keyAliases);
            }
            return readCredential(store, file, keyAliases.get(0), password);
        } catch (KeyStoreException e) {
            throw new IllegalStateException("Cannot list the entries of " + file, e);
        }
    }

    private static Credential readCredential(KeyStore store, Path file, String alias, char[] password) {
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
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            store.store(bytes, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encode key store " + file, e);
        }
        writeAtomically(file, bytes.toByteArray());
    }

    private static byte[] pem(String type, byte[] der) {
        return ("-----BEGIN " + type + "-----\n" + PEM_BASE64.encodeToString(der) + "\n-----END " + type + "-----\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Writes through a temporary file in the same directory and a rename, so a gateway that
     * reloads the file (or a CRL fetch) sees the old or the new content, never half of it.
     */
    private static void writeAtomically(Path file, byte[] content) {
        Path target = file.toAbsolutePath();
        try {
            Files.createDirectories(target.getParent());
            Path temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try {
                Files.write(temporary, content);
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
