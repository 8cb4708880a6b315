package org.c2cgateway.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.c2cgateway.model.NotificationType;
import org.c2cgateway.trace.DeliveryAttempt;
import org.c2cgateway.validation.Iso6346;

/**
 * Seeds a gateway's trace store (after its migrations ran) with realistic traffic of the RS gateway, in JDBC batches:
 * several partners, both directions, both notification types, the statuses in the proportions of a working day
 * (most delivered, a few failed, queued or rejected), 6 to 9 steps each as the routes write them, MRNs with valid check
 * digits shared by the two or three notifications of a movement, and the signed receipt kept for every delivered
 * message. The same seed gives the same store.
 */
final class TraceGenerator {

    static final List<String> PARTNERS = List.of("MK", "BG", "ME", "BA", "HU");
    private static final String[] AGREEMENTS = {"RS-MK-SEED", "BG-RS-CBM", "ME-RS-CBM", "BA-RS-CBM", "HU-RS-CBM"};
    private static final int BATCH = 500;
    private static final String NODE = "rs-gw-1";
    private static final String[] NODES = {"rs-gw-1", "rs-gw-2"};

    private final Random random = new Random(7);
    private final HexFormat hex = HexFormat.of();
    private final int messages;
    private final Instant start;
    private final Duration span;

    /** {@code messages} created evenly (with jitter) over {@code span} up to an hour ago. */
    TraceGenerator(int messages, Duration span) {
        this.messages = messages;
        this.span = span;
        this.start = Instant.now().minus(span).minus(Duration.ofHours(1));
    }

    Instant start() {
        return start;
    }

    Instant end() {
        return start.plus(span);
    }

