package org.c2cgateway.pki;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a gateway key pair is used for. Each country gets one key pair per purpose.
 *
 * <p>The purposes are kept apart because they have different lifecycles, different consumers
 * and different key usages: a partner pins the signing certificate and encrypts to the
 * encryption certificate, the TLS key only protects the transport (a load balancer may hold it
 * in a real deployment), and the national key identifies the national customs system to its own
 * gateway. A certificate whose key usage does not fit what it is used for can then be refused.
 */
public enum KeyPurpose {

    /** WS-Security signature of outbound messages and receipts (digitalSignature, nonRepudiation). */
    SIGNING("signing", "CN=%s customs gateway signing"),

    /**
     * WS-Security encryption: partners encrypt the message key to it (keyEncipherment and
     * dataEncipherment for RSA, keyAgreement for ECDH P-256 and X25519).
     */
    ENCRYPTION("encryption", "CN=%s customs gateway encryption"),

    /** Transport key for mutual TLS between gateways, acting as both server and client. */
    TLS("tls", "CN=%s customs gateway TLS"),

    /**
     * TLS client certificate of the national customs system, for calling its own gateway's
     * national API; client authentication only.
     */
    NATIONAL("national", "CN=%s national customs system");

    private final String alias;
    private final String commonName;

    KeyPurpose(String alias, String commonName) {
        this.alias = alias;
        this.commonName = commonName;
    }

    /**
     * The key store alias and default file base name, e.g. {@code signing} for
     * {@code signing.p12}. A key store written under another name (e.g. {@code signing-next.p12})
     * keeps this alias, so renaming the file is enough to promote it.
     *
     * @return the alias
     */
    public String alias() {
        return alias;
    }

    /**
     * The distinguished name of the certificate for this purpose.
     *
     * @param country the country whose customs administration owns the key
     * @return the subject in RFC 2253 order, e.g.
     *         {@code CN=RS customs gateway signing, O=Customs administration RS, C=RS}
     */
    public String subjectName(CountryCode country) {
        return String.format(commonName, country)
                + ", O=Customs administration " + country
                + ", C=" + country;
    }

    /**
     * Parses the command line form, which is the alias.
     *
     * @param alias e.g. {@code encryption}
     * @return the purpose
     * @throws IllegalArgumentException naming the accepted values if {@code alias} is unknown
     */
    public static KeyPurpose fromAlias(String alias) {
        for (KeyPurpose purpose : values()) {
            if (purpose.alias.equals(alias)) {
                return purpose;
            }
        }
        throw new IllegalArgumentException("Unknown key purpose '" + alias + "': expected one of "
                + Arrays.stream(values()).map(KeyPurpose::alias).collect(Collectors.joining(", ")));
    }
}
