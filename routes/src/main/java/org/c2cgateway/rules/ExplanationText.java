package org.c2cgateway.rules;

import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import java.util.stream.Collectors;

/** Renders an {@link Explanation} for a terminal: one block per partner, elements grouped by clause. */
final class ExplanationText {

    private static final int WIDTH = 116;

    private ExplanationText() {
    }

    static String of(Explanation explanation) {
        StringBuilder text = new StringBuilder();
        text.append(explanation.type()).append(' ').append(explanation.mrn()).append(", ")
                .append(explanation.direction().toLowerCase(java.util.Locale.ROOT)).append(", agreements in force on ")
                .append(explanation.day()).append('\n');
        explanation.refusal().ifPresent(refusal -> text.append("REFUSED by ").append(refusal.clause())
                .append(refusal.location().isEmpty() ? "" : " (" + refusal.location() + ")").append(" at ")
                .append(refusal.field()).append(":\n  ").append(refusal.reason()).append('\n'));
        for (Explanation.PartnerOutcome outcome : explanation.partners()) {
            text.append('\n').append(outcome.partner()).append(": ")
                    .append(outcome.exchanged() ? (explanation.direction().equals("OUTBOUND") ? "SENT" : "ACCEPTED") : "NOT SENT")
                    .append(outcome.agreement().map(a -> " (" + a + ")").orElse("")).append('\n')
                    .append("  ").append(outcome.reason()).append('\n');
            if (!outcome.validationRules().isEmpty()) {
                text.append("  partner-specific validation: ").append(String.join(", ", outcome.validationRules())).append('\n');
            }
            section(text, "gets", outcome.kept());
            section(text, "pseudonymised", outcome.pseudonymised());
            section(text, explanation.direction().equals("OUTBOUND") ? "removed" : "stripped", outcome.removed());
            for (RecognitionMarks.RecognisedAeo aeo : outcome.aeo()) {
                text.append("  AEO recognised: ").append(aeo.party()).append(' ').append(aeo.identification())
                        .append(" (").append(aeo.roleCode()).append(", ").append(aeo.programme()).append(") -> ")
                        .append(aeo.benefits().stream().map(Enum::name).sorted().collect(Collectors.joining(", ")))
                        .append("   [").append(aeo.clause().label()).append("]\n");
            }
            outcome.control().ifPresent(control -> text.append("  control recognised: ").append(control.code())
                    .append(" by ").append(control.controlledBy()).append("   [").append(control.clause().label()).append("]\n"));
            outcome.seals().ifPresent(seals -> text.append("  seals recognised: ").append(String.join(", ", seals.practices()))
                    .append("   [").append(seals.clause().label()).append("]\n"));
        }
        return text.toString();
    }

    /** {@code Parties/Consignor/Name} for {@code /PreArrivalNotification/Parties/Consignor/Name}: the root is said once above. */
    private static String relative(String path) {
        int second = path.indexOf('/', 1);
        return path.startsWith("/") && second > 0 ? path.substring(second + 1) : path;
    }

    /** Lists the elements under the clause that decided them, one line per clause. */
    private static void section(StringBuilder text, String title, List<ElementAction> actions) {
        if (actions.isEmpty()) {
            return;
        }
        Map<String, List<String>> byClause = new LinkedHashMap<>(); // document order: the first element a clause decided
        for (ElementAction action : actions) {
            byClause.computeIfAbsent(action.clause().label(), c -> new java.util.ArrayList<>()).add(relative(action.path()));
        }
        text.append("  ").append(title).append(" (").append(actions.size()).append("):\n");
        byClause.forEach((clause, paths) -> {
            text.append("    [").append(clause).append("]");
            wrapped(text, paths, "      ");
        });
    }

    /** The paths after a clause, wrapped to terminal width, continuation lines indented under the clause. */
    private static void wrapped(StringBuilder text, List<String> paths, String indent) {
        int column = text.length() - text.lastIndexOf("\n") - 1;
        for (String path : paths) {
            if (column + 1 + path.length() > WIDTH && column > indent.length()) {
                text.append('\n').append(indent);
                column = indent.length();
            } else {
                text.append(' ');
                column++;
            }
            text.append(path);
            column += path.length();
        }
        text.append('\n');
    }
}
