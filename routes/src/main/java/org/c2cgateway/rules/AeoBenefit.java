package org.c2cgateway.rules;

/**
 * What a recognised AEO status brings at the border (REFERENCE.md, "Mutual recognition"). The receiving
 * administration's national system acts on these; the gateway only states which apply.
 */
public enum AeoBenefit {
    /** Fewer security and safety controls (lower risk score). */
    REDUCED_CONTROLS,
    /** Priority at clearance (priority lane at the border crossing). */
    PRIORITY_LANE,
    /** Advance notice when the goods are selected for a control. */
    ADVANCE_CONTROL_NOTICE,
    /** Recognised as a secure business partner in the supply chain. */
    SECURE_PARTNER
}
