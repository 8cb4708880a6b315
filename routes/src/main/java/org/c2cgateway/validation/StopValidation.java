package org.c2cgateway.validation;

import org.xml.sax.SAXException;

/**
 * Thrown through the parser to end a validation early once the reason has been recorded as a
 * finding (unknown root, too deep, too many findings). Never escapes the validator.
 */
final class StopValidation extends SAXException {

    private static final long serialVersionUID = 1L;

    StopValidation(String reason) {
        super(reason);
    }
}
