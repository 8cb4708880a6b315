package org.c2cgateway.as4;

import java.util.ArrayList;
import java.util.List;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import static org.c2cgateway.as4.EbmsNames.ATTACHMENT_CONTENT_SIGNATURE_TRANSFORM;
import static org.c2cgateway.as4.EbmsNames.DS_NS;
import static org.c2cgateway.as4.EbmsNames.EBBP_NS;
import static org.c2cgateway.as4.EbmsNames.EXC_C14N;

/**
 * Moves ds:Reference digests between signatures and receipts.
 *
 * <p>The receipt's ebbp:MessagePartNRInformation holds a ds:Reference per reference of the
 * request's signature. We only keep URI, DigestMethod and DigestValue; when writing, the
 * transform is restated from the URI ({@code cid:} means the attachment-content transform, which
 * is the only one AS4 uses, otherwise exc-c14n). Receivers compare digest values, not transforms.
 */
final class SignatureReferences {

    private SignatureReferences() {
    }

    /** The references of a ds:Signature's SignedInfo, in document order. */
    static List<ReferenceDigest> fromSignature(Element signature) {
        Element signedInfo = SoapEnvelopes.child(signature, DS_NS, "SignedInfo");
        List<ReferenceDigest> out = new ArrayList<>();
        for (Node n = signedInfo == null ? null : signedInfo.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && DS_NS.equals(e.getNamespaceURI()) && "Reference".equals(e.getLocalName())) {
                out.add(read(e));
            }
        }
        return List.copyOf(out);
    }

    /** The ds:Reference elements anywhere below {@code container} (e.g. an eb:Receipt). */
    static List<ReferenceDigest> fromReceipt(Element container) {
        NodeList refs = container.getElementsByTagNameNS(DS_NS, "Reference");
        List<ReferenceDigest> out = new ArrayList<>();
        for (int i = 0; i < refs.getLength(); i++) {
            out.add(read((Element) refs.item(i)));
        }
        return List.copyOf(out);
    }

    private static ReferenceDigest read(Element reference) {
        Element method = SoapEnvelopes.child(reference, DS_NS, "DigestMethod");
        Element value = SoapEnvelopes.child(reference, DS_NS, "DigestValue");
        return new ReferenceDigest(reference.getAttributeNS(null, "URI"),
                method == null ? null : method.getAttributeNS(null, "Algorithm"),
                value == null ? null : value.getTextContent().replaceAll("\\s", ""));
    }

    /** Writes ebbp:NonRepudiationInformation with one MessagePartNRInformation per digest. */
    static Element nonRepudiationInformation(Document doc, List<ReferenceDigest> digests) {
        Element nri = doc.createElementNS(EBBP_NS, "ebbp:NonRepudiationInformation");
        for (ReferenceDigest d : digests) {
            Element part = doc.createElementNS(EBBP_NS, "ebbp:MessagePartNRInformation");
            Element ref = doc.createElementNS(DS_NS, "ds:Reference");
            ref.setAttributeNS(null, "URI", d.uri());
            Element transforms = doc.createElementNS(DS_NS, "ds:Transforms");
            Element transform = doc.createElementNS(DS_NS, "ds:Transform");
            transform.setAttributeNS(null, "Algorithm",
                    d.uri().startsWith("cid:") ? ATTACHMENT_CONTENT_SIGNATURE_TRANSFORM : EXC_C14N);
            transforms.appendChild(transform);
            ref.appendChild(transforms);
            Element method = doc.createElementNS(DS_NS, "ds:DigestMethod");
            method.setAttributeNS(null, "Algorithm", d.digestAlgorithm());
            ref.appendChild(method);
            Element value = doc.createElementNS(DS_NS, "ds:DigestValue");
            value.setTextContent(d.digestValue());
            ref.appendChild(value);
            part.appendChild(ref);
            nri.appendChild(part);
        }
        return nri;
    }
}
