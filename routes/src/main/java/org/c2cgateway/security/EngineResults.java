package org.c2cgateway.security;

import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.WSDataRef;
import org.apache.wss4j.dom.engine.WSSecurityEngineResult;
import org.apache.wss4j.dom.handler.WSHandlerResult;
import org.w3c.dom.Element;

import static org.c2cgateway.security.SecurityCheckException.Reason.AUTHENTICATION_FAILED;
import static org.c2cgateway.security.SecurityCheckException.Reason.POLICY_VIOLATION;

/** Turns WSS4J's untyped result maps into a {@link VerifiedSecurity}. */
final class EngineResults {

    private EngineResults() {
    }

    /** @param decryptionCertificate the certificate of our key that decrypted, or null */
    static VerifiedSecurity collect(WSHandlerResult result, Element signature, X509Certificate decryptionCertificate)
            throws SecurityCheckException {
        List<WSSecurityEngineResult> signs = result == null ? null : result.getActionResults().get(WSConstants.SIGN);
        if (signs == null || signs.size() != 1) {
            throw new SecurityCheckException(POLICY_VIOLATION, "the message is not signed");
        }
        WSSecurityEngineResult sign = signs.get(0);
        X509Certificate cert = (X509Certificate) sign.get(WSSecurityEngineResult.TAG_X509_CERTIFICATE);
        if (cert == null) {
            throw new SecurityCheckException(AUTHENTICATION_FAILED, "the signature is not made with an X.509 key");
        }
        Set<Element> elements = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<String> signedAttachments = new LinkedHashSet<>();
        for (WSDataRef ref : dataRefs(sign)) {
            if (ref.getProtectedElement() != null) {
                elements.add(ref.getProtectedElement());
            }
            attachmentId(ref).ifPresent(signedAttachments::add);
        }
        // Decrypted attachments come from the ENCR results, not from the callback handler: WSS4J
        // also hands signed attachments back through the result callback after digesting them.
        Set<String> decrypted = new LinkedHashSet<>();
        List<WSSecurityEngineResult> encs = result.getActionResults().getOrDefault(WSConstants.ENCR, List.of());
        for (WSSecurityEngineResult enc : encs) {
            for (WSDataRef ref : dataRefs(enc)) {
                if (ref.isAttachment()) {
                    attachmentId(ref).ifPresent(decrypted::add);
                }
            }
        }
        return new VerifiedSecurity(cert, signature, Collections.unmodifiableSet(elements),
                Collections.unmodifiableSet(signedAttachments), Collections.unmodifiableSet(decrypted),
                decrypted.isEmpty() ? null : decryptionCertificate);
    }

    @SuppressWarnings("unchecked")
    private static List<WSDataRef> dataRefs(WSSecurityEngineResult r) {
        List<WSDataRef> refs = (List<WSDataRef>) r.get(WSSecurityEngineResult.TAG_DATA_REF_URIS);
        return refs == null ? List.of() : refs;
    }

    /** For a {@code cid:} reference, the bare Content-ID. */
    private static Optional<String> attachmentId(WSDataRef ref) {
        String uri = ref.getWsuId();
        return uri != null && uri.startsWith("cid:") ? Optional.of(uri.substring(4)) : Optional.empty();
    }
}
