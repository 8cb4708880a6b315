package org.c2cgateway.rules;

import java.util.List;

/** How findings and clauses name a field: {@code data-sharing.PRE_ARRIVAL.allow[3]}, or {@code -} for the file. */
final class FieldNames {

    private FieldNames() {
    }

    static String of(List<Object> path) {
        if (path.isEmpty()) {
            return "-";
        }
        StringBuilder name = new StringBuilder();
        for (Object part : path) {
            if (part instanceof Integer index) {
                name.append('[').append(index).append(']');
            } else {
                if (!name.isEmpty()) {
                    name.append('.');
                }
                name.append(part);
            }
        }
        return name.toString();
    }
}
