package org.c2cgateway.faults;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a fault run comes to, as MK's national system saw it: notifications accepted by RS but never delivered
 * (lost), offered again after their acknowledgement (duplicated), and delivered before a notification of the
 * same movement submitted earlier (order violations).
 */
record Figures(String scenario, int submitted, int lost, int duplicated, int orderViolations, int resubmitted,
               int answeredAsDuplicate, double seconds, String notes) {

    static Figures count(String scenario, List<List<Movements.Notification>> movements, LoadDriver load,
                         NationalReceiver national, Set<String> undeliverable, double seconds, String notes) {
        int submitted = 0;
        int lost = 0;
        Map<String, Integer> submissionIndex = new HashMap<>();
        for (List<Movements.Notification> movement : movements) {
            for (Movements.Notification notification : movement) {
                submitted++;
                String id = load.accepted.get(notification.nationalMessageId());
                if (id == null) {
                    continue; // never accepted: submitAll failed, which fails the test on its own
                }
                submissionIndex.put(id, notification.step());
                if (!undeliverable.contains(notification.nationalMessageId()) && !national.hasSeen(id)) {
                    lost++;
                    System.out.println("LOST: " + notification.nationalMessageId() + " accepted as " + id);
                }
            }
        }
        int violations = 0;
        for (Map.Entry<String, List<String>> movement : national.deliveryOrder().entrySet()) {
            int latest = -1;
            for (String id : movement.getValue()) {
                int step = submissionIndex.getOrDefault(id, Integer.MAX_VALUE);
                if (step < latest) {
                    violations++;
                    System.out.println("OUT OF ORDER: MRN " + movement.getKey() + " delivered " + movement.getValue());
                }
                latest = Math.max(latest, step);
            }
        }
        // a notification delivered under a gateway message id RS never answered with is a second copy of one
        int strangers = 0;
        for (String id : national.seenIds()) {
            if (!submissionIndex.containsKey(id)) {
                strangers++;
                System.out.println("DUPLICATE under an id RS never answered with: " + id);
            }
        }
        return new Figures(scenario, submitted, lost, national.duplicates.get() + strangers, violations, load.resubmitted.get(),
                load.answeredAsDuplicate.get(), seconds, notes);
    }

    String line() {
        return String.format("FAULTS %-16s N=%d lost=%d duplicated=%d order-violations=%d | resubmitted after no answer: %d,"
                        + " answered as duplicate: %d | %.1f s%s", scenario, submitted, lost, duplicated, orderViolations,
                resubmitted, answeredAsDuplicate, seconds, notes.isEmpty() ? "" : " | " + notes);
    }
}
