package org.c2cgateway.security;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import org.apache.wss4j.common.WSS4JConstants;
import org.apache.wss4j.common.crypto.AlgorithmSuite;
import org.apache.wss4j.dom.WSConstants;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import static org.c2cgateway.security.SecurityCheckException.Reason.POLICY_VIOLATION;

/**
 * The algorithms we accept from a partner: those of the {@link CryptoSuite} agreed with it, plus
 * their stronger SHA-2 and AES-GCM siblings. A message in the other suite is a downgrade (or a
 * misconfigured partner) and is refused like any weak algorithm, naming the algorithm and the suite.
 *
 * <p>Checked twice. First {@link #check(Element)} scans the wsse:Security header before any
 * cryptography runs, so a weak algorithm is reported as a policy violation (ebMS 0103) with the
 * offending URI, instead of surfacing as an obscure failure later; it also checks what WSS4J's
 * {@link AlgorithmSuite} does not look at: the RSA-OAEP digest and MGF parameters (absent, they
 * default to SHA-1) and the HKDF pseudo-random function. Then the same lists go to WSS4J as an
 * {@link AlgorithmSuite} as a second line of defence. Refused in particular: SHA-1 digests and
 * signatures, RSA PKCS#1 v1.5 key transport ({@code rsa-1_5}), {@code rsa-oaep-mgf1p} (MGF1-SHA-1),
 * AES-CBC, and anything of the suite not agreed (e.g. RSA-SHA256 where Ed25519 is agreed).
 */
public final class AlgorithmPolicy {

    static final String DS_NS = WSConstants.SIG_NS;
    static final String XENC_NS = WSConstants.ENC_NS;
    static final String XENC11_NS = "http://www.w3.org/2009/xmlenc11#";
    static final String DSIG_MORE_NS = "http://www.w3.org/2021/04/xmldsig-more#";

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
    static final Set<String> MGF = Set.of(
            WSConstants.MGF_SHA256,
            "http://www.w3.org/2009/xmlenc11#mgf1sha384",
            "http://www.w3.org/2009/xmlenc11#mgf1sha512");
    static final Set<String> HKDF_PRF = Set.of(
            WSS4JConstants.HMAC_SHA256, WSS4JConstants.HMAC_SHA384, WSS4JConstants.HMAC_SHA512);
    static final Set<String> DATA_ENCRYPTION = Set.of(
            WSConstants.AES_128_GCM,
            "http://www.w3.org/2009/xmlenc11#aes192-gcm",
            WSConstants.AES_256_GCM);

    private static final Map<CryptoSuite, AlgorithmPolicy> POLICIES = new EnumMap<>(CryptoSuite.class);

    static {
        POLICIES.put(CryptoSuite.EDELIVERY_AS4_1, new AlgorithmPolicy(CryptoSuite.EDELIVERY_AS4_1,
                Set.of(WSConstants.RSA_SHA256,
                        "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384",
                        "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512"),
                Set.of(WSConstants.KEYTRANSPORT_RSAOAEP_XENC11), Set.of(), Set.of()));
        POLICIES.put(CryptoSuite.EDELIVERY_AS4_2_EC, new AlgorithmPolicy(CryptoSuite.EDELIVERY_AS4_2_EC,
                Set.of(WSS4JConstants.ED25519),
                Set.of(WSS4JConstants.KEYWRAP_AES128, WSS4JConstants.KEYWRAP_AES256),
                Set.of(WSS4JConstants.AGREEMENT_METHOD_X25519), Set.of(WSS4JConstants.KEYDERIVATION_HKDF)));
    }

    private final CryptoSuite suite;
    private final Set<String> signatureMethods;
    private final Set<String> keyEncryption;
    private final Set<String> keyAgreements;
    private final Set<String> keyDerivations;

    private AlgorithmPolicy(CryptoSuite suite, Set<String> signatureMethods, Set<String> keyEncryption,
                            Set<String> keyAgreements, Set<String> keyDerivations) {
        this.suite = suite;
        this.signatureMethods = signatureMethods;
        this.keyEncryption = keyEncryption;
        this.keyAgreements = keyAgreements;
        this.keyDerivations = keyDerivations;
    }

    /** What we accept from a partner with whom {@code suite} is agreed. */
    public static AlgorithmPolicy of(CryptoSuite suite) {
        return POLICIES.get(suite);
    }

    /** A fresh WSS4J suite with the same lists (AlgorithmSuite is mutable, so never shared). */
    AlgorithmSuite algorithmSuite() {
        AlgorithmSuite wss4j = new AlgorithmSuite();
        signatureMethods.forEach(wss4j::addSignatureMethod);
        DIGESTS.forEach(wss4j::addDigestAlgorithm);
        C14N.forEach(wss4j::addC14nAlgorithm);
        SIGNATURE_TRANSFORMS.forEach(wss4j::addTransformAlgorithm);
        keyEncryption.forEach(wss4j::addKeyWrapAlgorithm);
        // WSS4J treats empty lists as "anything goes", so an RSA suite lists the EC agreement as
        // its only one: the scan below refuses any agreement method before WSS4J sees it.
        (keyAgreements.isEmpty() ? Set.of(WSS4JConstants.AGREEMENT_METHOD_X25519) : keyAgreements)
                .forEach(wss4j::addKeyAgreementMethodAlgorithm);
        (keyDerivations.isEmpty() ? Set.of(WSS4JConstants.KEYDERIVATION_HKDF) : keyDerivations)
                .forEach(wss4j::addDerivedKeyAlgorithm);
        DATA_ENCRYPTION.forEach(wss4j::addEncryptionMethod);
        wss4j.setMinimumAsymmetricKeyLength(CryptoSuite.MINIMUM_RSA_BITS);
        wss4j.setMaximumAsymmetricKeyLength(8192);
        wss4j.setMinimumEllipticCurveKeyLength(256);
        wss4j.setMinimumSymmetricKeyLength(128);
        return wss4j;
    }

