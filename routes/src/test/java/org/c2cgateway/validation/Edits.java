package org.c2cgateway.validation;

import java.nio.charset.StandardCharsets;

import org.c2cgateway.model.Samples;

/** Valid samples with one thing changed, so each test states only what it breaks. */
final class Edits {

    private Edits() {
    }

    /** The valid sample {@code name} with the first {@code from} replaced by {@code to}; fails if absent. */
    static byte[] sampleWith(String name, String from, String to) {
        String text = Samples.validText(name);
        if (!text.contains(from)) {
            throw new AssertionError(name + " does not contain " + from);
        }
        return text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** An MRN with the given first 17 characters and their correct ISO 6346 check digit. */
    static String mrn(String first17) {
        return first17 + Iso6346.checkDigit(first17);
    }
}
