package org.c2cgateway.app.keys;

import java.util.List;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import org.c2cgateway.keys.CredentialsInForce;

/**
 * The operator's handle on key rollovers: what is in force, and a reload of the keys and partner certificates
 * from the configuration file while messages flow. A reload that fails answers 422 naming the setting at fault
 * ({@link KeyConfigurationHandler}), and the keys in force stay as they were.
 */
@Controller("/api/v1/admin/keys")
@ExecuteOn(TaskExecutors.BLOCKING)
public class KeysController {

    private final CredentialsInForce inForce;
    private final KeyReload reload;

    public KeysController(CredentialsInForce inForce, KeyReload reload) {
        this.inForce = inForce;
        this.reload = reload;
    }

    /** The own keys by slot and the partners' certificates now in force. */
    @Get(produces = MediaType.APPLICATION_JSON)
    public KeysView inForce() {
        return KeysView.of(inForce.current(), List.of());
    }

    /** Reads the configuration file again and puts its keys and certificates in force; answers what now is. */
    @Post(uri = "/reload", produces = MediaType.APPLICATION_JSON)
    public KeysView reload() {
        KeyReload.Reloaded reloaded = reload.reload();
        return KeysView.of(reloaded.credentials(), reloaded.warnings());
    }
}