    /** Inserts the messages, their steps and (outbound) their delivery keys; returns the number of steps written. */
    long seed(Connection db, java.util.function.IntConsumer progress) throws SQLException {
        db.setAutoCommit(false);
        long steps = 0;
        try (PreparedStatement message = db.prepareStatement("INSERT INTO trace_message (message_id, national_message_id, "
                + "mrn, conversation_id, type, direction, partner, payload_size, payload_sha256, status, created_at, "
                + "updated_at, receipt, agreement_id, agreement_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement event = db.prepareStatement("INSERT INTO trace_event (message_id, event, occurred_at, node, "
                     + "detail, agreement_id, agreement_version) VALUES (?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement delivery = db.prepareStatement("INSERT INTO outbound_delivery (message_id, "
                     + "national_message_id, partner) VALUES (?, ?, ?)")) {
            long step = span.toMillis() / messages;
            String mrn = null;
            int movementLeft = 0;
            for (int i = 0; i < messages; i++) {
                if (movementLeft-- <= 0) {
                    movementLeft = 1 + random.nextInt(3);
                    mrn = null;
                }
                int p = partnerIndex();
                String partner = PARTNERS.get(p);
                boolean outbound = random.nextInt(100) < 55;
                mrn = mrn == null ? mrn(outbound ? "RS" : partner) : mrn;
                Instant created = start.plusMillis(i * step + random.nextInt((int) Math.max(1, step)));
                Traffic t = outbound ? outbound(partner, AGREEMENTS[p], created) : inbound(partner, AGREEMENTS[p], created);
                String id = UUID.randomUUID() + "@" + (outbound ? "rs" : partner.toLowerCase()) + ".c2c-gateway";
                String nationalId = outbound ? String.format("RS-NCTS-%d-%08d", 2026, i) : partner + "-" + (100_000_000 + i);
                int k = 1;
                message.setString(k++, id);
                message.setString(k++, nationalId);
                message.setString(k++, mrn);
                message.setString(k++, mrn);
                message.setString(k++, NotificationType.values()[random.nextInt(100) < 60 ? 0 : 1].rootElement());
                message.setString(k++, outbound ? "OUTBOUND" : "INBOUND");
                message.setString(k++, partner);
                message.setLong(k++, 1_500 + random.nextInt(60_000));
                message.setString(k++, randomHex(32));
                message.setString(k++, t.status);
                message.setObject(k++, utc(created));
                message.setObject(k++, utc(t.updated));
                message.setString(k++, t.receipt ? receipt(id, partner, outbound, t.updated) : null);
                message.setString(k++, AGREEMENTS[p]);
                message.setInt(k, AGREEMENTS[p].equals("RS-MK-SEED") ? 2 : 1);
                message.addBatch();
                for (Step s : t.steps) {
                    event.setString(1, id);
                    event.setString(2, s.event);
                    event.setObject(3, utc(s.at));
                    event.setString(4, s.node);
                    event.setString(5, s.detail);
                    event.setString(6, AGREEMENTS[p]);
                    event.setInt(7, AGREEMENTS[p].equals("RS-MK-SEED") ? 2 : 1);
                    event.addBatch();
                    steps++;
                }
                if (outbound) {
                    delivery.setString(1, id);
                    delivery.setString(2, nationalId);
                    delivery.setString(3, partner);
                    delivery.addBatch();
                }
                if ((i + 1) % BATCH == 0 || i == messages - 1) {
                    message.executeBatch();
                    event.executeBatch();
                    delivery.executeBatch();
                    db.commit();
                    progress.accept(i + 1);
                }
            }
        }
        return steps;
    }

    private int partnerIndex() {
        int r = random.nextInt(100); // the neighbours with the most traffic first
        return r < 40 ? 0 : r < 65 ? 1 : r < 80 ? 2 : r < 92 ? 3 : 4;
    }

    private record Step(String event, Instant at, String node, String detail) {
    }

    private record Traffic(String status, Instant updated, boolean receipt, List<Step> steps) {
    }

    private Traffic outbound(String partner, String agreement, Instant created) {
        java.util.ArrayList<Step> steps = new java.util.ArrayList<>();
        Instant at = created;
        steps.add(new Step("RECEIVED", at, NODE, "REST from RS national customs system; national message id accepted"));
        steps.add(new Step("VALIDATED", at = at.plusMillis(3), NODE, "schema and 41 business rules, no findings"));
        steps.add(new Step("AGREEMENT_APPLIED", at = at.plusMillis(2), NODE, agreement + " flow pre-arrival RS->" + partner
                + "; data-sharing clause 4.2 minimised 3 elements"));
        steps.add(new Step("QUEUED", at = at.plusMillis(4), NODE, "out." + partner));
        int r = random.nextInt(1000);
        String status;
        int failures = r < 900 ? 0 : r < 960 ? 1 + random.nextInt(3) : 4 + random.nextInt(4);
        String node = NODES[random.nextInt(2)];
        for (int a = 1; a <= failures; a++) {
            at = at.plusMillis(a == 1 ? 120 : 30_000L << Math.min(a, 6));
            steps.add(new Step("SEND_FAILED", at, node, DeliveryAttempt.note(a) + ": java.net.ConnectException: Connection refused "
                    + "(gateway." + partner.toLowerCase() + ".example:8443)"));
        }
        if (r >= 990) {
            status = "FAILED";
            steps.add(new Step("DEAD_LETTERED", at = at.plusMillis(5), node, "attempt cap of " + failures
                    + " reached; moved to DLQ.out." + partner));
        } else if (r >= 985) {
            status = "QUEUED";
        } else if (r >= 975) {
            status = "SENDING";
            steps.add(new Step("SENT", at = at.plusMillis(150), node, sent(partner, failures + 1)));
        } else {
            status = "DELIVERED_TO_PARTNER";
            steps.add(new Step("SENT", at = at.plusMillis(150 + random.nextInt(400)), node, sent(partner, failures + 1)));
            steps.add(new Step("RECEIPT_VERIFIED", at = at.plusMillis(2), node, "receipt " + UUID.randomUUID() + "@"
                    + partner.toLowerCase() + ".c2c-gateway signed by " + partner.toLowerCase() + "-gateway with CN="
                    + partner + " gateway signing, serial " + randomHex(8) + ", 2 digests match"));
        }
        return new Traffic(status, at, status.equals("DELIVERED_TO_PARTNER"), steps);
    }

    private static String sent(String partner, int attempt) {
        return "to https://gateway." + partner.toLowerCase() + ".example:8443/as4, " + DeliveryAttempt.note(attempt)
                + ", HTTP 200; encrypted for CN=" + partner + " gateway encryption";
    }

    private Traffic inbound(String partner, String agreement, Instant created) {
        java.util.ArrayList<Step> steps = new java.util.ArrayList<>();
        Instant at = created;
        String node = NODES[random.nextInt(2)];
        steps.add(new Step("RECEIVED_FROM_PARTNER", at, node, "from " + partner.toLowerCase() + "-gateway"));
        int r = random.nextInt(1000);
        if (r < 15) {
            steps.add(new Step("REJECTED", at.plusMillis(4), node, "EBMS:0004 rule BR-017: the office of exit is not "
                    + "one of the agreement's offices"));
            return new Traffic("REJECTED", at.plusMillis(4), false, steps);
        }
        steps.add(new Step("VERIFIED", at = at.plusMillis(6), node, "signature, TLS identity, decryption and schema; "
                + "signed with CN=" + partner + " gateway signing, encrypted for CN=RS gateway encryption"));
        steps.add(new Step("AGREEMENT_APPLIED", at = at.plusMillis(2), node, agreement + " flow exit " + partner
                + "->RS; AEO recognised"));
        steps.add(new Step("QUEUED", at = at.plusMillis(3), node, "in.national"));
        String status;
        if (r < 40) {
            status = "AWAITING_NATIONAL_SYSTEM";
        } else if (r < 50) {
            status = "UNDELIVERABLE";
            for (int a = 1; a <= 3; a++) {
                steps.add(new Step("NATIONAL_DELIVERY_FAILED", at = at.plusSeconds(60L * a), node, DeliveryAttempt.note(a)
                        + ": HTTP 503 from https://national.rs.example/c2c/inbox"));
            }
            steps.add(new Step("NATIONAL_DEAD_LETTERED", at = at.plusMillis(3), node, "time to live used up"));
        } else {
            steps.add(new Step("DELIVERED", at = at.plusMillis(40 + random.nextInt(500)), node, "pulled by RS national "
                    + "customs system"));
            status = "DELIVERED";
            if (r >= 150) {
                steps.add(new Step("ACKNOWLEDGED", at = at.plusSeconds(1 + random.nextInt(600)), node, "by RS national "
                        + "customs system"));
                status = "ACKNOWLEDGED";
            }
        }
        return new Traffic(status, at, true, steps);
    }

    /** An MRN of this year with a valid check digit: year, country, 12 alphanumerics, procedure letter, digit. */
    private String mrn(String country) {
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        StringBuilder body = new StringBuilder("26").append(country);
        for (int i = 0; i < 12; i++) {
            body.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        body.append("JKLM".charAt(random.nextInt(4)));
        return body.append((char) ('0' + Iso6346.checkDigit(body))).toString();
    }

    private String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return hex.formatHex(b);
    }

    /** A signed AS4 receipt as the trace keeps it (about 2.5 KB): non-repudiation digests and the signature. */
    private String receipt(String refTo, String partner, boolean fromPartner, Instant at) {
        String signer = fromPartner ? partner.toLowerCase() : "rs";
        return "<S12:Envelope xmlns:S12=\"http://www.w3.org/2003/05/soap-envelope\" xmlns:eb=\"http://docs.oasis-open.org/"
                + "ebxml-msg/ebms/v3.0/ns/core/200704/\" xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\" xmlns:wsse=\""
                + "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd\"><S12:Header>"
                + "<wsse:Security><wsse:BinarySecurityToken>" + base64(700) + "</wsse:BinarySecurityToken><ds:Signature>"
                + "<ds:SignedInfo><ds:SignatureMethod Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256\"/>"
                + "<ds:Reference URI=\"#messaging\"><ds:DigestValue>" + base64(32) + "</ds:DigestValue></ds:Reference>"
                + "<ds:Reference URI=\"#body\"><ds:DigestValue>" + base64(32) + "</ds:DigestValue></ds:Reference>"
                + "</ds:SignedInfo><ds:SignatureValue>" + base64(256) + "</ds:SignatureValue></ds:Signature>"
                + "</wsse:Security><eb:Messaging wsu:Id=\"messaging\"><eb:SignalMessage><eb:MessageInfo><eb:Timestamp>" + at
                + "</eb:Timestamp><eb:MessageId>" + UUID.randomUUID() + "@" + signer + ".c2c-gateway</eb:MessageId>"
                + "<eb:RefToMessageId>" + refTo + "</eb:RefToMessageId></eb:MessageInfo><eb:Receipt>"
                + "<ebbp:NonRepudiationInformation><ebbp:MessagePartNRInformation><ds:Reference URI=\"cid:payload\">"
                + "<ds:DigestValue>" + base64(32) + "</ds:DigestValue></ds:Reference></ebbp:MessagePartNRInformation>"
                + "</ebbp:NonRepudiationInformation></eb:Receipt></eb:SignalMessage></eb:Messaging></S12:Header>"
                + "<S12:Body wsu:Id=\"body\"/></S12:Envelope>";
    }

    private String base64(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return java.util.Base64.getEncoder().encodeToString(b);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
