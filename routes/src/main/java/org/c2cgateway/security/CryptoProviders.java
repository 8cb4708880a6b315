package org.c2cgateway.security;

import java.security.Provider;

import org.apache.wss4j.common.WSS4JConstants;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Which JCA provider computes which algorithm, chosen by measurement ({@code bench/}'s
 * CryptoProviderBenchmark; figures in the README's crypto suite section): on JDK 17, Bouncy Castle's
 * Ed25519 signs about 14x and verifies about 8x faster than SunEC's, while SunJCE's AES-GCM (on the
 * CPU's AES and carry-less multiply instructions) is about 20x faster than Bouncy Castle's, and RSA is
 * on a par. An EC-suite message costs about 0.4 ms less CPU on each side this way.
 *
 * <p>So Bouncy Castle is handed to WSS4J for Ed25519 signatures only, as a {@link Provider} object
 * per operation ({@code WSSecSignature.setSignatureProvider}, {@code RequestData.setSignatureProvider}).
 * It is never added to the JVM's provider list: {@code Security.insertProviderAt(bc, 1)} would make it
 * the AES-GCM implementation of the whole JVM, and Santuario's per-URI provider table
 * ({@code JCEMapper.Algorithm.jceProvider}) is only read by its streaming (StAX) code, not by the DOM
 * code WSS4J uses. Everything else, X25519 included, stays with the JDK's providers: xmlsec's key
 * agreement takes no provider (only a global one would do, which would take AES-GCM too), and X25519
 * runs once per message on each side, where Bouncy Castle would save about a tenth of a millisecond.
 */
public final class CryptoProviders {

    private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

    private CryptoProviders() {
    }

    /** The provider for a ds:SignatureMethod, or null for the JVM's default choice. */
    public static Provider forSignature(String signatureMethod) {
        return WSS4JConstants.ED25519.equals(signatureMethod) ? BOUNCY_CASTLE : null;
    }
}
