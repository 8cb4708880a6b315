package org.c2cgateway.trace;

/** Which way a message crosses this gateway: from our national system to a partner, or back. */
public enum Direction {
    OUTBOUND,
    INBOUND
}
