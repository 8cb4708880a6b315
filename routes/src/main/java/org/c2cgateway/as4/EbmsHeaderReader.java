package org.c2cgateway.as4;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import static org.c2cgateway.as4.EbmsNames.EB_NS;

/**
 * Reads eb:Messaging by namespace and local name only: prefixes, the position of eb:Messaging
 * among the header blocks and the order of optional elements do not matter, so headers written
 * by phase4, Domibus or Holodeck read the same as ours.
 */
final class EbmsHeaderReader {

    /** The fields of an eb:UserMessage that the gateway uses. */
    record UserMessageHeader(String messageId, Instant timestamp, String fromParty, String toParty,
                             String service, String action, String conversationId, String agreementRef,
                             String originalSender, String finalRecipient, List<PartInfo> parts,
                             String refToMessageId) {
    }

    /** A payload reference; {@code href} is null for a payload in the SOAP Body. */
    record PartInfo(String href, String mimeType, String compressionType) {
    }

    /** An eb:SignalMessage: receipt and/or errors. */
    record Signal(String messageId, String refToMessageId, Instant timestamp, Element receipt,
                  List<ErrorInfo> errors) {
    }

    /** One eb:Error as the partner wrote it. */
    record ErrorInfo(String errorCode, String shortDescription, String severity, String description,
                     String detail, String refToMessageInError) {
    }

    /**
     * The longest eb:MessageId and eb:ConversationId accepted: the trace keys and searches messages by them, in
     * columns of this size. Real ids (a UUID and a host name; an MRN) are a quarter of it or less.
     */
    static final int MAX_MESSAGE_ID_LENGTH = 200;

    private EbmsHeaderReader() {
    }

    /** The single eb:Messaging header block (several would allow header-wrapping tricks). */
    static Element messaging(Element soapHeader) throws As4Exception {
        List<Element> found = children(soapHeader, "Messaging");
        if (found.isEmpty()) {
            throw new As4Exception(EbmsError.INVALID_HEADER, "the SOAP header has no eb:Messaging", null);
        }
        if (found.size() > 1) {
            throw new As4Exception(EbmsError.INVALID_HEADER, "the SOAP header has more than one eb:Messaging", null);
        }
        return found.get(0);
    }

    static UserMessageHeader userMessage(Element messaging) throws As4Exception {
        Element um = only(messaging, "UserMessage", null);
        Element info = required(um, "MessageInfo", null);
        String messageId = text(required(info, "MessageId", null));
        if (messageId.isEmpty()) {
            throw new As4Exception(EbmsError.INVALID_HEADER, "eb:MessageId is empty", null);
        }
        requireTraceable("eb:MessageId", messageId, null);
        Instant timestamp = timestamp(info, messageId);
        Element refTo = child(info, "RefToMessageId");
        Element partyInfo = required(um, "PartyInfo", messageId);
        String from = partyId(required(partyInfo, "From", messageId), "From", messageId);
        String to = partyId(required(partyInfo, "To", messageId), "To", messageId);
        Element collab = required(um, "CollaborationInfo", messageId);
        Element agreement = child(collab, "AgreementRef");
        String service = requiredText(collab, "Service", messageId);
        String action = requiredText(collab, "Action", messageId);
        String conversation = requiredText(collab, "ConversationId", messageId);
        requireTraceable("eb:ConversationId", conversation, messageId);
        Element props = child(um, "MessageProperties");
        List<PartInfo> parts = new ArrayList<>();
        Element payloadInfo = child(um, "PayloadInfo");
        for (Element p : payloadInfo == null ? List.<Element>of() : children(payloadInfo, "PartInfo")) {
            Element pp = child(p, "PartProperties");
            String href = p.hasAttributeNS(null, "href") ? p.getAttributeNS(null, "href").trim() : null;
            parts.add(new PartInfo(href, property(pp, "MimeType"), property(pp, "CompressionType")));
        }
        return new UserMessageHeader(messageId, timestamp, from, to, service, action, conversation,
                agreement == null ? null : text(agreement), property(props, "originalSender"),
                property(props, "finalRecipient"), List.copyOf(parts), refTo == null ? null : text(refTo));
    }

    private static void requireTraceable(String name, String id, String messageId) throws As4Exception {
        if (id.length() > MAX_MESSAGE_ID_LENGTH) {
            throw new As4Exception(EbmsError.INVALID_HEADER, name + " is " + id.length()
                    + " characters long, more than the " + MAX_MESSAGE_ID_LENGTH + " the trace keeps", messageId);
        }
    }

    static Signal signal(Element messaging) throws As4Exception {
        Element signal = only(messaging, "SignalMessage", null);
        Element info = required(signal, "MessageInfo", null);
        String messageId = text(required(info, "MessageId", null));
        Element ref = child(info, "RefToMessageId");
        List<ErrorInfo> errors = new ArrayList<>();
        for (Element e : children(signal, "Error")) {
            Element description = child(e, "Description");
            Element detail = child(e, "ErrorDetail");
            errors.add(new ErrorInfo(e.getAttributeNS(null, "errorCode"), e.getAttributeNS(null, "shortDescription"),
                    e.getAttributeNS(null, "severity"), description == null ? null : text(description),
                    detail == null ? null : text(detail), e.getAttributeNS(null, "refToMessageInError")));
        }
        return new Signal(messageId, ref == null ? null : text(ref), timestamp(info, messageId),
                child(signal, "Receipt"), List.copyOf(errors));
    }

    private static Instant timestamp(Element info, String messageId) throws As4Exception {
        String ts = text(required(info, "Timestamp", messageId));
        try {
            return EbmsTimestamps.parse(ts);
        } catch (DateTimeParseException e) {
            throw new As4Exception(EbmsError.VALUE_NOT_RECOGNIZED, "eb:Timestamp is not an xsd:dateTime: " + ts,
                    messageId);
        }
    }

    private static String partyId(Element fromOrTo, String which, String messageId) throws As4Exception {
        List<Element> ids = children(fromOrTo, "PartyId");
        if (ids.isEmpty() || text(ids.get(0)).isEmpty()) {
            throw new As4Exception(EbmsError.INVALID_HEADER, "eb:" + which + " has no eb:PartyId", messageId);
        }
        return text(ids.get(0));
    }

    private static String property(Element properties, String name) {
        for (Element p : properties == null ? List.<Element>of() : children(properties, "Property")) {
            if (name.equals(p.getAttributeNS(null, "name"))) {
                return text(p);
            }
        }
        return null;
    }

    private static Element only(Element parent, String name, String messageId) throws As4Exception {
        List<Element> found = children(parent, name);
        if (found.size() != 1) {
            throw new As4Exception(EbmsError.INVALID_HEADER, "eb:Messaging must contain exactly one eb:" + name
                    + " (found " + found.size() + ")", messageId);
        }
        return found.get(0);
    }

    private static Element required(Element parent, String name, String messageId) throws As4Exception {
        Element e = child(parent, name);
        if (e == null) {
            throw new As4Exception(EbmsError.INVALID_HEADER,
                    "eb:" + parent.getLocalName() + " has no eb:" + name, messageId);
        }
        return e;
    }

    private static String requiredText(Element parent, String name, String messageId) throws As4Exception {
        String value = text(required(parent, name, messageId));
        if (value.isEmpty()) {
            throw new As4Exception(EbmsError.INVALID_HEADER, "eb:" + name + " is empty", messageId);
        }
        return value;
    }

    private static Element child(Element parent, String name) {
        return SoapEnvelopes.child(parent, EB_NS, name);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && EB_NS.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    private static String text(Element e) {
        return e.getTextContent().trim();
    }
}
