package org.c2cgateway.rules;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A sealing practice of the partner that is recognised (TIR: offices accept the seals affixed by other
 * contracting parties), told by the form of the seal's identifier.
 *
 * @param name      what the agreement calls it, e.g. {@code MK customs seal}
 * @param idPattern the whole seal identifier must match it
 */
public record SealPractice(String name, Pattern idPattern) {

    public SealPractice {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(idPattern, "idPattern");
    }

    public boolean matches(String sealId) {
        return idPattern.matcher(sealId).matches();
    }
}
