package org.c2cgateway.app.keys;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.net.ssl.SSLContext;

import io.micronaut.json.JsonMapper;

import org.c2cgateway.app.config.ConfigurationSources;
import org.c2cgateway.app.config.GatewayConfiguration;
import org.c2cgateway.app.config.TlsConfiguration;
import org.c2cgateway.keys.Credentials;
import org.c2cgateway.keys.KeyConfigurationException;
import org.c2cgateway.keys.MessageKeyPurpose;
import org.c2cgateway.transport.TlsMaterial;
import org.c2cgateway.trust.CertificateValidator;
import org.c2cgateway.trust.RevocationLists;
import org.c2cgateway.trust.RevocationPolicy;

/**
 * {@code java -jar c2c-gateway.jar keys ...}: one command per step of a key rollover. A command that edits the
 * configuration file checks the edited file as a reload would (every key opens, every certificate loads, the
 * partners' trust holds) before it replaces the file, so a mistake never reaches the file; then it asks the
 * running gateway to reload it, which checks it again and puts it in force or leaves everything as it was.
 */
public final class KeysCommand {

    static final String USAGE = """
            usage: java -jar c2c-gateway.jar keys <command> <config/xx/gateway.yml> [options]
              show                       what the running gateway has in force
              check                      what the file would put in force, checked as a reload checks it
              reload                     the running gateway reads the file again
              add-next --purpose P --key-store FILE [--alias A] [--password P]
                                         own key: a next key (password: the current key's unless given)
              promote --purpose P        own key: next becomes current (an encryption key stays as previous)
              drop-previous [--purpose encryption|encryption-ec]
                                         own key: the previous encryption key is no longer accepted
                                         (P: signing, encryption for RSA; signing-ec, encryption-ec for the EC suite)
              partner-add --partner CC [--encryption-certificate FILE] [--signing-certificate FILE]
                                         partner: accept another certificate (encryption: as an alternative)
              partner-prefer --partner CC --encryption-certificate FILE
                                         partner: encrypt to this certificate from now on
              partner-remove --partner CC --certificate FILE [--certificate FILE ...]
                                         partner: no longer accept these certificates
            options of every command that talks to the gateway:
              --gateway URL              the gateway's national API (repeat for every node); default
                                         https://localhost:<micronaut.server.ssl.port of the file>
              --no-reload                edit and check the file only
            admin credentials come from the environment: C2C_ADMIN_TOKEN, or C2C_ADMIN_USER and C2C_ADMIN_PASSWORD""";

    private static final String KEYS_PATH = "/api/v1/admin/keys";

    private final Path configFile;
    private final Options options;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;

    private KeysCommand(Path configFile, Options options, PrintStream out, PrintStream err,
                        Map<String, String> environment) {
        this.configFile = configFile;
        this.options = options;
        this.out = out;
        this.err = err;
        this.environment = environment;
    }

