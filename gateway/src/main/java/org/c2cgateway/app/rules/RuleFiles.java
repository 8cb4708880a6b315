package org.c2cgateway.app.rules;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiFunction;

import org.c2cgateway.app.config.GatewayConfiguration;
import org.c2cgateway.app.config.PartnerConfiguration;
import org.c2cgateway.rules.LintContext;
import org.c2cgateway.rules.RuleSetLoad;
import org.c2cgateway.rules.RuleSetLoader;

/**
 * The agreement files of this gateway and what lint checks them against: read at start, on every reload, and by
 * {@code rules lint}, always the same way.
 *
 * @param directory the agreement files
 * @param context   this gateway's country and its configured partners
 * @param loader    reads and lints a directory; {@link RuleSetLoader#load} but in tests of the reload mechanics
 */
public record RuleFiles(Path directory, LintContext context, BiFunction<Path, LintContext, RuleSetLoad> loader) {

    public RuleFiles {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(loader, "loader");
    }

    /** The files of {@code directory}, read by the real loader. */
    public static RuleFiles of(Path directory, LintContext context) {
        return new RuleFiles(directory, context, RuleSetLoader::load);
    }

    /**
     * Lint's view of the gateway's configuration: each configured partner, and whether its trust is complete
     * (issuing CAs, and signing certificates pinned or a signing subject: what speaks for it on a message).
     */
    public static LintContext lintContext(GatewayConfiguration gateway, List<PartnerConfiguration> partners) {
        Map<String, Boolean> trust = new TreeMap<>();
        for (PartnerConfiguration partner : partners) {
            PartnerConfiguration.Trust t = partner.trust();
            boolean signing = t != null && (t.signingCertificates() != null && !t.signingCertificates().isEmpty()
                    || t.signingSubject() != null && !t.signingSubject().isBlank());
            trust.put(partner.countryCode(), signing && !t.issuingCas().isEmpty());
        }
        return new LintContext(gateway.country(), trust);
    }

    /** Reads and lints the files as they are now. */
    public RuleSetLoad load() {
        return loader.apply(directory, context);
    }
}
