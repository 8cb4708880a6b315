package org.c2cgateway.security;

import java.util.Set;

import org.apache.wss4j.common.crypto.AlgorithmSuite;
import org.apache.wss4j.dom.WSConstants;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import static org.c2cgateway.security.SecurityCheckException.Reason.POLICY_VIOLATION;

/**
 * The algorithms we accept from partners: the eDelivery AS4 set and its stronger SHA-2 siblings.
 *
 * <p>Checked twice. First {@link #check(Element)} scans the wsse:Security header before any
 * cryptography runs, so a weak algorithm is reported as a policy violation (ebMS 0103) with the
 * offending URI, instead of surfacing as an obscure failure later; it also checks the RSA-OAEP
 * digest and MGF parameters, which WSS4J's {@link AlgorithmSuite} does not look at (absent, they
 * default to SHA-1). Then the same lists go to WSS4J as an {@link AlgorithmSuite} as a second
 * line of defence. Refused in particular: SHA-1 digests and signatures, RSA PKCS#1 v1.5 key
 * transport ({@code rsa-1_5}), {@code rsa-oaep-mgf1p} (MGF1-SHA-1) and AES-CBC.
 */
public final class AlgorithmPolicy {

    static final String DS_NS = WSConstants.SIG_NS;
    static final String XENC_NS = WSConstants.ENC_NS;
    static final String XENC11_NS = "http://www.w3.org/2009/xmlenc11#";

    static final Set<String> SIGNATURE_METHODS = Set.of(
            WSConstants.RSA_SHA256,
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384",
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512",
            "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256",
            "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384",
            "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512");
    static final Set<String> DIGESTS = Set.of(
            WSConstants.SHA256,
            "http://www.w3.org/2001/04/xmldsig-more#sha384",
            "http://www.w3.org/2001/04/xmlenc#sha512");
    static final Set<String> C14N = Set.of(WSConstants.C14N_EXCL_OMIT_COMMENTS);
    static final Set<String> SIGNATURE_TRANSFORMS = Set.of(
            WSConstants.C14N_EXCL_OMIT_COMMENTS,
            WSConstants.SWA_ATTACHMENT_CONTENT_SIG_TRANS,
            WSConstants.SWA_ATTACHMENT_COMPLETE_SIG_TRANS);
    static final Set<String> CIPHER_REFERENCE_TRANSFORMS = Set.of(WSConstants.SWA_ATTACHMENT_CIPHERTEXT_TRANS);
    static final Set<String> KEY_TRANSPORT = Set.of(WSConstants.KEYTRANSPORT_RSAOAEP_XENC11);
    static final Set<String> MGF = Set.of(
            WSConstants.MGF_SHA256,
            "http://www.w3.org/2009/xmlenc11#mgf1sha384",
            "http://www.w3.org/2009/xmlenc11#mgf1sha512");
    static final Set<String> DATA_ENCRYPTION = Set.of(
            WSConstants.AES_128_GCM,
            "http://www.w3.org/2009/xmlenc11#aes192-gcm",
            WSConstants.AES_256_GCM);

    private AlgorithmPolicy() {
    }

    /** A fresh WSS4J suite with the same lists (AlgorithmSuite is mutable, so never shared). */
    static AlgorithmSuite algorithmSuite() {
        AlgorithmSuite suite = new AlgorithmSuite();
        SIGNATURE_METHODS.forEach(suite::addSignatureMethod);
        DIGESTS.forEach(suite::addDigestAlgorithm);
        C14N.forEach(suite::addC14nAlgorithm);
        SIGNATURE_TRANSFORMS.forEach(suite::addTransformAlgorithm);
        KEY_TRANSPORT.forEach(suite::addKeyWrapAlgorithm);
        DATA_ENCRYPTION.forEach(suite::addEncryptionMethod);
        suite.setMinimumAsymmetricKeyLength(2048);
        suite.setMaximumAsymmetricKeyLength(8192);
        suite.setMinimumSymmetricKeyLength(128);
        return suite;
    }

