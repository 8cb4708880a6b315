package org.c2cgateway.security;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.x500.X500Principal;

import org.apache.wss4j.common.crypto.CryptoBase;
import org.apache.wss4j.common.crypto.CryptoType;
import org.apache.wss4j.common.ext.WSSecurityException;

/**
 * A WSS4J {@code Crypto} over objects already in memory: a few private keys and certificates.
 *
 * <p>WSS4J's stock {@code Merlin} wants a KeyStore with aliases and passwords; building one per
 * message (PKCS#12 entries are PBE-encrypted on insert) is slow, and sharing one mutable store
 * across threads is fragile. This class is immutable and cheap, so we make one per operation.
 * Lookups only ever return the certificates given here, which also means WSS4J can never resolve
 * a signature key we did not hand it (besides a BinarySecurityToken, which is checked later).
 *
 * <p>Several private keys are there for decryption while keys roll over: a partner may encrypt to our
 * current or our next key, and WSS4J asks for the one the message's EncryptedKey references.
 */
final class InMemoryCrypto extends CryptoBase {

    /** The alias under which the (first) private key's certificate is found. */
    static final String KEY_ALIAS = "key";

    private final List<PrivateKeyEntry> keys;
    private final X509Certificate keyCertificate;
    private final List<X509Certificate> certificates = new ArrayList<>();
    private volatile X509Certificate unmatchedKeyRequest;
    private volatile X509Certificate keyHandedOut;

    InMemoryCrypto(PrivateKeyEntry key, X509Certificate... others) {
        this(key == null ? List.of() : List.of(key), others);
    }

    private InMemoryCrypto(List<PrivateKeyEntry> keys, X509Certificate... others) {
        this.keys = List.copyOf(keys);
        this.keyCertificate = this.keys.isEmpty() ? null : this.keys.get(0).certificate();
        this.keys.forEach(k -> certificates.add(k.certificate()));
        for (X509Certificate c : others) {
            if (c != null) {
                certificates.add(c);
            }
        }
    }

    /** A crypto holding several private keys: the first under {@link #KEY_ALIAS}, the others found by certificate. */
    static InMemoryCrypto withKeys(List<PrivateKeyEntry> keys) {
        return new InMemoryCrypto(keys);
    }

    @Override
    public X509Certificate[] getX509Certificates(CryptoType type) throws WSSecurityException {
        if (type == null) {
            return null;
        }
        List<X509Certificate> found = new ArrayList<>();
        for (X509Certificate c : certificates) {
            if (matches(type, c)) {
                found.add(c);
                break;
            }
        }
        return found.isEmpty() ? null : found.toArray(new X509Certificate[0]);
    }

    private boolean matches(CryptoType type, X509Certificate c) throws WSSecurityException {
        switch (type.getType()) {
            case ALIAS:
                return KEY_ALIAS.equals(type.getAlias()) && c == keyCertificate;
            case ISSUER_SERIAL:
                return c.getSerialNumber().equals(type.getSerial()) && sameName(type.getIssuer(),
                        c.getIssuerX500Principal());
            case SUBJECT_DN:
                return sameName(type.getSubjectDN(), c.getSubjectX500Principal());
            case THUMBPRINT_SHA1:
                return Arrays.equals(type.getBytes(), sha1(c));
            case SKI_BYTES:
                return Arrays.equals(type.getBytes(), getSKIBytesFromCert(c));
            default:
                return false;
        }
    }

    private static boolean sameName(String dn, X500Principal principal) {
        try {
            return dn != null && new X500Principal(dn).equals(principal);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] sha1(X509Certificate c) throws WSSecurityException {
        try {
            return MessageDigest.getInstance("SHA-1").digest(c.getEncoded());
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new WSSecurityException(WSSecurityException.ErrorCode.FAILURE, e);
        }
    }

    /** The certificate of the private key WSS4J was last given (the one that decrypted), if any. */
    X509Certificate keyHandedOut() {
        return keyHandedOut;
    }

    /** The certificate WSS4J asked a private key for that we do not have, if that happened. */
    X509Certificate unmatchedKeyRequest() {
        return unmatchedKeyRequest;
    }

    @Override
    public String getX509Identifier(X509Certificate cert) {
        return Certificates.sameCertificate(cert, keyCertificate) ? KEY_ALIAS
                : cert.getSubjectX500Principal().getName();
    }

    @Override
    public PrivateKey getPrivateKey(X509Certificate certificate, CallbackHandler callbackHandler)
            throws WSSecurityException {
        for (PrivateKeyEntry key : keys) {
            if (Certificates.sameCertificate(certificate, key.certificate())) {
                keyHandedOut = key.certificate();
                return key.privateKey();
            }
        }
        unmatchedKeyRequest = certificate;
        throw new WSSecurityException(WSSecurityException.ErrorCode.FAILED_CHECK);
    }

    @Override
    public PrivateKey getPrivateKey(PublicKey publicKey, CallbackHandler callbackHandler)
            throws WSSecurityException {
        for (PrivateKeyEntry key : keys) {
            if (key.certificate().getPublicKey().equals(publicKey)) {
                keyHandedOut = key.certificate();
                return key.privateKey();
            }
        }
        throw new WSSecurityException(WSSecurityException.ErrorCode.FAILED_CHECK);
    }

    @Override
    public PrivateKey getPrivateKey(String identifier, String password) throws WSSecurityException {
        if (!keys.isEmpty() && KEY_ALIAS.equals(identifier)) {
            return keys.get(0).privateKey();
        }
        throw new WSSecurityException(WSSecurityException.ErrorCode.FAILED_CHECK);
    }

    /** Trust is "one of the certificates given here, exactly"; there is no chain building. */
    @Override
    public void verifyTrust(X509Certificate[] certs, boolean enableRevocation,
                            Collection<Pattern> subjectCertConstraints, Collection<Pattern> issuerCertConstraints)
            throws WSSecurityException {
        if (certs != null && certs.length > 0) {
            for (X509Certificate known : certificates) {
                if (Certificates.sameCertificate(known, certs[0])) {
                    return;
                }
            }
        }
        throw new WSSecurityException(WSSecurityException.ErrorCode.FAILED_AUTHENTICATION);
    }

    @Override
    public void verifyTrust(PublicKey publicKey) throws WSSecurityException {
        for (X509Certificate known : certificates) {
            if (known.getPublicKey().equals(publicKey)) {
                return;
            }
        }
        throw new WSSecurityException(WSSecurityException.ErrorCode.FAILED_AUTHENTICATION);
    }
}
