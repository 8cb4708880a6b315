package org.c2cgateway.app.rules;

import io.micronaut.serde.annotation.SerdeImport;

import org.c2cgateway.rules.ClauseRef;
import org.c2cgateway.rules.ElementAction;
import org.c2cgateway.rules.Explanation;
import org.c2cgateway.rules.RecognitionMarks;

/**
 * Lets the API answer an {@link Explanation} as JSON field for field: the engine's records carry no Micronaut
 * annotation (routes stays free of the framework), so their serialisation is declared here.
 */
@SerdeImport(Explanation.class)
@SerdeImport(Explanation.Refusal.class)
@SerdeImport(Explanation.PartnerOutcome.class)
@SerdeImport(ElementAction.class)
@SerdeImport(ClauseRef.class)
@SerdeImport(RecognitionMarks.RecognisedAeo.class)
@SerdeImport(RecognitionMarks.RecognisedControl.class)
@SerdeImport(RecognitionMarks.RecognisedSeals.class)
final class ExplanationJson {

    private ExplanationJson() {
    }
}
