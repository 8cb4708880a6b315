package org.c2cgateway.keys;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;

import org.c2cgateway.partner.Partner;
import org.c2cgateway.partner.PartnerDirectory;

/**
 * The {@link Credentials} the gateway works with now. Each message takes {@link #current()} once and keeps
 * that snapshot to the end, so replacing it never disturbs a message in flight: keys roll over while
 * messages flow, without a restart.
 */
public final class CredentialsInForce {

    private final AtomicReference<Credentials> current;

    public CredentialsInForce(Credentials initial) {
        this.current = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
    }

    public Credentials current() {
        return current.get();
    }

    /**
     * Puts {@code replacement} in force for every message handled from now on.
     *
     * @return the credentials it replaced
     * @throws KeyConfigurationException if it names other partners than those in force: each partner has its
     *                                   own queue and route, made at start, so adding or removing one needs a restart
     */
    public synchronized Credentials replace(Credentials replacement) {
        Credentials before = current.get();
        Set<String> had = countries(before.partners());
        Set<String> has = countries(replacement.partners());
        if (!had.equals(has)) {
            throw new KeyConfigurationException("c2c.partners", "a reload cannot add or remove partners (in force: "
                    + had + ", configured: " + has + "); restart the gateway for that");
        }
        current.set(replacement);
        return before;
    }

    private static Set<String> countries(PartnerDirectory partners) {
        Set<String> countries = new TreeSet<>();
        for (Partner partner : partners.all()) {
            countries.add(partner.country());
        }
        return countries;
    }
}
