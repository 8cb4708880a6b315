package org.c2cgateway.pki;

import java.security.PublicKey;
import java.security.interfaces.RSAKey;

import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;

/**
 * The key usages, extended key usages and names of an end-entity certificate, by purpose and key
 * type: each key may do exactly what its purpose needs, so a verifier that checks key usage can
 * refuse a signing key used for TLS or an encryption key used to sign.
 *
 * <p>Message keys (signing, encryption) carry no extended key usage, as usual for WS-Security
 * certificates; the TLS keys do, because TLS stacks check it. No CRL distribution point is
 * written: gateways are configured with the CRL's location instead, which keeps development
 * certificates free of machine-specific {@code file:} URLs.
 */
final class LeafExtensions {

    private static final String TEST_DOMAIN = ".c2c.test";

    private LeafExtensions() {
    }

    static void add(X509v3CertificateBuilder builder, CountryCode country, KeyPurpose purpose, PublicKey key)
            throws CertIOException {
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage(purpose, key)));
        switch (purpose) {
            case SIGNING, ENCRYPTION -> { }
            case TLS -> {
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                        new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
                builder.addExtension(Extension.subjectAlternativeName, false, gatewayHostNames(country));
            }
            case NATIONAL -> builder.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
        }
    }

    /**
     * RSA encrypts the message key directly (key transport), EC and X25519 keys agree on it;
     * a TLS server with an RSA key may still be asked for RSA key exchange by older clients.
     */
    private static int keyUsage(KeyPurpose purpose, PublicKey key) {
        boolean rsa = key instanceof RSAKey;
        return switch (purpose) {
            case SIGNING -> KeyUsage.digitalSignature | KeyUsage.nonRepudiation;
            case ENCRYPTION -> rsa ? KeyUsage.keyEncipherment | KeyUsage.dataEncipherment : KeyUsage.keyAgreement;
            case TLS -> rsa ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment : KeyUsage.digitalSignature;
            case NATIONAL -> KeyUsage.digitalSignature;
        };
    }

    /**
     * Gateways talk mutual TLS, so the same certificate serves as server and as client. The SAN
     * covers local runs ({@code localhost}, {@code 127.0.0.1}) and the container/test host name.
     */
    private static GeneralNames gatewayHostNames(CountryCode country) {
        return new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, "localhost"),
            new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
            new GeneralName(GeneralName.dNSName, "gw-" + country.lowerCase() + TEST_DOMAIN),
        });
    }
}
