package org.c2cgateway.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A trader identifier with an EU member state's prefix is an EORI number: the country code and up to 15
 * letters or digits (R0840, R0850). Only EU states can check an EORI against the register, and a non-EU
 * partner's data may not be rejected for it (G0201), so this rule is partner-specific: an agreement's EU
 * validation profile applies it ({@link PartnerSpecificRules#EORI}). The schema alone allows any printable
 * characters after the prefix, because a non-EU TIN is trusted as sent.
 */
final class EoriRule implements BusinessRule {

    static final RuleCode CODE = new RuleCode(PartnerSpecificRules.EORI, Severity.ERROR, NctsErrorCategory.RULE_VIOLATION);

    /** The EU's 27 member states, plus XI (Northern Ireland), whose traders hold EU EORI numbers. */
    static final Set<String> EORI_PREFIXES = Set.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI",
            "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "XI");

    private static final Pattern EORI = Pattern.compile("[A-Z]{2}[0-9A-Z]{1,15}");

    @Override
    public List<ValidationFinding> check(NotificationDocument notification) {
        List<ValidationFinding> findings = new ArrayList<>();
        for (NotificationDocument.Field id : notification.all("Identification")) {
            String value = id.value();
            if (isTrader(id) && value.length() >= 2 && EORI_PREFIXES.contains(value.substring(0, 2))
                    && !EORI.matcher(value).matches()) {
                findings.add(CODE.at(id, "'" + value + "' has an EU prefix but is not an EORI number (country code and "
                        + "1 to 15 letters or digits)"));
            }
        }
        return findings;
    }

    /** Identification also names the means of transport; only parties' identifiers are trader identifiers. */
    private static boolean isTrader(NotificationDocument.Field id) {
        return !id.path().contains("/BorderTransportMeans/");
    }
}
