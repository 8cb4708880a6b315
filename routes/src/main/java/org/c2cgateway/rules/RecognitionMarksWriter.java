package org.c2cgateway.rules;

import java.util.EnumSet;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes {@link RecognitionMarks} as the schema's {@code Recognition} element, in schema order, each element in
 * the prefix the notification's root uses for the canonical namespace. Kept apart from
 * {@link RecognitionElement}'s copying: this follows the schema's content model, that the document's layout.
 */
record RecognitionMarksWriter(XMLStreamWriter writer, String prefix) {

    private static final String NAMESPACE = RecognitionElement.NAMESPACE;

    void write(RecognitionMarks marks) throws XMLStreamException {
        start(ElementCatalogue.RECOGNITION);
        leaf("Agreement", marks.agreementId());
        leaf("AgreementVersion", Integer.toString(marks.agreementVersion()));
        for (RecognitionMarks.RecognisedAeo aeo : marks.aeo()) {
            if (aeo.benefits().isEmpty()) {
                throw new IllegalArgumentException("recognised AEO " + aeo.identification() + " of " + aeo.party()
                        + " has no benefit; " + aeo.clause().label() + " must list at least one");
            }
            start("RecognisedAeo");
            leaf("Party", aeo.party());
            leaf("Identification", aeo.identification());
            leaf("RoleCode", aeo.roleCode());
            leaf("Programme", aeo.programme());
            for (AeoBenefit benefit : EnumSet.copyOf(aeo.benefits())) { // enum order: stable output
                leaf("Benefit", benefit.name());
            }
            leaf("Clause", aeo.clause().label());
            writer.writeEndElement();
        }
        if (marks.control().isPresent()) {
            RecognitionMarks.RecognisedControl control = marks.control().get();
            start("ControlRecognised");
            leaf("Code", control.code());
            leaf("ControlledBy", control.controlledBy());
            leaf("Clause", control.clause().label());
            writer.writeEndElement();
        }
        if (marks.seals().isPresent()) {
            RecognitionMarks.RecognisedSeals seals = marks.seals().get();
            if (seals.practices().isEmpty()) {
                throw new IllegalArgumentException("recognised seals name no practice; " + seals.clause().label()
                        + " must list at least one");
            }
            start("SealsRecognised");
            for (String practice : seals.practices()) {
                leaf("Practice", practice);
            }
            leaf("Clause", seals.clause().label());
            writer.writeEndElement();
        }
        writer.writeEndElement();
    }

    private void start(String name) throws XMLStreamException {
        writer.writeStartElement(prefix, name, NAMESPACE);
    }

    private void leaf(String name, String value) throws XMLStreamException {
        start(name);
        writer.writeCharacters(value);
        writer.writeEndElement();
    }
}
