package org.c2cgateway.rules;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.c2cgateway.model.NotificationType;

/** Data-sharing clauses written in code, as the loader would resolve them from an agreement file. */
final class Sharings {

    static final String AGREEMENT = "RS-MK-SEED";
    static final String FILE = "config/rs/agreements/rs-mk-v1.yml";
    /** A test key of exactly the minimum length. */
    static final byte[] KEY = "test-pseudonymisation-key-32-byt".getBytes(StandardCharsets.US_ASCII);

    private Sharings() {
    }

    static ClauseRef clause(String name) {
        return new ClauseRef(AGREEMENT, 1, name, FILE, 0);
    }

    /** Each path its own entry, named as the loader names them ({@code data-sharing.PRE_ARRIVAL.allow[2]}). */
    static DataSharing sharing(NotificationType type, List<String> allow, List<String> pseudonymise) {
        String base = "data-sharing." + type.name();
        return new DataSharing(type, rules(base + ".allow", allow), rules(base + ".pseudonymise", pseudonymise),
                clause(base));
    }

    private static List<ElementRule> rules(String list, List<String> paths) {
        List<ElementRule> rules = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            rules.add(new ElementRule(paths.get(i), Set.of(paths.get(i)), clause(list + "[" + i + "]")));
        }
        return rules;
    }
}
