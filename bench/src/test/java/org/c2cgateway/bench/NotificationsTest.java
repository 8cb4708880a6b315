package org.c2cgateway.bench;

import java.util.regex.Pattern;

import org.c2cgateway.validation.NotificationValidator;
import org.c2cgateway.validation.ValidationReport;
import org.junit.jupiter.api.Test;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NotificationsTest {

    private final NotificationValidator validator = new NotificationValidator(20 * 1024 * 1024);

    @Test
    void a_notification_of_ten_megabytes_stays_within_the_schemas_goods_items_and_is_valid() throws Exception {
        byte[] notification = Notifications.ofSize("rs-to-mk-pre-arrival.xml", 10_000_000);
        String xml = new String(notification, UTF_8);

        assertTrue(notification.length >= 10_000_000 && notification.length < 10_500_000, "size " + notification.length);
        assertTrue(Pattern.compile("<GoodsItem>").matcher(xml).results().count() <= 1999);
        ValidationReport report = validator.validate(notification);
        assertTrue(report.accepted(), () -> first(String.valueOf(report.errors())));
    }

    @Test
    void a_small_one_repeats_the_goods_item_as_it_is() throws Exception {
        String xml = new String(Notifications.ofSize("rs-to-mk-pre-arrival.xml", 100_000),
                UTF_8);

        assertTrue(validator.validate(xml.getBytes(UTF_8)).accepted());
        long items = Pattern.compile("<GoodsItem>").matcher(xml).results().count();
        long documents = Pattern.compile("<SupportingDocument>").matcher(xml).results().count();
        assertTrue(documents <= items + 2, items + " goods items, " + documents + " supporting documents");
    }

    private static String first(String errors) {
        return errors.substring(0, Math.min(2000, errors.length()));
    }
}
