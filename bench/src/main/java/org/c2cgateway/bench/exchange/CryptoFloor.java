package org.c2cgateway.bench.exchange;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

/**
 * The floor under an RSA exchange: the RSA-2048 private-key operations it cannot do without, timed in a loop on
 * this machine, with the providers the gateway uses for them (the JDK's; Bouncy Castle is no faster for RSA).
 * One exchange needs three: RS signs the message ({@code rsa-sha256}), MK unwraps the content key
 * (RSA-OAEP, SHA-256 and MGF1-SHA-256, as eDelivery AS4 1.15 sets it) and MK signs the receipt.
 */
final class CryptoFloor {

    private static final int BATCH = 100;
    private static final int BATCHES = 7;

    private final KeyPair signing;
    private final KeyPair encryption;
    private final byte[] signedInfo = new byte[900]; // what an AS4 signature covers: the SignedInfo, ~1 KB
    private final byte[] wrappedKey;

    CryptoFloor() throws GeneralSecurityException {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        signing = rsa.generateKeyPair();
        encryption = rsa.generateKeyPair();
        Arrays.fill(signedInfo, (byte) 'x');
        Cipher wrap = oaep();
        wrap.init(Cipher.WRAP_MODE, encryption.getPublic(), oaepParameters());
        wrappedKey = wrap.wrap(new SecretKeySpec(new byte[16], "AES"));
    }

    /** Milliseconds of the three private-key operations, the median over a few batches after a warm-up. */
    double millisPerExchange() throws GeneralSecurityException {
        batch(); // the JIT
        double[] perExchange = new double[BATCHES];
        for (int i = 0; i < BATCHES; i++) {
            perExchange[i] = batch();
        }
        Arrays.sort(perExchange);
        return perExchange[BATCHES / 2];
    }

    private double batch() throws GeneralSecurityException {
        long start = System.nanoTime();
        for (int i = 0; i < BATCH; i++) {
            sign();                // RS's message signature
            unwrap();              // MK's content key
            sign();                // MK's receipt signature
        }
        return (System.nanoTime() - start) / 1e6 / BATCH;
    }

    private void sign() throws GeneralSecurityException {
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(signing.getPrivate());
        signature.update(signedInfo);
        signature.sign();
    }

    private void unwrap() throws GeneralSecurityException {
        Cipher cipher = oaep();
        cipher.init(Cipher.UNWRAP_MODE, encryption.getPrivate(), oaepParameters());
        cipher.unwrap(wrappedKey, "AES", Cipher.SECRET_KEY);
    }

    private static Cipher oaep() throws GeneralSecurityException {
        return Cipher.getInstance("RSA/ECB/OAEPPadding");
    }

    private static OAEPParameterSpec oaepParameters() {
        return new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);
    }
}
