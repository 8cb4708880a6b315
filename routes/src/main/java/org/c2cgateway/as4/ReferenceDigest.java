package org.c2cgateway.as4;

/**
 * One ds:Reference of a signature: what was signed ({@code #wsuId} or {@code cid:contentId}) and
 * its digest. A sender keeps these to check the receiver's non-repudiation receipt, which must
 * repeat them.
 *
 * @param digestAlgorithm the DigestMethod URI
 * @param digestValue     base64, as written in ds:DigestValue (whitespace removed)
 */
public record ReferenceDigest(String uri, String digestAlgorithm, String digestValue) {
}
