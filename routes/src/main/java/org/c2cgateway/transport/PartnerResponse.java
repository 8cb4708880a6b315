package org.c2cgateway.transport;

/** What a partner gateway answered on the HTTP exchange that carried a message. */
public record PartnerResponse(int status, String contentType, byte[] body) {
}
