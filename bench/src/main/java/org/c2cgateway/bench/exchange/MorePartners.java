package org.c2cgateway.bench.exchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.c2cgateway.bench.GatewayProcess;
import org.c2cgateway.pki.DevPki;
import org.c2cgateway.pki.IssueOptions;
import org.c2cgateway.pki.KeyAlgorithm;
import org.c2cgateway.pki.KeyPurpose;

/**
 * RS's partners beyond the demo's two (MK and BG), for the partner scaling runs: each a configured partner as an
 * operator would add one, with its own signing, encryption and TLS certificates (issued under the development
 * PKI's issuing CA, in a copy of it, so the committed PKI is untouched) and its own agreement, the BG agreement's
 * terms under its own code. They are sent nothing, and their endpoint has no listener: what they cost is what having
 * them costs RS (a queue, a route and its consumer, a circuit breaker, trust material and an agreement each).
 */
final class MorePartners {

    /** Partners the demo configuration of RS already has. */
    static final int DEMO = 2;
    /** Real ISO 3166-1 codes, so that every office code and subject made of them is one a partner could have. */
    private static final List<String> CODES = List.of("AL", "AT", "BA", "BE", "CH", "CY", "CZ", "DE", "DK", "EE",
            "ES", "FI", "FR", "GB", "GR", "HR", "HU", "IE", "IS", "IT", "LI", "LT", "LU", "LV", "MD", "ME", "MT", "NL",
            "NO", "PL", "PT", "RO", "SE", "SI", "SK", "TR", "UA", "AD", "AM", "AZ", "GE", "KZ", "MC", "SM", "UZ", "KG",
            "TJ", "TM");
    /** The most partners RS can be given: the demo's and one per code above. */
    static final int MOST = DEMO + CODES.size();

    /** RS's partners with {@code more} beyond the demo's, none meaning the demo's alone. */
    static int count(MorePartners more) {
        return more == null ? DEMO : more.partners();
    }
    private static final String TEMPLATE = "rs-bg-v1.yml";

    private final Path home;
    private final Path directory;
    private final int count;

    private MorePartners(Path home, Path directory, int count) {
        this.home = home;
        this.directory = directory;
        this.count = count;
    }

    /**
     * Issues the credentials of up to {@code partners} partners in all (beyond the demo's), under {@code directory}:
     * once per invocation, for every pair that runs with some of them ({@link #upTo}).
     */
    static MorePartners create(Path home, Path directory, int partners) throws IOException {
        int count = partners - DEMO;
        if (count < 0 || partners > MOST) { // Plan refuses such counts first, with the option's name
            throw new IllegalArgumentException("between " + DEMO + " and " + MOST + " partners, not " + partners);
        }
        copy(home.resolve("certs-dev/pki"), directory.resolve("pki"));
        DevPki devPki = DevPki.open(directory.resolve("pki"), "changeit".toCharArray());
        for (String code : CODES.subList(0, count)) {
            for (KeyPurpose purpose : List.of(KeyPurpose.SIGNING, KeyPurpose.ENCRYPTION, KeyPurpose.TLS)) {
                devPki.issue(code, purpose, KeyAlgorithm.RSA_2048, IssueOptions.defaults());
            }
        }
        return new MorePartners(home, directory, count);
    }

    /** The first {@code partners} (in all) of these, with RS's agreements directory for just them. */
    MorePartners upTo(int partners) throws IOException {
        MorePartners some = new MorePartners(home, directory, Math.min(count, partners - DEMO));
        Path agreements = some.agreements();
        if (!Files.isDirectory(agreements)) {
            copy(home.resolve("config/rs/agreements"), agreements);
            String template = Files.readString(home.resolve("config/rs/agreements").resolve(TEMPLATE));
            for (String code : some.codes()) {
                Files.writeString(agreements.resolve("rs-" + code.toLowerCase(Locale.ROOT) + "-v1.yml"),
                        template.replace("BG", code));
            }
        }
        return some;
    }

    /** RS's settings for them: the agreements' directory with theirs added, and each partner's endpoint and trust. */
    Map<String, String> rsSettings() throws IOException {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("c2c.rules.directory", agreements().toString());
        String nowhere = "https://localhost:" + GatewayProcess.freePort() + "/as4";
        for (String code : codes()) {
            Path dir = directory.resolve("pki").resolve(code.toLowerCase(Locale.ROOT));
            String partner = "c2c.partners." + code;
            settings.put(partner + ".endpoint", nowhere);
            settings.put(partner + ".encryption-certificates", dir.resolve("encryption.crt").toString());
            settings.put(partner + ".trust.issuing-cas", home.resolve("certs-dev/pki/issuing-ca.crt").toString());
            settings.put(partner + ".trust.signing-certificates", dir.resolve("signing.crt").toString());
            settings.put(partner + ".trust.tls-certificates", dir.resolve("tls.crt").toString());
        }
        return settings;
    }

    /** RS's partners with these. */
    int partners() {
        return DEMO + count;
    }

    private Path agreements() {
        return directory.resolve("agreements-" + partners());
    }

    private List<String> codes() {
        return CODES.subList(0, count);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
