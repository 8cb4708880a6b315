package org.c2cgateway.rules;

/** Renders an {@link Explanation} for a terminal. */
final class ExplanationText {

    private ExplanationText() {
    }

    static String of(Explanation explanation) {
        return explanation.toString(); // rendered properly once the explainer lands
    }
}
