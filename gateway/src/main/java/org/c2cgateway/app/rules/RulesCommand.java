package org.c2cgateway.app.rules;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micronaut.context.exceptions.ConfigurationException;

import org.c2cgateway.app.config.ConfigurationSources;
import org.c2cgateway.app.config.GatewayConfiguration;
import org.c2cgateway.app.config.PartnerConfiguration;
import org.c2cgateway.app.config.RulesConfiguration;
import org.c2cgateway.app.config.SecretsFile;
import org.c2cgateway.app.keys.ConfigurationOnlyContext;
import org.c2cgateway.keys.KeyConfigurationException;
import org.c2cgateway.partner.OwnIdentity;
import org.c2cgateway.rules.Agreement;
import org.c2cgateway.rules.Explainer;
import org.c2cgateway.rules.Pseudonymiser;
import org.c2cgateway.rules.RuleSetLoad;
import org.c2cgateway.rules.RulesInForce;
import org.c2cgateway.validation.NotificationValidator;

/**
 * {@code java -jar c2c-gateway.jar rules ...}: lint the agreement files, or explain what they would do with a
 * notification, from a gateway's configuration file and without a running gateway. Neither needs the gateway's
 * secrets (lint reads no key; an explanation names the pseudonymised elements, never their values, so explain
 * pseudonymises with a key drawn for the run), so both run where the secrets are not: a reviewer's checkout, CI.
 */
public final class RulesCommand {

    static final String USAGE = """
            usage: java -jar c2c-gateway.jar rules lint <config/xx/gateway.yml> [--set key=value]...
                                         check every agreement file; prints each finding as
                                         file:line: field: problem, exit status 1 when there is one
                   java -jar c2c-gateway.jar rules explain <config/xx/gateway.yml> <notification.xml>
                                         [--at YYYY-MM-DD] [--set key=value]...
                                         what the agreements in force on the day (default: the notification's
                                         own) would do with the notification; nothing is sent""";

    private static final int KEY_BYTES = 32;

    private RulesCommand() {
    }

    /**
     * @param args the arguments after {@code rules}
     * @return the exit status: 0 clean (lint) or explained, 1 findings or a configuration that cannot be read,
     *         2 wrong usage
     */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() == 1 && args.get(0).equals("help")) {
            out.println(USAGE);
            return 0;
        }
        try {
            if (args.size() >= 2 && args.get(0).equals("lint")) {
                return lint(Path.of(args.get(1)), Options.parse(args.subList(2, args.size()), false), out);
            }
            if (args.size() >= 3 && args.get(0).equals("explain")) {
                return explain(Path.of(args.get(1)), Path.of(args.get(2)),
                        Options.parse(args.subList(3, args.size()), true), out, err);
            }
            err.println(USAGE);
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("c2c-gateway rules: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (KeyConfigurationException | ConfigurationException | IOException e) {
            err.println("c2c-gateway rules: " + e.getMessage());
            return 1;
        }
    }

    private static int lint(Path configFile, Options options, PrintStream out) {
        RuleFiles files = Settings.read(configFile, options.settings()).files();
        RuleSetLoad load = files.load();
        load.findings().forEach(out::println);
        List<Agreement> versions = load.ruleSet().all();
        long agreementFiles = versions.stream().map(Agreement::file).distinct().count();
        if (!load.clean()) {
            out.println(files.directory() + ": " + load.findings().size() + " finding"
                    + (load.findings().size() == 1 ? "" : "s"));
            return 1;
        }
        out.println(agreementFiles + " agreement files, " + versions.size() + " versions: OK");
        return 0;
    }

    private static int explain(Path configFile, Path notification, Options options, PrintStream out, PrintStream err)
            throws IOException {
        Settings settings = Settings.read(configFile, options.settings());
        RuleFiles files = settings.files();
        RulesInForce rules;
        try {
            rules = new RulesFactory().rulesInForce(files);
        } catch (RulesRefusedException e) {
            err.println(e.getMessage());
            return 1;
        }
        out.print(settings.explainer(rules).explain(Files.readAllBytes(notification), options.at()).toText());
        out.println();
        return 0;
    }

    /** What the rule commands need of the configuration: who this gateway is, its partners, its agreements. */
    private record Settings(GatewayConfiguration gateway, List<PartnerConfiguration> partners, String directory) {

        /** The configuration without its secrets file: the commands need no secret. */
        static Settings read(Path configFile, Map<String, Object> settings) {
            Map<String, Object> overrides = new LinkedHashMap<>();
            overrides.put(SecretsFile.SETTING, "");
            overrides.putAll(settings);
            return ConfigurationOnlyContext.read(new ConfigurationSources(configFile, overrides), context ->
                    new Settings(context.getBean(GatewayConfiguration.class),
                            List.copyOf(context.getBeansOfType(PartnerConfiguration.class)),
                            context.getProperty("c2c.rules.directory", String.class).orElse(null)));
        }

        RuleFiles files() {
            return RuleFiles.of(RulesConfiguration.directory(gateway, directory), RuleFiles.lintContext(gateway, partners));
        }

        Explainer explainer(RulesInForce rules) {
            byte[] key = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(key);
            RulesFactory factory = new RulesFactory();
            NotificationValidator validator = new NotificationValidator(gateway.maxPayloadBytes());
            return factory.explainer(factory.agreementEngine(rules, new OwnIdentity(gateway.country(),
                    gateway.effectivePartyId()), factory.minimiser(new Pseudonymiser(key)), validator), validator);
        }
    }

    /** {@code --set key=value} (repeatable) and, for explain, {@code --at YYYY-MM-DD}. */
    private record Options(Map<String, Object> settings, Optional<LocalDate> at) {

        static Options parse(List<String> args, boolean dated) {
            Map<String, Object> settings = new LinkedHashMap<>();
            Optional<LocalDate> at = Optional.empty();
            List<String> rest = new ArrayList<>(args);
            while (!rest.isEmpty()) {
                String option = rest.remove(0);
                if (rest.isEmpty()) {
                    throw new IllegalArgumentException(option + " needs a value");
                }
                String value = rest.remove(0);
                if (option.equals("--set") && value.indexOf('=') > 0) {
                    settings.put(value.substring(0, value.indexOf('=')), value.substring(value.indexOf('=') + 1));
                } else if (option.equals("--at") && dated) {
                    at = Optional.of(day(value));
                } else {
                    throw new IllegalArgumentException("unexpected argument '" + option + " " + value + "'");
                }
            }
            return new Options(settings, at);
        }

        private static LocalDate day(String value) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("--at: '" + value + "' is not a date of the form YYYY-MM-DD", e);
            }
        }
    }
}
