package org.c2cgateway.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class SoapSubmissionEnvelopeTest {

    static final String NOTIFICATION_NS = "urn:c2c-gateway:notification:v1";

    @Test
    void extracts_the_embedded_notification_declaring_the_namespaces_it_inherited() {
        String request = "<s:Envelope xmlns:s=\"" + SoapSubmissionEnvelope.SOAP11 + "\" xmlns:n=\"" + NOTIFICATION_NS + "\">"
                + "<s:Body><SubmitNotification xmlns=\"" + SubmissionOutcome.NAMESPACE + "\">"
                + "<n:ExitNotification><n:MessageId>A &amp; B</n:MessageId></n:ExitNotification>"
                + "</SubmitNotification></s:Body></s:Envelope>";

        String notification = new String(SoapSubmissionEnvelope.notification(request.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);

        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?><n:ExitNotification xmlns:n=\"" + NOTIFICATION_NS
                + "\"><n:MessageId>A &amp; B</n:MessageId></n:ExitNotification>", notification);
    }

    @Test
    void refuses_a_doctype_with_the_validators_rule() {
        String request = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>";

        NotificationRejectedException e = assertThrows(NotificationRejectedException.class,
                () -> SoapSubmissionEnvelope.notification(request.getBytes(StandardCharsets.UTF_8)));

        assertEquals("XML:dtd-forbidden", e.findings().get(0).rule());
    }

    @Test
    void names_a_missing_operation() {
        String request = "<s:Envelope xmlns:s=\"" + SoapSubmissionEnvelope.SOAP11 + "\"><s:Body><Other/></s:Body></s:Envelope>";

        NotificationRejectedException e = assertThrows(NotificationRejectedException.class,
                () -> SoapSubmissionEnvelope.notification(request.getBytes(StandardCharsets.UTF_8)));

        assertEquals("SOAP:unknown-operation", e.findings().get(0).rule());
    }

    @Test
    void fault_detail_escapes_finding_text() {
        String fault = new String(SoapSubmissionEnvelope.rejectionFault(java.util.List.of(new org.c2cgateway.validation
                .ValidationFinding("/a", "R1", "a <b> & \u0001", org.c2cgateway.validation.Severity.ERROR))), StandardCharsets.UTF_8);

        assertTrue(fault.contains("<Message>a &lt;b&gt; &amp; \uFFFD</Message>"), fault);
    }

    @Test
    void tells_xml_from_content_that_cannot_be_xml() {
        assertNull(QueueSubmission.whyNotXml(" \n<a/>".getBytes(StandardCharsets.UTF_8)));
        assertNull(QueueSubmission.whyNotXml(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '<'}));
        assertNull(QueueSubmission.whyNotXml("<not well formed".getBytes(StandardCharsets.UTF_8)));
        assertTrue(QueueSubmission.whyNotXml(new byte[0]).contains("empty"));
        assertTrue(QueueSubmission.whyNotXml("  \n".getBytes(StandardCharsets.UTF_8)).contains("white space"));
        assertTrue(QueueSubmission.whyNotXml("{\"json\":1}".getBytes(StandardCharsets.UTF_8)).contains("not XML"));
    }
}
