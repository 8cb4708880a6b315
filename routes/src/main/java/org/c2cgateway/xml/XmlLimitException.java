package org.c2cgateway.xml;

/** An untrusted XML document passed one of its {@link XmlLimits}; the message names the limit and its value. */
public final class XmlLimitException extends Exception {

    private static final long serialVersionUID = 1L;

    public XmlLimitException(String message) {
        super(message);
    }
}
