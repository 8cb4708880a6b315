package org.c2cgateway.inbound;

/** Camel headers that carry what the transport knows about an AS4 request into the inbound route. */
public final class InboundHeaders {

    /** The request's MIME type, with its boundary. */
    public static final String CONTENT_TYPE = "Content-Type";
    /** The partner's TLS client certificate (an {@code X509Certificate}), when the connection had one. */
    public static final String TLS_CLIENT_CERTIFICATE = "c2cTlsClientCertificate";
    /** Set when this message id was accepted before: it is acknowledged again, not delivered again. */
    public static final String DUPLICATE = "c2cDuplicate";
    /**
     * Set on a partner's delivery status: kept on the message it is about, answered with a receipt that is not
     * kept, and never queued (it has no {@link #DUPLICATE} header, which only notifications get).
     */
    public static final String DELIVERY_STATUS = "c2cDeliveryStatus";

    private InboundHeaders() {
    }
}
