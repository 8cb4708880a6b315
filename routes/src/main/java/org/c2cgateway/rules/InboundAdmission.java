package org.c2cgateway.rules;

import java.util.List;
import java.util.Objects;

/**
 * A notification a partner sent, as this country's agreement with it admits it: the version and flow that
 * admit it, the elements stripped (the partner may not share them, and the agreement says strip), the
 * recognitions, and the document to deliver to the national system (stripped, with its {@code Recognition}).
 */
public record InboundAdmission(Agreement agreement, FlowClause flow, List<ElementAction> stripped,
                               RecognitionMarks marks, byte[] deliverable) {

    public InboundAdmission {
        Objects.requireNonNull(agreement, "agreement");
        Objects.requireNonNull(flow, "flow");
        stripped = List.copyOf(stripped);
        Objects.requireNonNull(marks, "marks");
        Objects.requireNonNull(deliverable, "deliverable");
    }
}
