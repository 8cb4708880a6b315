package org.c2cgateway.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The delivery statuses a receiving gateway sends a partner in one signed AS4 message. Sent one by one, each
 * status cost a signature, an encryption, a key unwrap and a signed receipt: a fifth of the CPU of an exchange.
 * In a batch these are paid once for all of them.
 * <p>
 * A batch of one travels as a lone {@code DeliveryStatus}, exactly as gateways sent statuses before batches, and
 * several as a {@code DeliveryStatuses} root holding one {@code DeliveryStatus} element each, in the same
 * namespace. A gateway sending batches of at most one ({@code c2c.delivery-status.batch.max-statuses=1}) is
 * therefore read by partners of every version.
 */
public record DeliveryStatusBatch(List<DeliveryStatus> statuses) {

    /** The most a partner's batch may hold; a sender's own batches are smaller (see its configuration). */
    public static final int MAX_STATUSES = 1_000;
    static final String ROOT = "DeliveryStatuses";

    public DeliveryStatusBatch {
        statuses = List.copyOf(statuses);
        if (statuses.isEmpty()) {
            throw new IllegalArgumentException("a batch holds at least one delivery status");
        }
        if (statuses.size() > MAX_STATUSES) {
            throw new IllegalArgumentException("a batch holds at most " + MAX_STATUSES + " delivery statuses, not "
                    + statuses.size());
        }
    }

    /** The payload as it travels: a lone status when there is one, else the list. */
    public byte[] toXml() {
        if (statuses.size() == 1) {
            return statuses.get(0).toXml();
        }
        return DeliveryStatus.document(xml -> {
            xml.writeStartElement("", ROOT, DeliveryStatus.NAMESPACE);
            xml.writeDefaultNamespace(DeliveryStatus.NAMESPACE);
            for (DeliveryStatus status : statuses) {
                status.write(xml, false);
            }
            xml.writeEndElement();
        });
    }

    /**
     * The AS4 MessageId of the batch, derived from what it reports, so that the same batch sent again after a lost
     * receipt is the same message to the partner. A lone status keeps the id it had before batches: one per
     * notification and step.
     */
    public String messageId() {
        String reported = statuses.stream().map(DeliveryStatus::step).sorted()
                .reduce((a, b) -> a + "\n" + b).orElseThrow();
        return UUID.nameUUIDFromBytes(reported.getBytes(StandardCharsets.UTF_8)) + "@delivery-status.c2c-gateway";
    }

    /** The one notification the AS4 message refers to (eb:RefToMessageId): a lone status's; none for a list. */
    public String refToMessageId() {
        return statuses.size() == 1 ? statuses.get(0).refToMessageId() : null;
    }

    /**
     * Reads a partner's payload, which is untrusted: a lone status or a list of them, each read as strictly as a
     * lone one, no step reported twice, and nothing else in the list.
     *
     * @throws DeliveryStatusFormatException naming the field at fault
     */
    public static DeliveryStatusBatch parse(byte[] xml) throws DeliveryStatusFormatException {
        Element root = DeliveryStatus.parseDocument(xml, MAX_STATUSES * DeliveryStatus.MAX_BYTES);
        if (DeliveryStatus.isStatus(root)) {
            DeliveryStatus.requireSize(xml, DeliveryStatus.MAX_BYTES);
            return new DeliveryStatusBatch(List.of(DeliveryStatus.read(root)));
        }
        if (!DeliveryStatus.NAMESPACE.equals(root.getNamespaceURI()) || !ROOT.equals(root.getLocalName())) {
            throw new DeliveryStatusFormatException(ROOT, "the root element is {" + root.getNamespaceURI() + "}"
                    + root.getLocalName() + ", neither {" + DeliveryStatus.NAMESPACE + "}DeliveryStatus nor " + ROOT);
        }
        List<DeliveryStatus> statuses = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e)) {
                continue;
            }
            if (!DeliveryStatus.isStatus(e)) {
                throw new DeliveryStatusFormatException(e.getLocalName(), "is not part of a list of delivery statuses");
            }
            if (statuses.size() == MAX_STATUSES) {
                throw new DeliveryStatusFormatException(ROOT, "holds more than " + MAX_STATUSES + " delivery statuses");
            }
            DeliveryStatus status = DeliveryStatus.read(e);
            if (!reported.add(status.step())) {
                throw new DeliveryStatusFormatException("RefToMessageId", status.refToMessageId() + " is reported "
                        + status.kind() + " twice");
            }
            statuses.add(status);
        }
        if (statuses.isEmpty()) {
            throw new DeliveryStatusFormatException(ROOT, "holds no delivery status");
        }
        return new DeliveryStatusBatch(statuses);
    }
}
