package org.c2cgateway.validation;

/** How much a finding counts: an ERROR rejects the notification, a WARNING is only reported. */
public enum Severity {
    ERROR,
    WARNING
}
