package org.c2cgateway.pki;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Optional settings of one issued credential; every field left {@code null} (or 0) takes the
 * default. Start from {@link #defaults()} and chain the {@code with...} methods:
 * <pre>
 * IssueOptions.defaults().withName("signing-next")
 * IssueOptions.defaults().withNotAfter(Instant.now().minus(Duration.ofDays(1)))   // expired
 * IssueOptions.defaults().withNotBefore(Instant.now().plus(Duration.ofDays(7)))   // not yet valid
 * IssueOptions.defaults().withRsaKeySize(1024)                                     // too weak
 * </pre>
 *
 * @param name file base name and nothing else: the key store is {@code <cc>/<name>.p12} and the
 *             certificate {@code <cc>/<name>.crt}; default the purpose's alias. Lower-case
 *             letters, digits and hyphens, so it can never leave the country directory
 * @param notBefore start of validity; default one hour ago, so that a verifier whose clock is a
 *                  little behind still accepts a fresh certificate
 * @param notAfter end of validity; default {@code notBefore + validity}
 * @param validity used when {@code notAfter} is not given; default 5 years, and never past the
 *                 issuing CA's own end of validity
 * @param rsaKeySize RSA modulus size overriding the algorithm's; 0 for the algorithm's own size
 */
public record IssueOptions(String name, Instant notBefore, Instant notAfter, Duration validity, int rsaKeySize) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    /** Validates what can be checked without the issuing time. */
    public IssueOptions {
        if (name != null && !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid credential name '" + name
                    + "': expected lower-case letters, digits and hyphens matching " + NAME.pattern()
                    + ", e.g. signing-next");
        }
        if (notBefore != null && notAfter != null && !notAfter.isAfter(notBefore)) {
            throw new IllegalArgumentException("notAfter " + notAfter + " must be after notBefore " + notBefore);
        }
        if (validity != null && (validity.isNegative() || validity.isZero())) {
            throw new IllegalArgumentException("validity must be positive, was " + validity);
        }
        if (rsaKeySize < 0) {
            throw new IllegalArgumentException("rsaKeySize must not be negative, was " + rsaKeySize);
        }
    }

    /**
     * All defaults: the purpose's own file name, valid from an hour ago for 5 years, the
     * algorithm's own key size.
     *
     * @return the default options
     */
    public static IssueOptions defaults() {
        return new IssueOptions(null, null, null, null, 0);
    }

    /**
     * @param fileName file base name, e.g. {@code signing-next}
     * @return a copy with the name set
     */
    public IssueOptions withName(String fileName) {
        return new IssueOptions(fileName, notBefore, notAfter, validity, rsaKeySize);
    }

    /**
     * @param start start of validity, e.g. in the future for a not-yet-valid certificate
     * @return a copy with notBefore set
     */
    public IssueOptions withNotBefore(Instant start) {
        return new IssueOptions(name, start, notAfter, validity, rsaKeySize);
    }

    /**
     * @param end end of validity, e.g. in the past for an expired certificate
     * @return a copy with notAfter set
     */
    public IssueOptions withNotAfter(Instant end) {
        return new IssueOptions(name, notBefore, end, validity, rsaKeySize);
    }

    /**
     * @param period validity counted from notBefore, e.g. {@code Duration.ofDays(20)} for a
     *               certificate that health checks must warn about
     * @return a copy with the validity set
     */
    public IssueOptions withValidity(Duration period) {
        return new IssueOptions(name, notBefore, notAfter, period, rsaKeySize);
    }

    /**
     * @param bits RSA modulus size, e.g. 1024 for a key that must be refused as too weak
     * @return a copy with the RSA key size set
     */
    public IssueOptions withRsaKeySize(int bits) {
        return new IssueOptions(name, notBefore, notAfter, validity, bits);
    }

    /**
     * The file base name for {@code purpose}.
     *
     * @param purpose the key purpose
     * @return {@link #name} or, if none is set, the purpose's alias
     */
    public String fileName(KeyPurpose purpose) {
        return name != null ? name : purpose.alias();
    }
}
