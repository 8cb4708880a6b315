package org.c2cgateway.as4;

import java.util.List;

/**
 * A signed and encrypted AS4 user message ready to POST.
 *
 * @param body          the HTTP request body (MIME multipart/related)
 * @param contentType   the HTTP Content-Type header value, including the boundary
 * @param signedDigests the references of our signature, to check the receipt against
 */
public record OutboundAs4Message(byte[] body, String contentType, List<ReferenceDigest> signedDigests) {
}