    /** Scans a wsse:Security header and refuses any algorithm outside the lists above. */
    public static void check(Element security) throws SecurityCheckException {
        scan(security, null);
    }

    private static void scan(Element e, String context) throws SecurityCheckException {
        String ns = e.getNamespaceURI();
        String name = e.getLocalName();
        String nextContext = context;
        if (DS_NS.equals(ns) && "Signature".equals(name)) {
            nextContext = "signature";
        } else if (XENC_NS.equals(ns) && "EncryptedKey".equals(name)) {
            nextContext = "encryptedKey";
            checkOaepParameters(e);
        } else if (XENC_NS.equals(ns) && "EncryptedData".equals(name)) {
            nextContext = "encryptedData";
        } else if (XENC_NS.equals(ns) && "CipherReference".equals(name)) {
            nextContext = "cipherReference";
        } else if (DS_NS.equals(ns) && "KeyInfo".equals(name) && !"signature".equals(context)) {
            // A KeyInfo may hold an embedded EncryptedKey; it is scanned as such when met.
            nextContext = null;
        }
        checkAlgorithm(e, ns, name, context);
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                scan(child, nextContext);
            }
        }
    }

    private static void checkAlgorithm(Element e, String ns, String name, String context)
            throws SecurityCheckException {
        if (!e.hasAttributeNS(null, "Algorithm")) {
            return;
        }
        String alg = e.getAttributeNS(null, "Algorithm");
        if (DS_NS.equals(ns) && "SignatureMethod".equals(name)) {
            require(SIGNATURE_METHODS, alg, "signature method");
        } else if (DS_NS.equals(ns) && "CanonicalizationMethod".equals(name)) {
            require(C14N, alg, "canonicalization method");
        } else if (DS_NS.equals(ns) && "DigestMethod".equals(name)) {
            require(DIGESTS, alg, "encryptedKey".equals(context) ? "RSA-OAEP digest" : "digest method");
        } else if (DS_NS.equals(ns) && "Transform".equals(name)) {
            require("cipherReference".equals(context) ? CIPHER_REFERENCE_TRANSFORMS : SIGNATURE_TRANSFORMS,
                    alg, "transform");
        } else if (XENC_NS.equals(ns) && "EncryptionMethod".equals(name)) {
            if ("encryptedKey".equals(context)) {
                require(KEY_TRANSPORT, alg, "key transport algorithm");
            } else {
                require(DATA_ENCRYPTION, alg, "data encryption algorithm");
            }
        } else if (XENC11_NS.equals(ns) && "MGF".equals(name)) {
            require(MGF, alg, "RSA-OAEP mask generation function");
        }
    }

    /** RSA-OAEP without explicit DigestMethod/MGF means SHA-1 for both; refuse that. */
    private static void checkOaepParameters(Element encryptedKey) throws SecurityCheckException {
        Element method = child(encryptedKey, XENC_NS, "EncryptionMethod");
        if (method == null) {
            throw new SecurityCheckException(POLICY_VIOLATION, "xenc:EncryptedKey has no EncryptionMethod");
        }
        require(KEY_TRANSPORT, method.getAttributeNS(null, "Algorithm"), "key transport algorithm");
        if (child(method, DS_NS, "DigestMethod") == null) {
            throw new SecurityCheckException(POLICY_VIOLATION,
                    "RSA-OAEP key transport without DigestMethod (defaults to SHA-1) is not accepted");
        }
        if (child(method, XENC11_NS, "MGF") == null) {
            throw new SecurityCheckException(POLICY_VIOLATION,
                    "RSA-OAEP key transport without MGF (defaults to MGF1-SHA-1) is not accepted");
        }
    }

    private static void require(Set<String> allowed, String alg, String what) throws SecurityCheckException {
        if (!allowed.contains(alg)) {
            throw new SecurityCheckException(POLICY_VIOLATION, "the " + what + " " + alg + " is not accepted");
        }
    }

    static Element child(Element parent, String ns, String localName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && ns.equals(c.getNamespaceURI()) && localName.equals(c.getLocalName())) {
                return c;
            }
        }
        return null;
    }
}
