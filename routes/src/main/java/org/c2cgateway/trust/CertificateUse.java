package org.c2cgateway.trust;

/** What a partner's certificate is presented for; each use has its own accepted certificates and key usages. */
public enum CertificateUse {
    /** WS-Security signature of a user message or a receipt. */
    SIGNING("signing certificate"),
    /** The client certificate of the mutual TLS connection a message arrived on. */
    TLS_CLIENT("TLS client certificate");

    private final String label;

    CertificateUse(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
