package org.c2cgateway.pki;

import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.cert.CRLReason;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Command line front end of {@link DevPki}: {@code generate}, {@code issue}, {@code renew},
 * {@code revoke} and {@code crl}, each printing every file it wrote.
 *
 * <p>Kept apart from {@link DevPki} so that the commands can be tested without
 * {@link System#exit}: {@link #run} returns an exit status and only {@link DevPki#main} exits.
 * The default directory {@code certs-dev/pki} is meant relative to the repository root
 * (where {@code certs-dev/pki.sh} runs); when the tool is started from elsewhere, e.g. from
 * inside {@code certs-dev}, a relative path whose parent does not exist is resolved against the
 * repository root, i.e. the parent of this module's directory.
 */
final class DevPkiCommand {

    static final String DEFAULT_OUT = "certs-dev/pki";

    private static final Set<String> COMMON = Set.of("--dir", "--out", "--password");
    private static final List<CRLReason> CRL_REASONS = Stream.of(CRLReason.values())
            .filter(RevocationList::allowedInCrl)
            .toList();

    private static final String USAGE = String.join(System.lineSeparator(),
            "Usage: pki.sh <command> [options]      (DEVELOPMENT-ONLY PKI; never use these keys for anything real)",
            "  generate [--countries RS,MK,BG] [--crl-days 365] [--reuse-root]",
            "        new root CA + issuing CA + CRLs + every country's keys (--reuse-root: keep the CAs, add countries)",
            "  issue --country RS --purpose <purpose> [--algorithm rsa-2048] [--name <name>] [--days N]",
            "        one new key pair and certificate, written to <dir>/<cc>/<name>.p12 and .crt (name: the purpose)",
            "  renew --country RS --purpose <purpose> [--from <name>] [--name <name>] [--days N]",
            "        new key pair, same subject and algorithm as <from> (default: the purpose); written to --name (default: <from>)",
            "  revoke --cert <file.crt> [--reason unspecified]",
            "        lists the certificate in issuing-ca.crl (or the issuing CA in root-ca.crl), re-signed with the next number",
            "  crl [--days 365]",
            "        re-signs issuing-ca.crl and root-ca.crl with thisUpdate now and nextUpdate in N days",
            "Options of every command:",
            "  --dir <dir>        PKI directory (default " + DEFAULT_OUT + "; --out is the same)",
            "  --password <pw>    password of every store (default " + DevPki.DEFAULT_PASSWORD + ")",
            "Values:",
            "  <purpose>    " + names(Stream.of(KeyPurpose.values()).map(KeyPurpose::alias)),
            "  --algorithm  " + names(Stream.of(KeyAlgorithm.values()).map(KeyAlgorithm::id))
                    + " (ed25519 means X25519 for encryption; tls and national take RSA or ec-p256)",
            "  --reason     " + names(CRL_REASONS.stream().map(RevocationList::reasonName)),
            "  --countries  comma-separated ISO 3166-1 alpha-2 codes (default " + String.join(",", DevPki.DEFAULT_COUNTRIES)
                    + ")",
            "Without a command, the options are those of generate.");

    private DevPkiCommand() {
    }

    /**
     * Runs one command and reports what it wrote.
     *
     * @return 0 on success, 2 for invalid arguments, 1 if the command failed
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> list = Arrays.asList(args);
        boolean named = !list.isEmpty() && !list.get(0).startsWith("-");
        String command = named ? list.get(0) : "generate";
        List<String> options = named ? list.subList(1, list.size()) : list;
        if (list.contains("--help") || list.contains("-h") || command.equals("help")) {
            out.println(USAGE);
            return 0;
        }
        try {
            switch (command) {
                case "generate" -> generate(options, out);
                case "issue" -> issue(options, out);
                case "renew" -> renew(options, out);
                case "revoke" -> revoke(options, out);
                case "crl" -> crl(options, out);
                default -> throw new IllegalArgumentException("Unknown command '" + command + "'");
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("Error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (RuntimeException e) {
            err.println("Error: " + command + " failed: " + e.getMessage());
            e.printStackTrace(err);
            return 1;
        }
    }

    private static void generate(List<String> args, PrintStream out) {
        CommandLine line = parse(args, Set.of("--countries", "--crl-days"), Set.of("--reuse-root"));
        List<String> countries = line.value("--countries").map(DevPkiCommand::splitCountries)
                .orElse(DevPki.DEFAULT_COUNTRIES);
        int crlDays = line.days("--crl-days").orElse(365);
        Path directory = directory(line);
        char[] password = password(line);
        DevPki pki;
        if (line.flag("--reuse-root")) {
            pki = DevPki.open(directory, password);
            countries.forEach(pki::issueCountry);
            out.println("Reused development CAs in " + directory);
        } else {
            pki = DevPki.generate(directory, countries, password, Duration.ofDays(crlDays));
            PkiLayout layout = pki.layout();
            out.println("Created development root CA " + pki.rootCertificate().getSubjectX500Principal().getName()
                    + " and issuing CA " + pki.issuingCertificate().getSubjectX500Principal().getName());
            Stream.of(layout.rootCertificate(), layout.rootKeyStore(), layout.rootCrl(), layout.issuingCertificate(),
                    layout.issuingKeyStore(), layout.issuingCrl(), layout.trustStore()).forEach(file -> wrote(out, file));
        }
        for (String country : pki.countries()) {
            for (String name : DevPki.countryCredentialNames()) {
                wrote(out, pki.keyStore(country, name));
                wrote(out, pki.certificateFile(country, name));
            }
        }
        out.println("DEVELOPMENT ONLY: well-known password, CA keys stored alongside; never deploy these keys.");
    }

    private static void issue(List<String> args, PrintStream out) {
        CommandLine line = parse(args, Set.of("--country", "--purpose", "--algorithm", "--name", "--days"), Set.of());
        String country = line.required("--country");
        KeyPurpose purpose = KeyPurpose.fromAlias(line.required("--purpose"));
        KeyAlgorithm algorithm = line.value("--algorithm").map(KeyAlgorithm::fromId).orElse(KeyAlgorithm.RSA_2048);
        IssueOptions options = issueOptions(line);
        DevPki pki = DevPki.open(directory(line), password(line));
        Credential credential = pki.issue(country, purpose, algorithm, options);
        report(out, "Issued", pki, country, purpose, options.fileName(purpose), credential);
    }

    private static void renew(List<String> args, PrintStream out) {
        CommandLine line = parse(args, Set.of("--country", "--purpose", "--from", "--name", "--days"), Set.of());
        String country = line.required("--country");
        KeyPurpose purpose = KeyPurpose.fromAlias(line.required("--purpose"));
        String from = line.value("--from").orElse(purpose.alias());
        IssueOptions options = issueOptions(line);
        DevPki pki = DevPki.open(directory(line), password(line));
        X509Certificate previous = pki.credential(country, from).certificate();
        Credential credential = pki.renew(country, purpose, from, options);
        String name = options.name() != null ? options.name() : from;
        out.println("Renewed " + RevocationList.describe(previous) + " from " + pki.certificateFile(country, from));
        report(out, "Issued", pki, country, purpose, name, credential);
        if (name.equals(from)) {
            out.println("The previous certificate was replaced in place; it stays valid until "
                    + previous.getNotAfter().toInstant() + " unless revoked from a copy of it");
        } else {
            out.println("The previous certificate stays in place and valid until " + previous.getNotAfter().toInstant()
                    + "; after the rollover: certs-dev/pki.sh revoke --cert " + pki.certificateFile(country, from)
                    + " --reason superseded");
        }
    }

    private static void revoke(List<String> args, PrintStream out) {
        CommandLine line = parse(args, Set.of("--cert", "--reason"), Set.of());
        Path file = Path.of(line.required("--cert"));
        CRLReason reason = line.value("--reason").map(DevPkiCommand::reason).orElse(CRLReason.UNSPECIFIED);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--cert " + file + " is not a file");
        }
        X509Certificate certificate = PkiFiles.readCertificate(file);
        DevPki pki = DevPki.open(directory(line), password(line));
        X509CRL crl = pki.revoke(certificate, reason);
        out.println("Revoked " + RevocationList.describe(certificate) + " (" + file + "), reason "
                + RevocationList.reasonName(reason));
        boolean root = crl.getIssuerX500Principal().equals(pki.rootCertificate().getSubjectX500Principal());
        describeCrl(out, root ? pki.rootCrlFile() : pki.crlFile(), crl);
    }

    private static void crl(List<String> args, PrintStream out) {
        CommandLine line = parse(args, Set.of("--days"), Set.of());
        Duration nextUpdateIn = Duration.ofDays(line.days("--days").orElse(365));
        DevPki pki = DevPki.open(directory(line), password(line));
        out.println("Re-signed the CRLs of " + pki.directory());
        describeCrl(out, pki.crlFile(), pki.refreshCrl(nextUpdateIn));
        describeCrl(out, pki.rootCrlFile(), pki.refreshRootCrl(nextUpdateIn));
    }

    private static CommandLine parse(List<String> args, Set<String> valued, Set<String> flags) {
        Set<String> all = new HashSet<>(COMMON);
        all.addAll(valued);
        return CommandLine.parse(args, all, flags);
    }

    private static IssueOptions issueOptions(CommandLine line) {
        IssueOptions options = IssueOptions.defaults();
        if (line.value("--name").isPresent()) {
            options = options.withName(line.required("--name"));
        }
        if (line.days("--days").isPresent()) {
            options = options.withValidity(Duration.ofDays(line.days("--days").get()));
        }
        return options;
    }

    private static Path directory(CommandLine line) {
        if (line.value("--dir").isPresent() && line.value("--out").isPresent()) {
            throw new IllegalArgumentException("--dir and --out name the same directory; give only one");
        }
        String dir = line.value("--dir").or(() -> line.value("--out")).orElse(DEFAULT_OUT);
        if (dir.isBlank()) {
            throw new IllegalArgumentException("--dir must not be empty");
        }
        return resolveOut(dir, Path.of("").toAbsolutePath(), moduleDirectory());
    }

    private static char[] password(CommandLine line) {
        String password = line.value("--password").orElse(DevPki.DEFAULT_PASSWORD);
        if (password.isEmpty()) {
            throw new IllegalArgumentException("--password must not be empty");
        }
        return password.toCharArray();
    }

    private static void report(PrintStream out, String verb, DevPki pki, String country, KeyPurpose purpose,
            String name, Credential credential) {
        X509Certificate certificate = credential.certificate();
        out.println(verb + " " + RevocationList.describe(certificate));
        out.println("  key " + KeyAlgorithm.describe(certificate.getPublicKey()) + ", valid "
                + certificate.getNotBefore().toInstant() + " to " + certificate.getNotAfter().toInstant()
                + ", issued by " + certificate.getIssuerX500Principal().getName());
        out.println("  wrote " + pki.keyStore(country, name) + " (alias " + purpose.alias() + ")");
        wrote(out, pki.certificateFile(country, name));
    }

    private static void describeCrl(PrintStream out, Path file, X509CRL crl) {
        int revoked = crl.getRevokedCertificates() == null ? 0 : crl.getRevokedCertificates().size();
        out.println("  wrote " + file + " (CRL number " + RevocationList.number(crl) + ", " + revoked
                + " revoked, thisUpdate " + crl.getThisUpdate().toInstant() + ", nextUpdate "
                + crl.getNextUpdate().toInstant() + ")");
    }

    private static void wrote(PrintStream out, Path file) {
        out.println("  wrote " + file);
    }

    /** Parses a reason name, ignoring case, so both {@code keyCompromise} and {@code KEY_COMPROMISE} work. */
    static CRLReason reason(String name) {
        String wanted = name.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
        return CRL_REASONS.stream().filter(reason -> reason.name().replace("_", "").toLowerCase(Locale.ROOT)
                        .equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown revocation reason '" + name
                        + "': expected one of " + names(CRL_REASONS.stream().map(RevocationList::reasonName))));
    }

    private static String names(Stream<String> names) {
        return names.collect(Collectors.joining(", "));
    }

    private static List<String> splitCountries(String value) {
        List<String> countries = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            String code = part.strip();
            CountryCode.of(code);
            countries.add(code);
        }
        return List.copyOf(countries);
    }

    /**
     * Resolves a relative {@code --dir} against the working directory, or, if the parent it
     * names does not exist there, against the repository root (the parent of the module dir).
     *
     * @throws IllegalArgumentException if neither location has an existing parent directory,
     *         rather than silently creating a PKI somewhere unexpected
     */
    static Path resolveOut(String out, Path workingDirectory, Optional<Path> moduleDirectory) {
        Path path = Path.of(out);
        if (path.isAbsolute()) {
            return path.normalize();
        }
        List<Path> candidates = new ArrayList<>();
        candidates.add(workingDirectory.resolve(path).normalize());
        moduleDirectory.map(Path::getParent).ifPresent(root -> candidates.add(root.resolve(path).normalize()));
        for (Path candidate : candidates) {
            Path parent = candidate.getParent();
            if (parent != null && Files.isDirectory(parent)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("Cannot place --dir " + out + ": the parent directory exists in none of "
                + candidates + "; run from the repository root or pass an absolute path");
    }

    /**
     * The {@code certs-dev} module directory when running from its {@code target/classes}
     * (as {@code pki.sh}, {@code mvn exec:java} and IDEs do); empty when running from a jar.
     */
    static Optional<Path> moduleDirectory() {
        try {
            CodeSource source = DevPki.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return Optional.empty();
            }
            Path classes = Path.of(source.getLocation().toURI());
            Path target = classes.getParent();
            Path module = target == null ? null : target.getParent();
            if (Files.isDirectory(classes) && module != null && Files.isRegularFile(module.resolve("pom.xml"))) {
                return Optional.of(module);
            }
            return Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return Optional.empty();
        }
    }
}
