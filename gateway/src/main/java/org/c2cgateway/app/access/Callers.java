package org.c2cgateway.app.access;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.security.auth.x500.X500Principal;

import jakarta.inject.Singleton;

import org.c2cgateway.app.config.GatewayConfiguration;
import org.c2cgateway.app.config.NationalClientConfiguration;
import org.c2cgateway.app.config.OperatorConfiguration;

/**
 * Everyone allowed on the gateway's own APIs, and the checks of their credentials: a TLS client
 * certificate (national systems), a bearer token (both), a user name and password (operators). The
 * configuration is read once, at start: a malformed hash or certificate stops the gateway with a message
 * naming the setting (never its value).
 *
 * <p>Token checks compare the presented token with every configured digest, in constant time each and
 * without stopping at a match; a password check for an unknown user still derives a hash. So the time an
 * answer takes tells nothing about which tokens or users exist.
 */
@Singleton
public class Callers {

    private final List<National> nationals;
    private final Map<String, Operator> operators;
    private final List<Tokened> tokens = new ArrayList<>();

    public Callers(List<NationalClientConfiguration> nationalClients, List<OperatorConfiguration> operatorAccounts,
                   GatewayConfiguration gateway) {
        this.nationals = nationalClients.stream().map(c -> national(c, gateway)).toList();
        this.operators = operatorAccounts.stream().map(Callers::operator)
                .collect(Collectors.toMap(o -> o.caller.name(), o -> o));
        for (NationalClientConfiguration c : nationalClients) {
            token("c2c.access.national-clients." + c.name(), c.tokenSha256(), new Caller(c.name(), c.country(), Caller.NATIONAL));
        }
        for (Operator o : operators.values()) {
            token("c2c.access.operators." + o.caller.name(), o.tokenSha256, o.caller);
        }
    }

    /** The caller whose bearer token this is. */
    public Optional<Caller> byToken(String token) {
        Caller found = null;
        for (Tokened candidate : tokens) {
            if (candidate.digest.matches(token) && found == null) {
                found = candidate.caller;
            }
        }
        return Optional.ofNullable(found);
    }

    /** The national system this TLS client certificate (already verified against the trust store) belongs to. */
    public Optional<Caller> byCertificate(X509Certificate certificate) {
        return nationals.stream().filter(n -> n.accepts(certificate)).map(n -> n.caller).findFirst();
    }

    /** The operator with this user name and password. */
    public Optional<Caller> byPassword(String user, char[] password) {
        Operator operator = operators.get(user);
        if (operator == null || operator.password == null) {
            UnknownUser.HASH.matches(password);
            return Optional.empty();
        }
        return operator.password.matches(password) ? Optional.of(operator.caller) : Optional.empty();
    }

    private void token(String prefix, String sha256, Caller caller) {
        if (sha256 != null && !sha256.isBlank()) {
            tokens.add(new Tokened(TokenDigest.parse(prefix + ".token-sha256", sha256.trim()), caller));
        }
    }

    private static National national(NationalClientConfiguration c, GatewayConfiguration gateway) {
        String prefix = "c2c.access.national-clients." + c.name();
        if (c.certificateSubject() == null && c.certificate() == null && c.tokenSha256() == null) {
            throw new IllegalArgumentException(prefix + " needs a certificate-subject, a certificate or a token-sha256");
        }
        X500Principal subject;
        try {
            subject = c.certificateSubject() == null ? null : new X500Principal(c.certificateSubject());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(prefix + ".certificate-subject is not a distinguished name (RFC 2253): "
                    + e.getMessage(), e);
        }
        X509Certificate pinned = c.certificate() == null ? null : certificate(prefix + ".certificate", gateway.resolve(c.certificate()));
        return new National(new Caller(c.name(), c.country(), Caller.NATIONAL), subject, pinned);
    }

    private static Operator operator(OperatorConfiguration o) {
        String prefix = "c2c.access.operators." + o.name();
        if (o.passwordHash() == null && o.tokenSha256() == null) {
            throw new IllegalArgumentException(prefix + " needs a password-hash or a token-sha256");
        }
        PasswordHash password = o.passwordHash() == null ? null : PasswordHash.parse(prefix + ".password-hash", o.passwordHash().trim());
        return new Operator(new Caller(o.name(), null, o.role().roleName()), password, o.tokenSha256());
    }

    private static X509Certificate certificate(String setting, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(setting + ": cannot read a certificate from " + file + ": " + e.getMessage(), e);
        }
    }

    private record National(Caller caller, X500Principal subject, X509Certificate pinned) {
        boolean accepts(X509Certificate presented) {
            try {
                return (subject == null || subject.equals(presented.getSubjectX500Principal()))
                        && (pinned == null || Arrays.equals(pinned.getEncoded(), presented.getEncoded()))
                        && (subject != null || pinned != null);
            } catch (java.security.cert.CertificateEncodingException e) {
                return false;
            }
        }
    }

    private record Operator(Caller caller, PasswordHash password, String tokenSha256) {
    }

    private record Tokened(TokenDigest digest, Caller caller) {
    }

    /** Burns the same work as a real check when the user does not exist; made on first use, not at start. */
    private static final class UnknownUser {
        static final PasswordHash HASH = PasswordHash.parse("(none)",
                PasswordHash.hash("no such user".toCharArray(), PasswordHash.DEFAULT_ITERATIONS));
    }
}
