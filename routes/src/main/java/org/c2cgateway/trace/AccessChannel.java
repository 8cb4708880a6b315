package org.c2cgateway.trace;

/** Which of the gateway's own doors an access refusal was made at. */
public enum AccessChannel {
    /** The national and operator REST APIs. */
    REST,
    /** The national SOAP submission service. */
    SOAP,
    /** The national queue's broker account, on the national acceptor. */
    QUEUE
}
