package org.c2cgateway.app.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * Who this gateway is and where it keeps its state.
 *
 * @param country            the ISO 3166 code of this gateway's administration
 * @param partyId            the AS4 party id partners know this gateway by (defaults to the country)
 * @param home               the directory relative paths in the configuration are resolved against
 * @param dataDir            the broker journal and the embedded trace database live here
 * @param nodeName           this node's name in trace events (several nodes may share a store)
 * @param maxPayloadBytes    the largest notification accepted
 * @param consumersPerPartner parallel senders per partner queue. Each sender waits for the partner's signed receipt
 *                            before it takes its next message, so one sender caps a partner at one exchange per round
 *                            trip (the partner's verification, trace and journal sync included); a movement's
 *                            notifications still go one at a time, in order ("Ordering per movement" in the README)
 */
@ConfigurationProperties("c2c")
public record GatewayConfiguration(
        @NotBlank @Pattern(regexp = "[A-Z]{2}") String country,
        @Nullable String partyId,
        @Bindable(defaultValue = ".") String home,
        @NotBlank String dataDir,
        @Nullable String nodeName,
        @Bindable(defaultValue = "10485760") @Min(1024) long maxPayloadBytes,
        @Bindable(defaultValue = "4") @Min(1) int consumersPerPartner) {

    public String effectivePartyId() {
        return partyId == null || partyId.isBlank() ? country : partyId;
    }

    public String effectiveNodeName() {
        if (nodeName != null && !nodeName.isBlank()) {
            return nodeName;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "node-" + ProcessHandle.current().pid();
        }
    }

    /** Resolves a configured path against {@link #home()} unless it is absolute. */
    public java.nio.file.Path resolve(String path) {
        return java.nio.file.Path.of(home).resolve(path).normalize();
    }
}
