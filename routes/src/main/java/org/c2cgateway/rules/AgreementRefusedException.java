package org.c2cgateway.rules;

import java.util.Objects;

/**
 * A notification the agreements do not let through: not sent at all (outbound), or not accepted from the
 * partner (inbound). Names the clause that refused, the notification field it concerns, and why.
 */
public final class AgreementRefusedException extends Exception {

    private final transient ClauseRef clause;
    private final String field;
    private final String reason;

    /**
     * @param clause the refusing clause; for "no agreement in force", a reference to the agreement's
     *               {@code agreement} header, or the nearest version, or {@code null} when there is none at all
     * @param field  the notification's element path concerned ({@code /PreArrivalNotification/OfficeOfEntry})
     * @param reason why, in words an operator reads
     */
    public AgreementRefusedException(ClauseRef clause, String field, String reason) {
        super((clause == null ? "no agreement" : clause.label()) + ": " + reason);
        this.clause = clause;
        this.field = Objects.requireNonNull(field, "field");
        this.reason = reason;
    }

    /** Why, without the clause's name (which {@link #getMessage()} starts with). */
    public String reason() {
        return reason;
    }

    /** The refusing clause; {@code null} when no agreement with the partner exists at all. */
    public ClauseRef clause() {
        return clause;
    }

    public String field() {
        return field;
    }
}
