package org.c2cgateway.trust;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.security.auth.x500.X500Principal;

import org.c2cgateway.security.Certificates;

/**
 * Which certificates of a trusted CA may act for one partner in one use: any pinned certificate
 * (several, so that the partner's next key is accepted during a rotation overlap), or any whose
 * RFC 2253 subject DN matches the subject pattern as a whole. A CA usually issues to more than one
 * party, so "issued by the partner's CA" alone is never enough; at least one of the two must be set.
 *
 * @param pins    accepted certificates, compared byte for byte
 * @param subject pattern over {@link X500Principal#RFC2253} subject names, or null
 */
public record AcceptedCertificates(List<X509Certificate> pins, Pattern subject) {

    public AcceptedCertificates {
        pins = List.copyOf(Objects.requireNonNull(pins, "pins"));
        if (pins.isEmpty() && subject == null) {
            throw new IllegalArgumentException("neither a pinned certificate nor a subject pattern: "
                    + "any certificate of the CA would be accepted");
        }
    }

    public boolean accepts(X509Certificate certificate) {
        return pins.stream().anyMatch(pin -> Certificates.sameCertificate(pin, certificate))
                || subject != null && subject.matcher(subjectName(certificate)).matches();
    }

    public Optional<Pattern> subjectPattern() {
        return Optional.ofNullable(subject);
    }

    /** For refusals: what would have been accepted. */
    String describe() {
        String pinned = pins.size() + " pinned certificate" + (pins.size() == 1 ? "" : "s");
        return subject == null ? pinned : pinned + " or subject matching /" + subject.pattern() + "/";
    }

    static String subjectName(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName(X500Principal.RFC2253);
    }
}
