package org.c2cgateway.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Loads keys and certificates from files.
 *
 * <p>Failures are reported as unchecked exceptions with the file name in the message: a gateway
 * that cannot read its own key cannot do anything useful, so this is a start-up error, not
 * something callers are expected to recover from.
 */
public final class KeyStores {

    private KeyStores() {
    }

    /** Opens a PKCS#12 file. */
    public static KeyStore loadPkcs12(Path p, char[] password) {
        try (InputStream in = Files.newInputStream(p)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            return ks;
        } catch (IOException e) {
            if (e.getCause() instanceof GeneralSecurityException) {
                // KeyStore.load reports a wrong password as an IOException caused by UnrecoverableKeyException.
                throw new IllegalArgumentException("cannot open PKCS#12 file " + p
                        + " (wrong password or corrupt file): " + e.getMessage(), e);
            }
            throw new UncheckedIOException("cannot read PKCS#12 file " + p + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot open PKCS#12 file " + p + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads one private key entry from a PKCS#12 file; the key password is the store password.
     *
     * @param alias the entry to load, or {@code null} for the first key entry in the file
     */
    public static PrivateKeyEntry loadPrivateKeyEntry(Path pkcs12, char[] password, String alias) {
        KeyStore ks = loadPkcs12(pkcs12, password);
        try {
            String chosen = alias != null ? alias : firstKeyAlias(ks, pkcs12);
            Key key = ks.getKey(chosen, password);
            if (!(key instanceof PrivateKey privateKey)) {
                throw new IllegalArgumentException("no private key entry '" + chosen + "' in " + pkcs12);
            }
            Certificate[] chain = ks.getCertificateChain(chosen);
            if (chain == null || chain.length == 0 || !(chain[0] instanceof X509Certificate)) {
                throw new IllegalArgumentException("private key entry '" + chosen + "' in " + pkcs12
                        + " has no X.509 certificate");
            }
            List<X509Certificate> certs = new ArrayList<>();
            for (Certificate c : chain) {
                certs.add((X509Certificate) c);
            }
            return new PrivateKeyEntry(privateKey, certs.get(0), certs);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read key from " + pkcs12 + ": " + e.getMessage(), e);
        }
    }

    /** Loads an X.509 certificate stored as PEM (text around the block is ignored) or DER. */
    public static X509Certificate loadCertificate(Path pemOrDer) {
        try {
            byte[] bytes = Files.readAllBytes(pemOrDer);
            String text = new String(bytes, StandardCharsets.US_ASCII);
            int begin = text.indexOf("-----BEGIN CERTIFICATE-----");
            if (begin > 0) {
                bytes = text.substring(begin).getBytes(StandardCharsets.US_ASCII);
            }
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            return (X509Certificate) cf.generateCertificate(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read certificate file " + pemOrDer + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an X.509 certificate: " + pemOrDer + ": " + e.getMessage(), e);
        }
    }

    private static String firstKeyAlias(KeyStore ks, Path p) throws GeneralSecurityException {
        for (String a : Collections.list(ks.aliases())) {
            if (ks.isKeyEntry(a)) {
                return a;
            }
        }
        throw new IllegalArgumentException("no private key entry in " + p);
    }
}
