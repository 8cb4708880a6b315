package org.c2cgateway.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The suite's traffic: movements from RS to MK, each with its pre-arrival notification followed by amended
 * ones under the same MRN, each under a national message id of its own. Grown from the committed RS to MK
 * sample, so every notification passes both gateways' validation.
 */
final class Movements {

    private static final Pattern GOODS_ITEM = Pattern.compile("(?s)(\\s*<GoodsItem>.*?</GoodsItem>)");

    private Movements() {
    }

    /** One notification: the {@code step}-th (from 0) of its movement. */
    record Notification(String mrn, int step, String nationalMessageId, byte[] xml) {
    }

    /**
     * {@code movements} movements of {@code perMovement} notifications each, as lists in submission order.
     *
     * @param tag keeps the national message ids of one run apart from another's
     */
    static List<List<Notification>> of(String tag, int movements, int perMovement) throws IOException {
        String sample = sample();
        List<List<Notification>> all = new ArrayList<>();
        for (int m = 0; m < movements; m++) {
            String mrn = mrn(m);
            List<Notification> movement = new ArrayList<>();
            for (int step = 0; step < perMovement; step++) {
                String id = "F-" + tag + "-" + m + "-" + step;
                movement.add(new Notification(mrn, step, id, withIds(sample, id, mrn).getBytes(StandardCharsets.UTF_8)));
            }
            all.add(movement);
        }
        return all;
    }

    /**
     * A notification every gateway accepts but that is larger than {@code bytes}: the sample with its first goods
     * item repeated (renumbered, so it stays valid).
     */
    static Notification larger(String nationalMessageId, String mrn, int bytes) throws IOException {
        String xml = withIds(sample(), nationalMessageId, mrn);
        Matcher first = GOODS_ITEM.matcher(xml);
        if (!first.find()) {
            throw new IllegalStateException("the sample has no goods item");
        }
        int count = (int) Pattern.compile("<GoodsItem>").matcher(xml).results().count();
        int end = xml.lastIndexOf("</GoodsItem>") + "</GoodsItem>".length();
        StringBuilder grown = new StringBuilder(xml.substring(0, end));
        while (grown.length() + (xml.length() - end) <= bytes) {
            count++;
            grown.append(first.group(1).replaceFirst("<SequenceNumber>\\d+</SequenceNumber>",
                    "<SequenceNumber>" + count + "</SequenceNumber>"));
        }
        grown.append(xml.substring(end));
        return new Notification(mrn, 0, nationalMessageId, grown.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The {@code n}-th MRN of the run: the sample's year, country, office and procedure, a 7-digit serial, the
     * security letter of its indicator 3 (M), and the ISO 6346 check digit NCTS rule R0028 asks for.
     */
    static String mrn(int n) {
        String body = String.format("26RS0110T%07dM", n);
        return body + checkDigit(body);
    }

    private static String withIds(String sample, String nationalMessageId, String mrn) {
        return sample.replaceFirst("<MessageId>[^<]*</MessageId>", "<MessageId>" + nationalMessageId + "</MessageId>")
                .replaceFirst("<MRN>[^<]*</MRN>", "<MRN>" + mrn + "</MRN>");
    }

    private static String sample() throws IOException {
        return Files.readString(GatewayProcess.HOME.resolve("config/samples/valid/rs-to-mk-pre-arrival.xml"));
    }

    /** ISO 6346: letters A=10 upwards skipping multiples of 11, weights 2^i, sum mod 11, 10 written as 0. */
    private static int checkDigit(String body) {
        long sum = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            int value = Character.isDigit(c) ? c - '0' : 10 + (c - 'A');
            value += Character.isDigit(c) ? 0 : (value - 1) / 10;
            sum += (long) value << i;
        }
        return (int) (sum % 11 % 10);
    }
}
