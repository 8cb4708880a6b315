package org.c2cgateway.security;

import java.security.cert.X509Certificate;
import java.util.List;

import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.engine.WSSConfig;
import org.apache.wss4j.dom.engine.WSSecurityEngine;
import org.apache.wss4j.dom.handler.RequestData;
import org.apache.wss4j.dom.handler.WSHandlerResult;
import org.apache.wss4j.dom.processor.EncryptedDataProcessor;
import org.apache.wss4j.dom.processor.EncryptedKeyProcessor;
import org.apache.wss4j.dom.processor.ReferenceListProcessor;
import org.apache.wss4j.dom.processor.SignatureProcessor;
import org.apache.wss4j.dom.validate.NoOpValidator;
import org.c2cgateway.security.PhaseTrackingProcessor.Phase;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import static org.c2cgateway.security.SecurityCheckException.Reason.AUTHENTICATION_FAILED;
import static org.c2cgateway.security.SecurityCheckException.Reason.DECRYPTION_FAILED;
import static org.c2cgateway.security.SecurityCheckException.Reason.POLICY_VIOLATION;

/**
 * Processes the wsse:Security header of a received SOAP envelope with WSS4J: decrypts
 * attachments, verifies the one signature, and classifies failures.
 *
 * <p>Deliberately <em>not</em> done here: deciding whether the signer is the right partner. The
 * signature trust validator is a no-op, so WSS4J accepts whatever BinarySecurityToken the message
 * carries; the caller checks {@link VerifiedSecurity#signingCertificate()} against its trust in the
 * claimed sender. {@code knownSigners} are only used to resolve signatures that reference the key
 * by issuer/serial or SKI instead of embedding it.
 *
 * <p>Thread-safe: all WSS4J configuration ({@code WSSConfig}, {@code RequestData}, algorithm
 * suite, cryptos) is created per call.
 */
public final class WsSecurityVerifier {

    private WsSecurityVerifier() {
    }

    /**
     * @param attachments    the message's attachments; decrypted ones are replaced in place
     * @param knownSigners   certificates used to resolve non-embedded key references; may be empty
     * @param decryptionKeys our keys, one of which the EncryptedKey must reference (current and next while
     *                       keys roll over); empty when nothing may be encrypted
     * @param suite          the suite agreed with the sender: only its algorithms are accepted
     */
    public static VerifiedSecurity verify(Document envelope, AttachmentCallbackHandler attachments,
                                          List<X509Certificate> knownSigners, List<PrivateKeyEntry> decryptionKeys,
                                          CryptoSuite suite)
            throws SecurityCheckException {
        SecurityBootstrap.ensureInitialised();
        Element security = SecurityHeaders.securityHeader(envelope);
        SecurityHeaders.requireUniqueIds(envelope);
        AlgorithmPolicy policy = AlgorithmPolicy.of(suite);
        policy.check(security);
        Element signature = SecurityHeaders.singleSignature(security);
        requireAcceptableSignerKey(signature, security, suite);

        PhaseTrackingProcessor.Tracker tracker = new PhaseTrackingProcessor.Tracker();
        WSSConfig config = WSSConfig.getNewInstance();
        config.setProcessor(WSConstants.ENCRYPTED_KEY,
                new PhaseTrackingProcessor(new EncryptedKeyProcessor(), Phase.DECRYPTION, tracker));
        config.setProcessor(WSConstants.REFERENCE_LIST,
                new PhaseTrackingProcessor(new ReferenceListProcessor(), Phase.DECRYPTION, tracker));
        config.setProcessor(WSConstants.ENCRYPTED_DATA,
                new PhaseTrackingProcessor(new EncryptedDataProcessor(), Phase.DECRYPTION, tracker));
        config.setProcessor(WSConstants.SIGNATURE,
                new PhaseTrackingProcessor(new SignatureProcessor(), Phase.SIGNATURE, tracker));
        config.setValidator(WSConstants.SIGNATURE, new NoOpValidator());

        RequestData data = new RequestData();
        data.setWssConfig(config);
        data.setSigVerCrypto(new InMemoryCrypto(null, knownSigners.toArray(new X509Certificate[0])));
        InMemoryCrypto decCrypto = InMemoryCrypto.withKeys(decryptionKeys);
        data.setDecCrypto(decCrypto);
        data.setCallbackHandler(callbacks -> { });
        data.setAttachmentCallbackHandler(attachments);
        data.setAlgorithmSuite(policy.algorithmSuite());
        data.setSignatureProvider(CryptoProviders.forSignature(suite.signatureMethod()));
        data.setAllowRSA15KeyTransportAlgorithm(false);
        data.setRequireSignedEncryptedDataElements(false);

        WSSecurityEngine engine = new WSSecurityEngine();
        engine.setWssConfig(config);
        WSHandlerResult result;
        try {
            result = engine.processSecurityHeader(security, data);
        } catch (WSSecurityException | RuntimeException e) {
            throw classify(e, tracker.current(), attachments, decCrypto, signature, security,
                    knownSigners.isEmpty() ? null : knownSigners.get(0));
        }
        return EngineResults.collect(result, signature, decCrypto.keyHandedOut());
    }

    /**
     * Before any cryptography: an embedded signing certificate whose key the suite cannot accept (RSA under 2048
     * bits, or another key type) is refused naming the key, where WSS4J would only say that the header failed.
     * A signer referenced by issuer/serial or SKI is one of {@code knownSigners}, which were checked at start-up.
     */
    private static void requireAcceptableSignerKey(Element signature, Element security, CryptoSuite suite)
            throws SecurityCheckException {
        X509Certificate signer;
        try {
            signer = SignatureDiagnostics.tokenCertificate(signature, security);
        } catch (Exception unreadable) {
            return; // WSS4J reports the malformed token itself
        }
        if (signer == null) {
            return;
        }
        try {
            suite.requireSigningKey(signer.getPublicKey(), "the signing certificate (" + Certificates.describe(signer) + ")");
        } catch (IllegalArgumentException e) {
            throw new SecurityCheckException(POLICY_VIOLATION, e.getMessage(), e);
        }
    }

    private static SecurityCheckException classify(Exception e, Phase phase, AttachmentCallbackHandler attachments,
                                                   InMemoryCrypto decCrypto, Element signature, Element security,
                                                   X509Certificate fallback) {
        String why = e instanceof WSSecurityException w ? w.getMessage() : e.toString();
        if (phase == Phase.DECRYPTION || attachments.resultFailure() != null) {
            if (!SignatureDiagnostics.xmlReferencesVerify(signature, security, fallback)) {
                return new SecurityCheckException(AUTHENTICATION_FAILED,
                        "the signature over the signed SOAP header/body does not verify (checked because "
                                + "decryption also failed: " + why + ")", e);
            }
            if (decCrypto.unmatchedKeyRequest() != null) {
                return new SecurityCheckException(DECRYPTION_FAILED, "the message is encrypted for a certificate "
                        + "that is not ours (" + Certificates.describe(decCrypto.unmatchedKeyRequest()) + ")", e);
            }
            Throwable cause = attachments.resultFailure() != null ? attachments.resultFailure() : e;
            return new SecurityCheckException(DECRYPTION_FAILED, "decryption failed: " + describe(cause), e);
        }
        return new SecurityCheckException(AUTHENTICATION_FAILED, "signature verification failed: " + why, e);
    }

    /** The root cause, e.g. {@code javax.crypto.AEADBadTagException: Tag mismatch!}. */
    private static String describe(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == t ? String.valueOf(t.getMessage()) : root.toString();
    }
}
