package org.c2cgateway.partner;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The partners configured for this gateway, found by country (to route a notification) or by AS4
 * party id (to decide whom an inbound message may come from).
 */
public final class PartnerDirectory {

    private final Map<String, Partner> byCountry;
    private final Map<String, Partner> byPartyId;

    public PartnerDirectory(Collection<Partner> partners) {
        this.byCountry = partners.stream().collect(Collectors.toUnmodifiableMap(Partner::country, Function.identity()));
        this.byPartyId = partners.stream().collect(Collectors.toUnmodifiableMap(Partner::partyId, Function.identity()));
    }

    public Optional<Partner> byCountry(String country) {
        return Optional.ofNullable(byCountry.get(country));
    }

    public Optional<Partner> byPartyId(String partyId) {
        return Optional.ofNullable(byPartyId.get(partyId));
    }

    public List<Partner> all() {
        return List.copyOf(byCountry.values());
    }
}
