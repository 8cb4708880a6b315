package org.c2cgateway.as4;

/** Namespace URIs and fixed values of the AS4 wire format. */
final class EbmsNames {

    static final String SOAP12_NS = "http://www.w3.org/2003/05/soap-envelope";
    static final String SOAP11_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String EB_NS = "http://docs.oasis-open.org/ebxml-msg/ebms/v3.0/ns/core/200704/";
    static final String EBBP_NS = "http://docs.oasis-open.org/ebxml-bp/ebbp-signals-2.0";
    static final String WSU_NS = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    static final String DS_NS = "http://www.w3.org/2000/09/xmldsig#";
    static final String XMLNS_NS = "http://www.w3.org/2000/xmlns/";
    static final String XML_NS = "http://www.w3.org/XML/1998/namespace";

    static final String PARTY_ID_TYPE_UNREGISTERED = "urn:oasis:names:tc:ebcore:partyid-type:unregistered";
    static final String ROLE_INITIATOR = "http://docs.oasis-open.org/ebxml-msg/ebms/v3.0/ns/core/200704/initiator";
    static final String ROLE_RESPONDER = "http://docs.oasis-open.org/ebxml-msg/ebms/v3.0/ns/core/200704/responder";
    static final String COMPRESSION_GZIP = "application/gzip";
    static final String SOAP12_CONTENT_TYPE = "application/soap+xml";

    static final String EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";
    static final String ATTACHMENT_CONTENT_SIGNATURE_TRANSFORM =
            "http://docs.oasis-open.org/wss/oasis-wss-SwAProfile-1.1#Attachment-Content-Signature-Transform";

    private EbmsNames() {
    }
}