    /**
     * @param args the arguments after {@code keys}
     * @return the exit status: 0 done, 1 refused or failed, 2 wrong usage
     */
    public static int run(List<String> args, PrintStream out, PrintStream err, Map<String, String> environment) {
        if (args.size() == 1 && args.get(0).equals("help")) {
            out.println(USAGE);
            return 0;
        }
        if (args.size() < 2) {
            err.println(USAGE);
            return 2;
        }
        Options options;
        try {
            options = Options.parse(args.subList(2, args.size()));
        } catch (IllegalArgumentException e) {
            err.println("c2c-gateway keys: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        KeysCommand command = new KeysCommand(Path.of(args.get(1)), options, out, err, environment);
        try {
            return command.execute(args.get(0));
        } catch (KeyConfigurationException e) {
            err.println("refused: " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("c2c-gateway keys: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (IOException e) {
            err.println("failed: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("interrupted");
            return 1;
        }
    }

    private int execute(String action) throws IOException, InterruptedException {
        switch (action) {
            case "show" -> {
                return eachGateway("GET", client -> client.get(KEYS_PATH));
            }
            case "check" -> {
                print(KeysView.of(check(configFile), List.of()));
                return 0;
            }
            case "reload" -> {
                return reload();
            }
            case "add-next" -> {
                String purpose = options.purpose();
                ConfigFileEditor editor = ConfigFileEditor.open(configFile);
                String password = options.value("password").or(() -> editor.keySetting(purpose, "current", "password"))
                        .orElseThrow(() -> new IllegalArgumentException("--password is needed: the current "
                                + purpose + " key has none to copy"));
                editor.setKey(purpose, "next", options.required("key-store"), password, options.value("alias")
                        .or(() -> editor.keySetting(purpose, "current", "alias")).orElse(null));
                return saveAndReload(editor, "c2c.message-keys." + purpose + ".next is " + options.required("key-store"));
            }
            case "promote" -> {
                String purpose = options.purpose();
                ConfigFileEditor editor = ConfigFileEditor.open(configFile);
                Optional<String> dropped = editor.promote(purpose);
                dropped.ifPresent(file -> out.println("the previous encryption key " + file + " is no longer accepted"));
                return saveAndReload(editor, "c2c.message-keys." + purpose + ": next promoted to current"
                        + (MessageKeyPurpose.named(purpose).signs() ? "" : ", the replaced key kept as previous"));
            }
            case "drop-previous" -> {
                String purpose = options.value("purpose").isPresent() ? options.purpose() : "encryption";
                if (MessageKeyPurpose.named(purpose).signs()) {
                    throw new IllegalArgumentException("--purpose must be encryption or encryption-ec: a signing key "
                            + "has no previous slot");
                }
                ConfigFileEditor editor = ConfigFileEditor.open(configFile);
                if (!editor.dropPrevious(purpose)) {
                    throw new KeyConfigurationException("c2c.message-keys." + purpose + ".previous", "is not set");
                }
                return saveAndReload(editor, "c2c.message-keys." + purpose + ".previous removed");
            }
            case "partner-add" -> {
                ConfigFileEditor editor = ConfigFileEditor.open(configFile);
                String partner = options.required("partner");
                List<String> added = new ArrayList<>();
                options.value("encryption-certificate").ifPresent(c -> added.add(
                        add(editor, partner, "encryption-certificates", c)));
                options.value("signing-certificate").ifPresent(c -> added.add(
                        add(editor, partner, "trust.signing-certificates", c)));
                if (added.isEmpty()) {
                    throw new IllegalArgumentException("give --encryption-certificate and/or --signing-certificate");
                }
                return saveAndReload(editor, String.join("; ", added));
            }
            case "partner-prefer" -> {
                ConfigFileEditor editor = ConfigFileEditor.open(configFile);
                String certificate = options.required("encryption-certificate");
                editor.preferPartnerCertificate(options.required("partner"), "encryption-certificates", certificate);
                return saveAndReload(editor, "messages to " + options.required("partner").toUpperCase(Locale.ROOT)
                        + " are encrypted for " + certificate + " (when valid)");
            }
            case "partner-remove" -> {
                ConfigFileEditor editor = ConfigFileEditor.open(configFile);
                String partner = options.required("partner");
                List<String> certificates = options.values("certificate");
                if (certificates.isEmpty()) {
                    throw new IllegalArgumentException("give --certificate FILE");
                }
                for (String certificate : certificates) {
                    boolean removed = editor.removePartnerCertificate(partner, "encryption-certificates", certificate)
                            | editor.removePartnerCertificate(partner, "trust.signing-certificates", certificate);
                    if (!removed) {
                        throw new KeyConfigurationException("c2c.partners." + partner.toUpperCase(Locale.ROOT),
                                certificate + " is listed neither under encryption-certificates nor under "
                                        + "trust.signing-certificates");
                    }
                }
                return saveAndReload(editor, "partner " + partner.toUpperCase(Locale.ROOT) + ": " + certificates
                        + " no longer accepted");
            }
            default -> throw new IllegalArgumentException("unknown command '" + action + "'");
        }
    }

    private static String add(ConfigFileEditor editor, String partner, String list, String certificate) {
        String setting = "c2c.partners." + partner.toUpperCase(Locale.ROOT) + "." + list;
        return editor.addPartnerCertificate(partner, list, certificate) ? setting + " += " + certificate
                : setting + " already lists " + certificate;
    }

    /**
     * Checks the edited file as a reload would, replaces the configuration file only if it passes, then has the
     * running gateway reload it.
     */
    private int saveAndReload(ConfigFileEditor editor, String change) throws IOException, InterruptedException {
        Path edited = configFile.resolveSibling(configFile.getFileName() + ".edited");
        Files.writeString(edited, editor.render(), StandardCharsets.UTF_8);
        try {
            check(edited);
            Files.move(edited, configFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(edited);
        }
        out.println(configFile + ": " + change);
        return options.flag("no-reload") ? 0 : reload();
    }

    /** What the file would put in force, with the checks a reload makes that need no running gateway. */
    private static Credentials check(Path file) {
        Instant now = Instant.now();
        Credentials credentials = CredentialsLoader.load(ConfigurationOnlyContext.read(
                new ConfigurationSources(file, Map.of()), KeySettings::from), now);
        // the CRLs are the running gateway's to check, on reload
        KeyReload.checkTrust(credentials, new CertificateValidator(RevocationLists.none(), RevocationPolicy.FAIL_CLOSED),
                now);
        return credentials;
    }

    private int reload() throws IOException, InterruptedException {
        return eachGateway("reload", client -> client.post(KEYS_PATH + "/reload"));
    }

    @FunctionalInterface
    private interface Call {
        AdminClient.Answer on(AdminClient client) throws IOException, InterruptedException;
    }

    private int eachGateway(String what, Call call) throws IOException, InterruptedException {
        Connection connection = ConfigurationOnlyContext.read(new ConfigurationSources(configFile, Map.of()), context -> {
            GatewayConfiguration gateway = context.getBean(GatewayConfiguration.class);
            TlsConfiguration tls = context.getBean(TlsConfiguration.class);
            return new Connection(TlsMaterial.load(gateway.resolve(tls.keyStore()), tls.password().toCharArray(),
                    gateway.resolve(tls.trustStore()), tls.trustStorePassword().toCharArray()).clientContext(),
                    context.getProperty("micronaut.server.ssl.port", Integer.class).orElse(8443));
        });
        List<String> gateways = options.values("gateway").isEmpty()
                ? List.of("https://localhost:" + connection.port()) : options.values("gateway");
        int status = 0;
        for (String gateway : gateways) {
            AdminClient.Answer answer = call.on(new AdminClient(URI.create(gateway), connection.tls(), environment));
            if (answer.ok()) {
                out.println(gateway + ": " + (what.equals("reload") ? "reloaded" : "in force"));
                print(JsonMapper.createDefault().readValue(answer.body(), KeysView.class));
            } else {
                err.println(gateway + ": " + what + " refused, HTTP " + answer.status() + ": " + answer.body());
                status = 1;
            }
        }
        return status;
    }

    private record Connection(SSLContext tls, int port) {
    }

    private void print(KeysView view) {
        view.signing().forEach((slot, c) -> out.println(line("signing " + slot, c)));
        view.encryption().forEach((slot, c) -> out.println(line("encryption " + slot, c)));
        view.signingEc().forEach((slot, c) -> out.println(line("signing-ec " + slot, c)));
        view.encryptionEc().forEach((slot, c) -> out.println(line("encryption-ec " + slot, c)));
        for (KeysView.PartnerView partner : view.partners()) {
            out.println(partner.encryptTo() == null
                    ? "partner " + partner.country() + " encrypt to: NONE VALID NOW"
                    : line("partner " + partner.country() + " encrypt to", partner.encryptTo()));
            partner.encryptionCertificates().forEach(c -> out.println(line("  encryption certificate", c)));
            partner.signingCertificates().forEach(c -> out.println(line("  signing certificate", c)));
        }
        view.warnings().forEach(w -> out.println("warning: " + w));
    }

    private static String line(String label, KeysView.CertificateView c) {
        return String.format("%-28s serial %s, %s, valid to %s, SHA-256 %s", label, c.serial(), c.subject(),
                c.notAfter(), c.sha256());
    }

    /** {@code --name value} options; a name may repeat. */
    private record Options(Map<String, List<String>> values) {

        static Options parse(List<String> args) {
            Map<String, List<String>> values = new java.util.LinkedHashMap<>();
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (!arg.startsWith("--")) {
                    throw new IllegalArgumentException("unexpected argument '" + arg + "'");
                }
                String name = arg.substring(2);
                if (name.equals("no-reload")) {
                    values.computeIfAbsent(name, n -> new ArrayList<>()).add("true");
                } else if (i + 1 < args.size()) {
                    values.computeIfAbsent(name, n -> new ArrayList<>()).add(args.get(++i));
                } else {
                    throw new IllegalArgumentException(arg + " needs a value");
                }
            }
            return new Options(values);
        }

        Optional<String> value(String name) {
            List<String> all = values(name);
            return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
        }

        List<String> values(String name) {
            return values.getOrDefault(name, List.of());
        }

        String required(String name) {
            return value(name).orElseThrow(() -> new IllegalArgumentException("--" + name + " is needed"));
        }

        boolean flag(String name) {
            return values.containsKey(name);
        }

        String purpose() {
            String purpose = required("purpose");
            try {
                return MessageKeyPurpose.named(purpose).configName();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--purpose must be signing, encryption, signing-ec or "
                        + "encryption-ec, not '" + purpose + "'", e);
            }
        }
    }
}
