package org.c2cgateway.app.audit;

import java.io.PrintStream;
import java.nio.file.Path;
import java.security.KeyStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micronaut.context.exceptions.ConfigurationException;

import org.c2cgateway.app.config.ConfigurationSources;
import org.c2cgateway.app.config.GatewayConfiguration;
import org.c2cgateway.app.config.TlsConfiguration;
import org.c2cgateway.app.keys.ConfigurationOnlyContext;
import org.c2cgateway.app.keys.ConfiguredCredentials;
import org.c2cgateway.keys.KeyConfigurationException;
import org.c2cgateway.security.KeyStores;

/**
 * {@code java -jar c2c-gateway.jar verify-audit <config.yml>}: checks the audit log of the trace database the
 * configuration names, without a running gateway (an embedded H2 store is locked by a running gateway: ask it with
 * {@code GET /api/v1/admin/audit/verify} instead). Reads the gateway's own signing certificates and its trust store
 * to judge the checkpoints' signers, so it needs the secrets file, like a start.
 */
public final class VerifyAuditCommand {

    static final String USAGE = """
            usage: java -jar c2c-gateway.jar verify-audit <config/xx/gateway.yml> [--set key=value]...
                                         check every audit chain, trace row and signed checkpoint; prints OK with
                                         the counts (exit status 0) or the first broken link (exit status 1)""";

    private VerifyAuditCommand() {
    }

    /**
     * @param args the arguments after {@code verify-audit}
     * @return 0 intact, 1 a broken link, 2 wrong usage, 3 the log could not be read
     */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Map<String, Object> settings = settings(args);
        if (settings == null) {
            err.println(USAGE);
            return 2;
        }
        try {
            Store store = ConfigurationOnlyContext.read(new ConfigurationSources(Path.of(args.get(0)), settings),
                    Store::from);
            AuditVerdict verdict;
            try (Connection connection = DriverManager.getConnection(store.url(), store.user(), store.password())) {
                connection.setAutoCommit(false); // PostgreSQL streams a result only inside a transaction
                connection.setReadOnly(true);
                verdict = new AuditVerifier(store.trust()).verify(connection);
                connection.rollback();
            }
            out.println(verdict.text());
            return verdict.ok() ? 0 : 1;
        } catch (KeyConfigurationException | ConfigurationException | IllegalArgumentException e) {
            err.println("c2c-gateway verify-audit: " + e.getMessage());
            return 3;
        } catch (SQLException e) {
            err.println("c2c-gateway verify-audit: cannot read the audit log: " + e.getMessage()
                    + " (a running gateway holds its embedded H2 store: ask it, GET /api/v1/admin/audit/verify)");
            return 3;
        }
    }

    /** The {@code --set key=value} pairs after the configuration file; {@code null} when the usage is wrong. */
    private static Map<String, Object> settings(List<String> args) {
        if (args.isEmpty() || args.size() % 2 == 0) {
            return null;
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        for (int i = 1; i < args.size(); i += 2) {
            String pair = args.get(i + 1);
            if (!args.get(i).equals("--set") || pair.indexOf('=') < 1) {
                return null;
            }
            settings.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        return settings;
    }

    /** The trace database and whose checkpoint signatures count, as the configuration says. */
    private record Store(String url, String user, String password, SignerTrust trust) {

        static Store from(io.micronaut.context.ApplicationContext context) {
            GatewayConfiguration gateway = context.getBean(GatewayConfiguration.class);
            TlsConfiguration tls = context.getBean(TlsConfiguration.class);
            KeyStore trustStore = KeyStores.loadPkcs12(gateway.resolve(tls.trustStore()),
                    tls.trustStorePassword().toCharArray());
            String url = context.getProperty("datasources.default.url", String.class).orElseThrow(() ->
                    new IllegalArgumentException("datasources.default.url is not set"));
            if (url.startsWith("jdbc:h2:file:")) {
                url += ";IFEXISTS=TRUE"; // a mistyped data directory must not verify a new, empty store as intact
            }
            return new Store(url, context.getProperty("datasources.default.username", String.class).orElse(null),
                    context.getProperty("datasources.default.password", String.class).orElse(null),
                    SignerTrust.of(ConfiguredCredentials.read(context, Instant.now()), trustStore));
        }
    }
}
