package org.c2cgateway.app;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;

import org.c2cgateway.app.access.CredentialCommands;
import org.c2cgateway.app.api.TraceCommand;
import org.c2cgateway.app.audit.VerifyAuditCommand;
import org.c2cgateway.app.demo.Demo;
import org.c2cgateway.app.keys.KeysCommand;
import org.c2cgateway.app.rules.RulesCommand;

/**
 * The gateway's command line: {@code run <config.yml>} starts one gateway, {@code demo} starts the
 * demo countries and exchanges sample notifications between them, {@code keys} rolls keys over,
 * {@code rules} lints and explains the agreements, {@code trace} prints a message's or a movement's timeline,
 * {@code verify-audit} checks the audit log,
 * {@code hash-password} and {@code new-token} make the credentials the access configuration keeps.
 */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        try {
            System.exit(execute(args));
        } catch (Exception e) {
            // a gateway that cannot start must say why and end the process, not hang on half-started threads
            System.err.println("c2c-gateway: " + e.getMessage());
            e.printStackTrace(System.err);
            System.exit(1);
        }
    }

    private static int execute(String[] args) throws Exception {
        String command = args.length == 0 ? "help" : args[0];
        switch (command) {
            case "run" -> {
                Map<String, Object> overrides = args.length < 2 ? null : overrides(args);
                if (overrides == null) {
                    usage();
                    return 2;
                }
                JvmAdvice.forThisJvm().ifPresent(advice -> System.err.println("c2c-gateway: warning: " + advice));
                ApplicationContext gateway = GatewayLauncher.start(Path.of(args[1]), overrides);
                EmbeddedServer server = gateway.getBean(EmbeddedServer.class);
                long sinceJvmStart = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                System.out.printf("C2C gateway %s ready on %s (%d ms from JVM start)%n",
                        gateway.getProperty("c2c.country", String.class).orElse("?"), server.getURL(), sinceJvmStart);
                Runtime.getRuntime().addShutdownHook(new Thread(gateway::close, "gateway-shutdown"));
                new CountDownLatch(1).await(); // serve until the process is stopped
                return 0;
            }
            case "demo" -> {
                return Demo.run(Path.of(args.length > 1 ? args[1] : "."));
            }
            case "keys" -> {
                return KeysCommand.run(java.util.List.of(args).subList(1, args.length), System.out, System.err,
                        System.getenv());
            }
            case "rules" -> {
                return RulesCommand.run(java.util.List.of(args).subList(1, args.length), System.out, System.err);
            }
            case "trace" -> {
                return TraceCommand.run(java.util.List.of(args).subList(1, args.length), System.out, System.err,
                        System.getenv());
            }
            case "verify-audit" -> {
                return VerifyAuditCommand.run(java.util.List.of(args).subList(1, args.length), System.out, System.err);
            }
            case "hash-password" -> {
                return CredentialCommands.hashPassword(args, System.console(),
                        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), System.out, System.err);
            }
            case "new-token" -> {
                return CredentialCommands.newToken(System.out);
            }
            default -> {
                usage();
                return "help".equals(command) ? 0 : 2;
            }
        }
    }

    /**
     * The {@code --set key=value} pairs after the configuration file, which win over it (a process started
     * by a script or a test moves ports and data directories this way); {@code null} when one is malformed.
     */
    static Map<String, Object> overrides(String[] args) {
        Map<String, Object> overrides = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i += 2) {
            int equals = i + 1 < args.length ? args[i + 1].indexOf('=') : -1;
            if (!"--set".equals(args[i]) || equals < 1) {
                return null;
            }
            overrides.put(args[i + 1].substring(0, equals), args[i + 1].substring(equals + 1));
        }
        return overrides;
    }

    private static void usage() {
        System.out.println("""
                usage: java -jar c2c-gateway.jar run <config/xx/gateway.yml> [--set key=value]...
                                                                start one gateway; each --set wins over the file
                       java -jar c2c-gateway.jar demo [repository root]        run the demo countries end to end
                       java -jar c2c-gateway.jar keys <command> <config.yml> ...  roll keys over (keys help)
                       java -jar c2c-gateway.jar rules lint|explain <config.yml> ...  check the agreements, or explain
                                                                what they do with a notification (rules help)
                       java -jar c2c-gateway.jar trace <message id|MRN> [--url https://...] [--token-env VAR]
                                                                a message's or a movement's timeline (trace help)
                       java -jar c2c-gateway.jar verify-audit <config.yml> [--set key=value]...
                                                                check the audit log's chains and signed checkpoints
                       java -jar c2c-gateway.jar hash-password [--iterations N] hash a password for the configuration
                       java -jar c2c-gateway.jar new-token                      draw a bearer token and its SHA-256""");
    }
}
