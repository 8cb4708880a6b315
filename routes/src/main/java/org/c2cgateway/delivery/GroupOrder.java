package org.c2cgateway.delivery;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;

/**
 * Keeps the messages of one group (one movement) in queue order through retries. Artemis message groups
 * alone do not: a rolled-back message waits out its redelivery delay off the queue, and meanwhile the
 * broker hands the group's next message to the consumer, which would overtake it.
 * <p>
 * Once a message of a group fails, the group has a line: the failed message first, then every later
 * message of the group in the order the consumer first saw it. Only the first in line may be sent; the
 * others are {@linkplain HeldBack held back} (rolled back without an attempt) until the ones before them
 * are done, delivered or dead-lettered. Other groups are never held. A group without failures costs one
 * map look-up.
 * <p>
 * The line lives in memory: after a restart, a held-back message may briefly run ahead of its group's
 * failed head if the head's redelivery delay has not yet run out.
 */
public final class GroupOrder {

    private final Map<String, LinkedHashSet<String>> lines = new HashMap<>();
    /** How often each message in a line was held back: deliveries that were no send attempt. */
    private final Map<String, Integer> holds = new HashMap<>();

    /** Throws {@link HeldBack} unless the message is free to go now; a held message keeps its place in line. */
    public synchronized void admit(String group, String messageId) throws HeldBack {
        LinkedHashSet<String> line = group == null ? null : lines.get(group);
        if (line == null) {
            return;
        }
        line.add(messageId);
        String first = line.iterator().next();
        if (!first.equals(messageId)) {
            holds.merge(messageId, 1, Integer::sum);
            throw new HeldBack(messageId, group, first);
        }
    }

    /** The message went and failed: its group waits for it. */
    public synchronized void failed(String group, String messageId) {
        if (group != null) {
            lines.computeIfAbsent(group, g -> new LinkedHashSet<>()).add(messageId);
        }
    }

    /** The message is done (delivered or dead-lettered): the next in its group's line may go. */
    public synchronized void done(String group, String messageId) {
        LinkedHashSet<String> line = group == null ? null : lines.get(group);
        holds.remove(messageId);
        if (line != null) {
            line.remove(messageId);
            if (line.isEmpty()) {
                lines.remove(group);
            }
        }
    }

    /**
     * The send attempt a delivery is: the broker's delivery count less the deliveries held back. Holds from
     * before a restart are not known, so after one the number may count a few too many.
     */
    public synchronized int attempt(String messageId, int deliveryCount) {
        return deliveryCount - holds.getOrDefault(messageId, 0);
    }

    /** A message rolled back without an attempt because an earlier message of its group is not done. */
    public static final class HeldBack extends Exception {

        private static final long serialVersionUID = 1L;

        HeldBack(String messageId, String group, String waitingFor) {
            super(messageId + " waits for " + waitingFor + ", an earlier message of group " + group, null, false, false);
        }
    }
}
