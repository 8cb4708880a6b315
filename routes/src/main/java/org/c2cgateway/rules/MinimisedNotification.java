package org.c2cgateway.rules;

import java.util.List;

/**
 * A notification after data minimisation.
 *
 * @param xml            the document that may be sent (or delivered)
 * @param kept           the leaf elements kept, with the allow-list entry that kept each
 * @param removed        the elements removed (each removed subtree once, at its top), with the data-sharing clause
 * @param pseudonymised  the elements whose value was replaced, with the pseudonymisation entry
 */
public record MinimisedNotification(byte[] xml, List<ElementAction> kept, List<ElementAction> removed,
                                    List<ElementAction> pseudonymised) {

    public MinimisedNotification {
        kept = List.copyOf(kept);
        removed = List.copyOf(removed);
        pseudonymised = List.copyOf(pseudonymised);
    }
}