    /**
     * Scans a wsse:Security header and refuses any algorithm outside this policy's lists. The signature
     * goes first, so that a message in the other suite is reported by its signature method.
     */
    public void check(Element security) throws SecurityCheckException {
        for (Node n = security.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && DS_NS.equals(e.getNamespaceURI()) && "Signature".equals(e.getLocalName())) {
                scan(e, null);
            }
        }
        scan(security, null);
    }

    private void scan(Element e, String context) throws SecurityCheckException {
        String ns = e.getNamespaceURI();
        String name = e.getLocalName();
        String nextContext = context;
        if (DS_NS.equals(ns) && "Signature".equals(name)) {
            nextContext = "signature";
        } else if (XENC_NS.equals(ns) && "EncryptedKey".equals(name)) {
            nextContext = "encryptedKey";
            checkKeyEncryption(e);
        } else if (XENC_NS.equals(ns) && "EncryptedData".equals(name)) {
            nextContext = "encryptedData";
        } else if (XENC_NS.equals(ns) && "CipherReference".equals(name)) {
            nextContext = "cipherReference";
        } else if (XENC11_NS.equals(ns) && "KeyDerivationMethod".equals(name)) {
            nextContext = "keyDerivation";
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

    private void checkAlgorithm(Element e, String ns, String name, String context) throws SecurityCheckException {
        if (!e.hasAttributeNS(null, "Algorithm")) {
            return;
        }
        String alg = e.getAttributeNS(null, "Algorithm");
        if (DS_NS.equals(ns) && "SignatureMethod".equals(name)) {
            require(signatureMethods, alg, "signature method");
        } else if (DS_NS.equals(ns) && "CanonicalizationMethod".equals(name)) {
            require(C14N, alg, "canonicalization method");
        } else if (DS_NS.equals(ns) && "DigestMethod".equals(name)) {
            require(DIGESTS, alg, "encryptedKey".equals(context) ? "RSA-OAEP digest"
                    : "keyDerivation".equals(context) ? "key derivation digest" : "digest method");
        } else if (DS_NS.equals(ns) && "Transform".equals(name)) {
            require("cipherReference".equals(context) ? CIPHER_REFERENCE_TRANSFORMS : SIGNATURE_TRANSFORMS,
                    alg, "transform");
        } else if (XENC_NS.equals(ns) && "EncryptionMethod".equals(name)) {
            if ("encryptedKey".equals(context)) {
                require(keyEncryption, alg, keyEncryptionName());
            } else {
                require(DATA_ENCRYPTION, alg, "data encryption algorithm");
            }
        } else if (XENC11_NS.equals(ns) && "MGF".equals(name)) {
            require(MGF, alg, "RSA-OAEP mask generation function");
        } else if (XENC_NS.equals(ns) && "AgreementMethod".equals(name)) {
            require(keyAgreements, alg, "key agreement method");
        } else if (XENC11_NS.equals(ns) && "KeyDerivationMethod".equals(name)) {
            require(keyDerivations, alg, "key derivation method");
        } else if (DSIG_MORE_NS.equals(ns) && "PRF".equals(name)) {
            require(HKDF_PRF, alg, "HKDF pseudo-random function");
        }
    }

    /**
     * The EncryptedKey's method and its parameters: RSA-OAEP without explicit DigestMethod/MGF means
     * SHA-1 for both; AES key wrap without an agreement would need a key we never shared.
     */
    private void checkKeyEncryption(Element encryptedKey) throws SecurityCheckException {
        Element method = child(encryptedKey, XENC_NS, "EncryptionMethod");
        if (method == null) {
            throw new SecurityCheckException(POLICY_VIOLATION, "xenc:EncryptedKey has no EncryptionMethod");
        }
        require(keyEncryption, method.getAttributeNS(null, "Algorithm"), keyEncryptionName());
        if (!keyAgreements.isEmpty()) {
            Element keyInfo = child(encryptedKey, DS_NS, "KeyInfo");
            if (keyInfo == null || child(keyInfo, XENC_NS, "AgreementMethod") == null) {
                throw new SecurityCheckException(POLICY_VIOLATION, "the AES key wrap of the xenc:EncryptedKey has "
                        + "no xenc:AgreementMethod, which suite " + suite + " requires");
            }
            return;
        }
        if (child(method, DS_NS, "DigestMethod") == null) {
            throw new SecurityCheckException(POLICY_VIOLATION,
                    "RSA-OAEP key transport without DigestMethod (defaults to SHA-1) is not accepted");
        }
        if (child(method, XENC11_NS, "MGF") == null) {
            throw new SecurityCheckException(POLICY_VIOLATION,
                    "RSA-OAEP key transport without MGF (defaults to MGF1-SHA-1) is not accepted");
        }
    }

    private String keyEncryptionName() {
        return keyAgreements.isEmpty() ? "key transport algorithm" : "key wrap algorithm";
    }

    private void require(Set<String> allowed, String alg, String what) throws SecurityCheckException {
        if (!allowed.contains(alg)) {
            throw new SecurityCheckException(POLICY_VIOLATION, "the " + what + " " + alg
                    + " is not accepted under the crypto suite agreed with this partner, " + suite);
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
