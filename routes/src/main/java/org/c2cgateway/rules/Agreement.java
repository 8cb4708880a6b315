package org.c2cgateway.rules;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.c2cgateway.model.NotificationType;

/**
 * One version of the agreement between this administration and one partner, as this administration's copy
 * states it. The partner's gateway holds its own copy (the same id and version, seen from its side), and
 * each side enforces its own.
 *
 * @param id              the agreement's id, e.g. {@code RS-MK-SEED}
 * @param version         its version, increasing
 * @param partner         the partner's country (ISO 3166-1 alpha-2)
 * @param effectiveFrom   first day in force
 * @param effectiveTo     last day in force, when the version has an end
 * @param file            the file it was read from
 * @param send            the flows this country sends to the partner
 * @param accept          the flows this country accepts from the partner
 * @param sharing         per notification type, what may cross the border (both ways: what we send, and
 *                        what we accept); a type without an entry shares nothing beyond what is required
 * @param inboundUnshared what to do with elements the partner sends but may not
 * @param aeo             the AEO mutual recognition, when the agreement has one
 * @param controls        the recognised control result codes, when any
 * @param seals           the recognised seal practices, when any
 * @param validation      the partner's validation profile
 * @param ref             the agreement as a whole (its header), for decisions no single clause makes
 */
public record Agreement(
        String id,
        int version,
        String partner,
        LocalDate effectiveFrom,
        Optional<LocalDate> effectiveTo,
        String file,
        List<FlowClause> send,
        List<FlowClause> accept,
        Map<NotificationType, DataSharing> sharing,
        UnsharedElements inboundUnshared,
        Optional<AeoRecognition> aeo,
        Optional<ControlRecognition> controls,
        Optional<SealRecognition> seals,
        ValidationProfile validation,
        ClauseRef ref) {

    public Agreement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(partner, "partner");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(effectiveTo, "effectiveTo");
        Objects.requireNonNull(file, "file");
        send = List.copyOf(send);
        accept = List.copyOf(accept);
        sharing = Map.copyOf(sharing);
        Objects.requireNonNull(inboundUnshared, "inboundUnshared");
        Objects.requireNonNull(aeo, "aeo");
        Objects.requireNonNull(controls, "controls");
        Objects.requireNonNull(seals, "seals");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(ref, "ref");
    }

    /** Whether this version is in force on {@code day} (both ends inclusive). */
    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(effectiveFrom) && effectiveTo.map(end -> !day.isAfter(end)).orElse(true);
    }

    /** {@code RS-MK-SEED v3}: how traces and errors name it. */
    public String label() {
        return id + " v" + version;
    }

    /** The first send flow covering this notification, if any. */
    public Optional<FlowClause> sendFlow(NotificationType type, java.util.Set<String> officesInPartnerCountry) {
        return send.stream().filter(flow -> flow.covers(type, officesInPartnerCountry)).findFirst();
    }

    /** The first accept flow covering this notification, if any. */
    public Optional<FlowClause> acceptFlow(NotificationType type, java.util.Set<String> officesInOwnCountry) {
        return accept.stream().filter(flow -> flow.covers(type, officesInOwnCountry)).findFirst();
    }
}
