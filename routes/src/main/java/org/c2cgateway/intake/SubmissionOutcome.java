package org.c2cgateway.intake;

import java.util.List;

import org.apache.camel.Message;
import org.c2cgateway.queue.QueueHeaders;
import org.c2cgateway.validation.ValidationFinding;

/**
 * The answer the SOAP and queue channels give, in the XML vocabulary of the submission WSDL
 * ({@code wsdl/c2c-national-submission-v1.wsdl}), so a national system parses one format whatever the
 * channel: {@code SubmitNotificationResponse} when the notification is (or already was) accepted,
 * {@code SubmissionRejected} with every finding when it is not.
 */
public final class SubmissionOutcome {

    public static final String NAMESPACE = "urn:c2c-gateway:national-submission:v1";

    private SubmissionOutcome() {
    }

    /** The acknowledgement, read from the intake route's answer headers. */
    public static String accepted(Message answer) {
        return "<SubmitNotificationResponse xmlns=\"" + NAMESPACE + "\">"
                + element("GatewayMessageId", answer.getHeader(QueueHeaders.MESSAGE_ID, String.class))
                + element("NationalMessageId", answer.getHeader(QueueHeaders.NATIONAL_MESSAGE_ID, String.class))
                + element("MRN", answer.getHeader(QueueHeaders.MRN, String.class))
                + element("Partner", answer.getHeader(QueueHeaders.PARTNER, String.class))
                + element("Status", answer.getHeader(IntakeHeaders.STATUS, String.class))
                + element("Duplicate", String.valueOf(Boolean.TRUE.equals(answer.getHeader(IntakeHeaders.DUPLICATE, Boolean.class))))
                + deliveries(answer)
                + "</SubmitNotificationResponse>";
    }

    private static String deliveries(Message answer) {
        List<?> deliveries = answer.getHeader(IntakeHeaders.DELIVERIES, List.class);
        StringBuilder xml = new StringBuilder();
        for (Object each : deliveries == null ? List.of() : deliveries) {
            SubmissionDelivery delivery = (SubmissionDelivery) each;
            xml.append("<Delivery>").append(element("Partner", delivery.partner()))
                    .append(element("GatewayMessageId", delivery.messageId()))
                    .append(element("Status", delivery.status()))
                    .append(element("Duplicate", String.valueOf(delivery.duplicate())))
                    .append(delivery.agreement() == null ? "" : element("Agreement", delivery.agreement()))
                    .append("</Delivery>");
        }
        return xml.toString();
    }

    /** The rejection: every finding, as the REST API lists them (path, rule, message, severity). */
    public static String rejected(List<ValidationFinding> findings) {
        StringBuilder xml = new StringBuilder("<SubmissionRejected xmlns=\"" + NAMESPACE + "\">")
                .append(element("Error", "the notification was rejected; nothing was queued"));
        for (ValidationFinding finding : findings) {
            xml.append("<Finding>")
                    .append(element("Path", finding.path()))
                    .append(element("Rule", finding.rule()))
                    .append(element("Message", finding.message()))
                    .append(element("Severity", finding.severity().name()))
                    .append(element("NctsCategory", String.valueOf(finding.category().code())))
                    .append("</Finding>");
        }
        return xml.append("</SubmissionRejected>").toString();
    }

    private static String element(String name, String text) {
        return "<" + name + ">" + escape(text == null ? "" : text) + "</" + name + ">";
    }

    /** Escapes markup, and replaces characters XML 1.0 cannot carry at all (a finding may quote them). */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> {
                    boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                            || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000;
                    out.appendCodePoint(allowed ? c : 0xFFFD);
                }
            }
        });
        return out.toString();
    }
}
