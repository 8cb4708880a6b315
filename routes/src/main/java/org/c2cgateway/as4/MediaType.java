package org.c2cgateway.as4;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A parsed MIME Content-Type: lower-cased {@code type/subtype} and parameters (names
 * lower-cased, quoted values unquoted). Lenient about spacing and quoting, as peers vary.
 */
record MediaType(String type, Map<String, String> parameters) {

    static MediaType parse(String header) {
        if (header == null || header.isBlank()) {
            throw new IllegalArgumentException("missing Content-Type");
        }
        int semi = header.indexOf(';');
        String type = (semi < 0 ? header : header.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        Map<String, String> params = new LinkedHashMap<>();
        int i = semi < 0 ? header.length() : semi + 1;
        while (i < header.length()) {
            int eq = header.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String name = header.substring(i, eq).trim().toLowerCase(Locale.ROOT);
            StringBuilder value = new StringBuilder();
            int j = eq + 1;
            while (j < header.length() && header.charAt(j) == ' ') {
                j++;
            }
            if (j < header.length() && header.charAt(j) == '"') {
                j++;
                while (j < header.length() && header.charAt(j) != '"') {
                    char c = header.charAt(j++);
                    value.append(c == '\\' && j < header.length() ? header.charAt(j++) : c);
                }
                j = header.indexOf(';', j);
            } else {
                int end = header.indexOf(';', j);
                value.append(header, j, end < 0 ? header.length() : end);
                j = end;
            }
            params.put(name, value.toString().trim());
            i = j < 0 ? header.length() : j + 1;
        }
        return new MediaType(type, params);
    }

    String parameter(String name) {
        return parameters.get(name);
    }
}
