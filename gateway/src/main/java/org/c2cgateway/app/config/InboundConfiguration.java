package org.c2cgateway.app.config;

import java.time.Duration;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.c2cgateway.as4.As4Limits;
import org.c2cgateway.xml.HardenedXml;
import org.c2cgateway.xml.XmlLimits;

/**
 * Messages received from partners, and what a partner's request may cost before it is refused. The limits
 * bound what anyone who completes the TLS handshake can make the gateway spend, before its signature is
 * checked; each refusal names the limit it passed and its value.
 *
 * @param duplicateWindow      how long after its first acceptance a repeated AS4 message id is answered with
 *                             the receipt it first got (and not delivered again); past it, a repeat is refused
 * @param maxRequestBytes      the largest AS4 request; one declaring more is refused unread, one that does not
 *                             declare its length is read only up to this
 * @param maxAttachmentBytes   the largest attachment, compressed and encrypted as it travels
 * @param maxDecompressedBytes the largest payload after decompression: decompression stops here (gzip bombs)
 * @param maxXmlDepth          the deepest element nesting in a SOAP envelope
 * @param maxXmlElements       the most elements in a SOAP envelope
 * @param maxXmlAttributes     the most attributes (namespace declarations included) on one element of it
 * @param refusalsPerSecond    how many refused attempts per second this node keeps and logs; past that they
 *                             are only counted, and the next one kept says how many were left out
 * @param refusalRetention     how long refused attempts are kept
 */
@ConfigurationProperties("c2c.inbound")
public record InboundConfiguration(
        @Bindable(defaultValue = "30d") @NotNull Duration duplicateWindow,
        @Bindable(defaultValue = "33554432") @Min(1024) @Max(MAX_BYTES) long maxRequestBytes,
        @Bindable(defaultValue = "16777216") @Min(1024) @Max(MAX_BYTES) long maxAttachmentBytes,
        @Bindable(defaultValue = "16777216") @Min(1024) @Max(MAX_BYTES) long maxDecompressedBytes,
        @Bindable(defaultValue = "64") @Min(16) @Max(HardenedXml.MAX_ELEMENT_DEPTH) int maxXmlDepth,
        @Bindable(defaultValue = "5000") @Min(500) int maxXmlElements,
        @Bindable(defaultValue = "64") @Min(16) int maxXmlAttributes,
        @Bindable(defaultValue = "20") @Min(1) int refusalsPerSecond,
        @Bindable(defaultValue = "90d") @NotNull Duration refusalRetention) {

    /** Each limit is held in one byte array. */
    private static final long MAX_BYTES = Integer.MAX_VALUE - 8;

    public As4Limits limits() {
        return new As4Limits(maxRequestBytes, maxAttachmentBytes, maxDecompressedBytes,
                new XmlLimits(maxXmlDepth, maxXmlElements, maxXmlAttributes));
    }
}
