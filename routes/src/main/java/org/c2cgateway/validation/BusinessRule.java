package org.c2cgateway.validation;

import java.util.List;

/**
 * A rule the schema cannot express (a check digit, a count that must match, a relation between two
 * fields). Each implementation is one small class with its own code and source, so a rule can be
 * read, tested and switched off on its own.
 *
 * <p>Rules run only on schema-valid documents, are stateless, and report every breach they find.
 */
interface BusinessRule {

    /** Every breach of this rule in {@code notification}; empty when it holds. */
    List<ValidationFinding> check(NotificationDocument notification);
}
