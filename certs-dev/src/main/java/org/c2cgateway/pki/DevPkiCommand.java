package org.c2cgateway.pki;

import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Command line front end of {@link DevPki}.
 *
 * <p>Kept apart from {@link DevPki} so that argument parsing can be tested without
 * {@link System#exit}: {@link #run} returns an exit status and only {@link DevPki#main} exits.
 * The default output directory {@code certs-dev/pki} is meant relative to the repository root
 * (where {@code mvn exec:java} is usually invoked); when the tool is started from elsewhere,
 * e.g. from inside {@code certs-dev}, a relative path whose parent does not exist is resolved
 * against the repository root, i.e. the parent of this module's directory.
 */
final class DevPkiCommand {

    static final String DEFAULT_OUT = "certs-dev/pki";

    private static final String USAGE = String.join(System.lineSeparator(),
            "Usage: DevPki [--out <dir>] [--countries RS,MK,BG] [--password changeit] [--reuse-root]",
            "  --out <dir>        output directory (default " + DEFAULT_OUT + ")",
            "  --countries <list> comma-separated ISO 3166-1 alpha-2 codes (default "
                    + String.join(",", DevPki.DEFAULT_COUNTRIES) + ")",
            "  --password <pw>    password of every store (default " + DevPki.DEFAULT_PASSWORD + ")",
            "  --reuse-root       keep the existing root CA (root-ca.p12 in <dir>) and only issue the countries",
            "Generates a DEVELOPMENT-ONLY PKI; never use these keys or the password for anything real.");

    private DevPkiCommand() {
    }

    /**
     * Parses {@code args}, generates the PKI and reports what was written.
     *
     * @return 0 on success, 2 for invalid arguments, 1 if generation failed
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("Error: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (options.help()) {
            out.println(USAGE);
            return 0;
        }
        try {
            Path directory = resolveOut(options.out(), Path.of("").toAbsolutePath(), moduleDirectory());
            DevPki pki;
            if (options.reuseRoot()) {
                options.countries().forEach(CountryCode::of);
                pki = DevPki.open(directory, options.password());
                options.countries().forEach(pki::issueCountry);
            } else {
                pki = DevPki.generate(directory, options.countries(), options.password());
            }
            report(pki, options.reuseRoot(), out);
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("Error: " + e.getMessage());
            return 2;
        } catch (RuntimeException e) {
            err.println("Error: could not generate the development PKI: " + e.getMessage());
            e.printStackTrace(err);
            return 1;
        }
    }

    /**
     * Resolves a relative {@code --out} against the working directory, or, if the parent it
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
        throw new IllegalArgumentException("Cannot place --out " + out + ": the parent directory exists in none of "
                + candidates + "; run from the repository root or pass an absolute path");
    }

    /**
     * The {@code certs-dev} module directory when running from its {@code target/classes}
     * (as {@code mvn exec:java} and IDEs do); empty when running from a packaged jar.
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

    private static void report(DevPki pki, boolean reusedRoot, PrintStream out) {
        PkiLayout layout = pki.layout();
        out.println((reusedRoot ? "Reused" : "Created") + " development root CA "
                + pki.rootCertificate().getSubjectX500Principal().getName());
        out.println("  " + layout.rootCertificate());
        out.println("  " + layout.rootKeyStore());
        out.println("  " + layout.trustStore());
        for (String country : pki.countries()) {
            CountryCode code = CountryCode.of(country);
            for (KeyPurpose purpose : KeyPurpose.values()) {
                out.println("  " + layout.keyStore(code, purpose));
                out.println("  " + layout.certificate(code, purpose));
            }
        }
        out.println("DEVELOPMENT ONLY: well-known password, CA key stored alongside; never deploy these keys.");
    }

    /** Parsed command line. */
    record Options(String out, List<String> countries, char[] password, boolean reuseRoot, boolean help) {

        static Options parse(String[] args) {
            String out = DEFAULT_OUT;
            List<String> countries = DevPki.DEFAULT_COUNTRIES;
            char[] password = DevPki.DEFAULT_PASSWORD.toCharArray();
            boolean reuseRoot = false;
            boolean help = false;
            List<String> list = Arrays.asList(args);
            for (int i = 0; i < list.size(); i++) {
                String arg = list.get(i);
                String name = arg;
                String value = null;
                int equals = arg.indexOf('=');
                if (arg.startsWith("--") && equals > 0) {
                    name = arg.substring(0, equals);
                    value = arg.substring(equals + 1);
                }
                switch (name) {
                    case "--out" -> {
                        value = value != null ? value : valueAfter(list, i++, name);
                        out = value;
                    }
                    case "--countries" -> {
                        value = value != null ? value : valueAfter(list, i++, name);
                        countries = splitCountries(value);
                    }
                    case "--password" -> {
                        value = value != null ? value : valueAfter(list, i++, name);
                        password = value.toCharArray();
                    }
                    case "--reuse-root" -> reuseRoot = true;
                    case "--help", "-h" -> help = true;
                    default -> throw new IllegalArgumentException("Unknown argument '" + arg + "'");
                }
            }
            if (out.isBlank()) {
                throw new IllegalArgumentException("--out must not be empty");
            }
            if (password.length == 0) {
                throw new IllegalArgumentException("--password must not be empty");
            }
            return new Options(out, countries, password, reuseRoot, help);
        }

        private static String valueAfter(List<String> args, int index, String name) {
            if (index + 1 >= args.size() || args.get(index + 1).startsWith("--")) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            return args.get(index + 1);
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
    }
}
