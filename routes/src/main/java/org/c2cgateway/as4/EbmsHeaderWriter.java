package org.c2cgateway.as4;

import java.time.Instant;
import java.util.List;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import static org.c2cgateway.as4.EbmsNames.COMPRESSION_GZIP;
import static org.c2cgateway.as4.EbmsNames.DS_NS;
import static org.c2cgateway.as4.EbmsNames.EBBP_NS;
import static org.c2cgateway.as4.EbmsNames.EB_NS;
import static org.c2cgateway.as4.EbmsNames.ROLE_INITIATOR;
import static org.c2cgateway.as4.EbmsNames.ROLE_RESPONDER;
import static org.c2cgateway.as4.EbmsNames.SOAP12_NS;
import static org.c2cgateway.as4.EbmsNames.WSU_NS;
import static org.c2cgateway.as4.EbmsNames.XMLNS_NS;
import static org.c2cgateway.as4.EbmsNames.XML_NS;

/**
 * Writes the eb:Messaging header: a UserMessage, a Receipt signal or an Error signal, in the
 * element order of the ebMS3 schema and the phase4 captures. Namespaces are declared on
 * eb:Messaging itself so that the signed element is self-contained under exc-c14n.
 */
final class EbmsHeaderWriter {

    private EbmsHeaderWriter() {
    }

    /** Appends eb:Messaging with a UserMessage whose one payload is attachment {@code contentId}. */
    static Element userMessage(SoapEnvelopes.Envelope env, UserMessage m, String contentId,
                               String partyIdType, String serviceType) {
        Element messaging = messaging(env);
        Element um = add(messaging, "eb:UserMessage", null);
        messageInfo(um, m.timestamp(), m.messageId(), m.refToMessageId());
        Element partyInfo = add(um, "eb:PartyInfo", null);
        party(add(partyInfo, "eb:From", null), m.fromParty(), partyIdType, ROLE_INITIATOR);
        party(add(partyInfo, "eb:To", null), m.toParty(), partyIdType, ROLE_RESPONDER);
        Element collab = add(um, "eb:CollaborationInfo", null);
        if (m.agreementRef() != null) {
            add(collab, "eb:AgreementRef", m.agreementRef());
        }
        Element service = add(collab, "eb:Service", m.service());
        if (serviceType != null) {
            service.setAttributeNS(null, "type", serviceType);
        }
        add(collab, "eb:Action", m.action());
        add(collab, "eb:ConversationId", m.conversationId());
        if (m.originalSender() != null || m.finalRecipient() != null) {
            Element props = add(um, "eb:MessageProperties", null);
            property(props, "originalSender", m.originalSender(), partyIdType);
            property(props, "finalRecipient", m.finalRecipient(), partyIdType);
        }
        Element partInfo = add(add(um, "eb:PayloadInfo", null), "eb:PartInfo", null);
        partInfo.setAttributeNS(null, "href", "cid:" + contentId);
        Element partProps = add(partInfo, "eb:PartProperties", null);
        property(partProps, "MimeType", m.payloadMimeType(), null);
        property(partProps, "CompressionType", COMPRESSION_GZIP, null);
        return messaging;
    }

    /** Appends eb:Messaging with a non-repudiation Receipt signal. */
    static Element receipt(SoapEnvelopes.Envelope env, String messageId, Instant timestamp, String refToMessageId,
                           List<ReferenceDigest> digests) {
        Element messaging = messaging(env);
        messaging.setAttributeNS(XMLNS_NS, "xmlns:ebbp", EBBP_NS);
        messaging.setAttributeNS(XMLNS_NS, "xmlns:ds", DS_NS);
        Element signal = add(messaging, "eb:SignalMessage", null);
        messageInfo(signal, timestamp, messageId, refToMessageId);
        Element receipt = add(signal, "eb:Receipt", null);
        receipt.appendChild(SignatureReferences.nonRepudiationInformation(env.doc(), digests));
        return messaging;
    }

    /** Appends eb:Messaging with an Error signal for {@code error}. */
    static Element error(SoapEnvelopes.Envelope env, String messageId, Instant timestamp, As4Exception error) {
        Element messaging = messaging(env);
        Element signal = add(messaging, "eb:SignalMessage", null);
        messageInfo(signal, timestamp, messageId, error.refToMessageId());
        EbmsError e = error.error();
        Element err = add(signal, "eb:Error", null);
        err.setAttributeNS(null, "category", e.category());
        err.setAttributeNS(null, "errorCode", e.code());
        err.setAttributeNS(null, "origin", e.code().startsWith("EBMS:01") ? "security" : "ebMS");
        if (error.refToMessageId() != null) {
            err.setAttributeNS(null, "refToMessageInError", error.refToMessageId());
        }
        err.setAttributeNS(null, "severity", e.severity());
        err.setAttributeNS(null, "shortDescription", e.shortDescription());
        Element description = add(err, "eb:Description", e.shortDescription());
        description.setAttributeNS(XML_NS, "xml:lang", "en");
        if (error.detail() != null) {
            add(err, "eb:ErrorDetail", error.detail());
        }
        return messaging;
    }

    private static Element messaging(SoapEnvelopes.Envelope env) {
        Element messaging = env.doc().createElementNS(EB_NS, "eb:Messaging");
        messaging.setAttributeNS(XMLNS_NS, "xmlns:eb", EB_NS);
        messaging.setAttributeNS(XMLNS_NS, "xmlns:wsu", WSU_NS);
        messaging.setAttributeNS(SOAP12_NS, "S12:mustUnderstand", "true");
        messaging.setAttributeNS(WSU_NS, "wsu:Id", SoapEnvelopes.newWsuId("msg"));
        env.header().appendChild(messaging);
        return messaging;
    }

    private static void messageInfo(Element parent, Instant timestamp, String messageId, String refTo) {
        Element info = add(parent, "eb:MessageInfo", null);
        add(info, "eb:Timestamp", EbmsTimestamps.format(timestamp));
        add(info, "eb:MessageId", messageId);
        if (refTo != null) {
            add(info, "eb:RefToMessageId", refTo);
        }
    }

    private static void party(Element parent, String partyId, String type, String role) {
        Element id = add(parent, "eb:PartyId", partyId);
        if (type != null) {
            id.setAttributeNS(null, "type", type);
        }
        add(parent, "eb:Role", role);
    }

    private static void property(Element parent, String name, String value, String type) {
        if (value == null) {
            return;
        }
        Element p = add(parent, "eb:Property", value);
        p.setAttributeNS(null, "name", name);
        if (type != null) {
            p.setAttributeNS(null, "type", type);
        }
    }

    private static Element add(Element parent, String qname, String text) {
        Element e = parent.getOwnerDocument().createElementNS(qname.startsWith("eb:") ? EB_NS : DS_NS, qname);
        if (text != null) {
            e.setTextContent(text);
        }
        parent.appendChild(e);
        return e;
    }
}
