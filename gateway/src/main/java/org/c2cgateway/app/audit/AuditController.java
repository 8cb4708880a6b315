package org.c2cgateway.app.audit;

import java.sql.Connection;
import java.security.KeyStore;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.transaction.TransactionOperations;

import org.c2cgateway.app.config.GatewayConfiguration;
import org.c2cgateway.app.config.TlsConfiguration;
import org.c2cgateway.keys.CredentialsInForce;
import org.c2cgateway.security.KeyStores;

/**
 * The verify-audit verdict from the running gateway (operators and admins): the command cannot open an embedded H2
 * store the gateway holds. The whole log is read, so a call takes as long as the command does.
 */
@Controller("/api/v1/admin/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
public class AuditController {

    private final TransactionOperations<Connection> transactions;
    private final CredentialsInForce credentials;
    private final KeyStore trustStore;

    public AuditController(TransactionOperations<Connection> transactions, CredentialsInForce credentials,
                           GatewayConfiguration gateway, TlsConfiguration tls) {
        this.transactions = transactions;
        this.credentials = credentials;
        this.trustStore = KeyStores.loadPkcs12(gateway.resolve(tls.trustStore()), tls.trustStorePassword().toCharArray());
    }

    @Get(uri = "/verify", produces = MediaType.APPLICATION_JSON)
    public AuditVerdict verify() {
        AuditVerifier verifier = new AuditVerifier(SignerTrust.of(credentials.current(), trustStore));
        return transactions.executeRead(status -> verifier.verify(status.getConnection()));
    }
}
