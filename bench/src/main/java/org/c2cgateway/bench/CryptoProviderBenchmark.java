package org.c2cgateway.bench;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.security.Signature;
import java.util.concurrent.TimeUnit;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The primitives of both crypto suites, on the JDK's providers and on Bouncy Castle, to choose a
 * provider per algorithm ({@code org.c2cgateway.security.CryptoProviders}) by measurement. Each
 * operation is what one AS4 message costs of it: one signature over SignedInfo, one ephemeral X25519
 * agreement, one AES-128-GCM pass over a compressed payload.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CryptoProviderBenchmark {

    /** {@code JDK}: SunEC, SunJCE, SunRsaSign; {@code BC}: Bouncy Castle for all. */
    @Param({"JDK", "BC"})
    String provider;

    private final SecureRandom random = new SecureRandom();
    private Provider ec;
    private Provider aes;
    private Provider rsa;
    private final byte[] signedInfo = new byte[1200];
    private final byte[] payload = new byte[16 * 1024];
    private KeyPair ed25519;
    private byte[] ed25519Signature;
    private KeyPair x25519Receiver;
    private KeyPair rsa2048;
    private SecretKeySpec aesKey;

    @Setup
    public void prepare() throws Exception {
        Provider bc = new BouncyCastleProvider();
        boolean jdk = "JDK".equals(provider);
        ec = jdk ? Security.getProvider("SunEC") : bc;
        aes = jdk ? Security.getProvider("SunJCE") : bc;
        rsa = jdk ? Security.getProvider("SunRsaSign") : bc;
        random.nextBytes(signedInfo);
        random.nextBytes(payload);
        ed25519 = KeyPairGenerator.getInstance("Ed25519", ec).generateKeyPair();
        ed25519Signature = ed25519Sign();
        x25519Receiver = KeyPairGenerator.getInstance("X25519", ec).generateKeyPair();
        KeyPairGenerator rsaGenerator = KeyPairGenerator.getInstance("RSA", rsa);
        rsaGenerator.initialize(2048);
        rsa2048 = rsaGenerator.generateKeyPair();
        byte[] key = new byte[16];
        random.nextBytes(key);
        aesKey = new SecretKeySpec(key, "AES");
    }

    @Benchmark
    public byte[] ed25519Sign() throws Exception {
        Signature s = Signature.getInstance("Ed25519", ec);
        s.initSign(ed25519.getPrivate());
        s.update(signedInfo);
        return s.sign();
    }

    @Benchmark
    public boolean ed25519Verify() throws Exception {
        Signature s = Signature.getInstance("Ed25519", ec);
        s.initVerify(ed25519.getPublic());
        s.update(signedInfo);
        return s.verify(ed25519Signature);
    }

    /** The sender's share of ECDH-ES: a fresh ephemeral key pair and one agreement. */
    @Benchmark
    public byte[] x25519EphemeralAgreement() throws Exception {
        KeyPair ephemeral = KeyPairGenerator.getInstance("X25519", ec).generateKeyPair();
        KeyAgreement agreement = KeyAgreement.getInstance("X25519", ec);
        agreement.init(ephemeral.getPrivate());
        agreement.doPhase(x25519Receiver.getPublic(), true);
        return agreement.generateSecret();
    }

    @Benchmark
    public byte[] aes128GcmEncrypt16k() throws Exception {
        byte[] iv = new byte[12];
        random.nextBytes(iv);
        Cipher c = Cipher.getInstance("AES/GCM/NoPadding", aes);
        c.init(Cipher.ENCRYPT_MODE, aesKey, new GCMParameterSpec(128, iv));
        return c.doFinal(payload);
    }

    @Benchmark
    public byte[] rsa2048Sign() throws Exception {
        Signature s = Signature.getInstance("SHA256withRSA", rsa);
        s.initSign(rsa2048.getPrivate());
        s.update(signedInfo);
        return s.sign();
    }
}
