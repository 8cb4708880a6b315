package org.c2cgateway.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The message broker. Embedded (one machine, a persistent journal under the data directory) is the
 * default; production points several gateway nodes at an external Artemis HA cluster instead.
 *
 * @param mode                 {@code EMBEDDED} or {@code EXTERNAL}
 * @param serverId             the in-VM server id of the embedded broker, unique within one JVM
 * @param url                  the external broker's URL, e.g. {@code (tcp://a:61616,tcp://b:61616)?ha=true}
 * @param maxDiskUsage         the percentage of disk use at which the embedded broker blocks producers
 * @param deadLetterAddress    the address holding the partners' dead-letter queues ({@code DLQ.out.<CC>},
 *                             filtered on the original address); an external broker must be set up the same way
 */
@ConfigurationProperties("c2c.broker")
public record BrokerConfiguration(
        @Bindable(defaultValue = "EMBEDDED") @NotNull Mode mode,
        @Bindable(defaultValue = "0") @Min(0) int serverId,
        @Nullable String url,
        @Nullable String user,
        @Nullable String password,
        @Bindable(defaultValue = "99") int maxDiskUsage,
        @Bindable(defaultValue = "DLA") @NotNull String deadLetterAddress) {

    public enum Mode { EMBEDDED, EXTERNAL }
}
