package org.c2cgateway.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.c2cgateway.model.Samples;
import org.c2cgateway.validation.NotificationValidator;
import org.c2cgateway.validation.ValidationFinding;
import org.c2cgateway.validation.ValidationReport;
import org.junit.jupiter.api.Test;

class RecognitionElementTest {

    private static final NotificationValidator VALIDATOR = new NotificationValidator(10 * 1024 * 1024);

    private static final RecognitionMarks EVERYTHING = new RecognitionMarks("RS-MK-SEED", 2,
            List.of(new RecognitionMarks.RecognisedAeo("Consignor", "RS100123456", "MF", "AEOF",
                            EnumSet.of(AeoBenefit.PRIORITY_LANE, AeoBenefit.REDUCED_CONTROLS), Sharings.clause("aeo")),
                    new RecognitionMarks.RecognisedAeo("AdditionalSupplyChainActor[1]", "RS103777888", "FW", "AEOS",
                            Set.of(AeoBenefit.REDUCED_CONTROLS), Sharings.clause("aeo"))),
            Optional.of(new RecognitionMarks.RecognisedControl("A2", "MK001001", Sharings.clause("control-results"))),
            Optional.of(new RecognitionMarks.RecognisedSeals(List.of("RS customs seal"), Sharings.clause("seals"))));

    private static final RecognitionMarks AGREEMENT_ONLY = new RecognitionMarks("RS-MK-SEED", 2, List.of(),
            Optional.empty(), Optional.empty());

    @Test
    void appended_element_is_the_last_child_and_valid_against_the_schema_for_every_sample() {
        for (String sample : Samples.validNames()) {
            for (RecognitionMarks marks : List.of(EVERYTHING, AGREEMENT_ONLY)) {
                String xml = new String(RecognitionElement.append(Samples.valid(sample), marks), StandardCharsets.UTF_8);

                ValidationReport report = VALIDATOR.validate(xml.getBytes(StandardCharsets.UTF_8));
                List<String> rules = report.findings().stream().map(ValidationFinding::rule).distinct().toList();
                // schema-valid: the only finding left is the rule that senders may not send it
                assertEquals(List.of("C2C-RECOGNITION"), rules, sample + ": " + report.findings() + "\n" + xml);
                assertTrue(xml.matches("(?s).*</Recognition>\\s*</(PreArrivalNotification|ExitNotification)>\\s*"), xml);
            }
        }
    }

    @Test
    void writes_the_marks_in_schema_order_with_benefits_in_a_stable_order_and_clause_labels() {
        String xml = new String(RecognitionElement.append(Samples.valid("rs-to-mk-pre-arrival.xml"), EVERYTHING),
                StandardCharsets.UTF_8);

        assertTrue(xml.contains("<Recognition><Agreement>RS-MK-SEED</Agreement><AgreementVersion>2</AgreementVersion>"
                + "<RecognisedAeo><Party>Consignor</Party><Identification>RS100123456</Identification>"
                + "<RoleCode>MF</RoleCode><Programme>AEOF</Programme><Benefit>REDUCED_CONTROLS</Benefit>"
                + "<Benefit>PRIORITY_LANE</Benefit><Clause>RS-MK-SEED v1 aeo</Clause></RecognisedAeo>"), xml);
        assertTrue(xml.contains("<ControlRecognised><Code>A2</Code><ControlledBy>MK001001</ControlledBy>"
                + "<Clause>RS-MK-SEED v1 control-results</Clause></ControlRecognised>"
                + "<SealsRecognised><Practice>RS customs seal</Practice><Clause>RS-MK-SEED v1 seals</Clause>"
                + "</SealsRecognised></Recognition>"), xml);
    }

    @Test
    void keeps_the_senders_content_and_comments_and_writes_in_the_roots_prefix() {
        String prefixed = Samples.validText("mk-to-rs-exit.xml")
                .replace("<ExitNotification xmlns=\"urn:c2c-gateway:notification:v1\">",
                        "<n:ExitNotification xmlns:n=\"urn:c2c-gateway:notification:v1\"><!-- kept -->")
                .replaceAll("<(/?)([A-Z])", "<$1n:$2");

        String xml = new String(RecognitionElement.append(prefixed.getBytes(StandardCharsets.UTF_8), AGREEMENT_ONLY),
                StandardCharsets.UTF_8);

        assertTrue(xml.contains("<!-- kept -->") && xml.contains("<n:SealId>MK-C 0004411</n:SealId>"), xml);
        assertTrue(xml.contains("<n:Recognition><n:Agreement>RS-MK-SEED</n:Agreement>"), xml);
        ValidationReport report = VALIDATOR.validate(xml.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("C2C-RECOGNITION"), report.findings().stream().map(ValidationFinding::rule).toList());
    }

    @Test
    void takes_the_indentation_of_the_last_child_and_leaves_the_rest_of_the_layout_alone() {
        String sample = Samples.validText("mk-to-rs-exit.xml");

        String xml = new String(RecognitionElement.append(Samples.valid("mk-to-rs-exit.xml"), AGREEMENT_ONLY),
                StandardCharsets.UTF_8);

        String recognition = "<Recognition><Agreement>RS-MK-SEED</Agreement><AgreementVersion>2</AgreementVersion>"
                + "</Recognition>";
        assertEquals(sample.replace("    </Discrepancies>\n", "    </Discrepancies>\n    " + recognition + "\n")
                .replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", ""),
                xml.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", ""));
    }

    @Test
    void refuses_a_notification_that_already_carries_one() {
        byte[] once = RecognitionElement.append(Samples.valid("mk-to-rs-exit.xml"), AGREEMENT_ONLY);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RecognitionElement.append(once, AGREEMENT_ONLY));

        assertTrue(e.getMessage().contains("C2C-RECOGNITION"), e.getMessage());
    }

    @Test
    void refuses_a_recognised_aeo_without_benefits_naming_party_and_clause() {
        RecognitionMarks noBenefit = new RecognitionMarks("RS-MK-SEED", 2,
                List.of(new RecognitionMarks.RecognisedAeo("Consignor", "RS100123456", "MF", "AEOF", Set.of(),
                        Sharings.clause("aeo"))), Optional.empty(), Optional.empty());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RecognitionElement.append(Samples.valid("rs-to-mk-pre-arrival.xml"), noBenefit));

        assertTrue(e.getMessage().contains("Consignor") && e.getMessage().contains("RS-MK-SEED v1 aeo"), e.getMessage());
    }
}
