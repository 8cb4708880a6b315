package org.c2cgateway.as4;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ErrorSignalBuilderTest {

    @Test
    void errorSignalCarriesCodeSeverityCategoryAndRefToMessageId() throws Exception {
        byte[] xml = new ErrorSignalBuilder().build(
                new As4Exception(EbmsError.POLICY_NONCOMPLIANCE, "the message is not signed", "m-1@peer"));

        Document doc = XmlParsers.parse(xml);
        EbmsHeaderReader.Signal signal = EbmsHeaderReader.signal(
                EbmsHeaderReader.messaging(SoapEnvelopes.requireSoap12Header(doc)));

        assertEquals("m-1@peer", signal.refToMessageId());
        assertNull(signal.receipt());
        EbmsHeaderReader.ErrorInfo e = signal.errors().get(0);
        assertEquals(List.of("EBMS:0103", "PolicyNoncompliance", "failure", "the message is not signed", "m-1@peer"),
                List.of(e.errorCode(), e.shortDescription(), e.severity(), e.detail(), e.refToMessageInError()));
        Element error = (Element) doc.getElementsByTagNameNS(EbmsNames.EB_NS, "Error").item(0);
        assertEquals("Processing", error.getAttributeNS(null, "category"));
        assertEquals(0, doc.getElementsByTagNameNS(EbmsNames.DS_NS, "Signature").getLength());
    }

    @Test
    void errorForUnreadableMessageHasNoRefToMessageId() throws Exception {
        byte[] xml = new ErrorSignalBuilder().build(new As4Exception(EbmsError.INVALID_HEADER, "not XML", null));

        EbmsHeaderReader.Signal signal = EbmsHeaderReader.signal(
                EbmsHeaderReader.messaging(SoapEnvelopes.requireSoap12Header(XmlParsers.parse(xml))));

        assertNull(signal.refToMessageId());
        assertEquals("EBMS:0009", signal.errors().get(0).errorCode());
    }

    @Test
    void ebmsErrorsHaveTheStandardCodesAndCategories() {
        assertEquals("EBMS:0004", EbmsError.OTHER.code());
        assertEquals("EBMS:0101", EbmsError.FAILED_AUTHENTICATION.code());
        assertEquals("EBMS:0102", EbmsError.FAILED_DECRYPTION.code());
        assertEquals("EBMS:0103", EbmsError.POLICY_NONCOMPLIANCE.code());
        assertEquals("EBMS:0303", EbmsError.DECOMPRESSION_FAILURE.code());
        assertEquals("UnPackaging", EbmsError.INVALID_HEADER.category());
        assertEquals("warning", EbmsError.FEATURE_NOT_SUPPORTED.severity());
        assertEquals(EbmsError.DECOMPRESSION_FAILURE, EbmsError.fromCode("EBMS:0303"));
        assertEquals(EbmsError.OTHER, EbmsError.fromCode("EBMS:9999"));
    }
}
