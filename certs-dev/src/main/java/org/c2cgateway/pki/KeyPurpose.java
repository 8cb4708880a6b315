package org.c2cgateway.pki;

/**
 * What a gateway key pair is used for. Each country gets one key pair per purpose.
 *
 * <p>The purposes are kept apart because they have different lifecycles and different
 * consumers: the message-level key is what the partner administration pins in its
 * WS-Security configuration, while the TLS key only protects the transport and may be
 * replaced by a load balancer's certificate in a real deployment.
 */
public enum KeyPurpose {

    /**
     * Message-level key, used for both WS-Security signature and encryption in this first
     * version (a later version may split it into separate signing and encryption keys).
     */
    SIGNING("signing", "signing"),

    /** Transport key for mutual TLS between gateways, acting as both server and client. */
    TLS("tls", "TLS");

    private final String alias;
    private final String subjectLabel;

    KeyPurpose(String alias, String subjectLabel) {
        this.alias = alias;
        this.subjectLabel = subjectLabel;
    }

    /**
     * The key store alias and file base name, e.g. {@code signing} for {@code signing.p12}.
     *
     * @return the alias
     */
    public String alias() {
        return alias;
    }

    /**
     * The distinguished name of the gateway certificate for this purpose.
     *
     * @param country the country whose customs administration owns the key
     * @return the subject in RFC 2253 order, e.g.
     *         {@code CN=RS customs gateway signing, O=Customs administration RS, C=RS}
     */
    public String subjectName(CountryCode country) {
        return "CN=" + country + " customs gateway " + subjectLabel
                + ", O=Customs administration " + country
                + ", C=" + country;
    }
}
