package org.c2cgateway.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The office of departure is in the country that issued the MRN (characters 3-4): NCTS and AES
 * allocate the MRN at the office of departure or export, so a mismatch means one of the two is wrong.
 * Applies wherever an office of departure is given. Silent when the MRN's country is not a country at
 * all: {@link MrnCountryRule} reports that, and a second finding would only repeat it.
 */
final class DepartureCountryRule implements BusinessRule {

    static final RuleCode CODE = new RuleCode("C2C-OFFICE-DEPARTURE", Severity.ERROR,
            NctsErrorCategory.RULE_VIOLATION);

    @Override
    public List<ValidationFinding> check(NotificationDocument notification) {
        List<ValidationFinding> findings = new ArrayList<>();
        Optional<NotificationDocument.Field> departure = notification.header("OfficeOfDeparture");
        Optional<NotificationDocument.Field> mrn = notification.header("MRN").filter(m -> m.value().length() == 18);
        if (departure.isPresent() && mrn.isPresent() && departure.get().value().length() >= 2) {
            String mrnCountry = mrn.get().value().substring(2, 4);
            if (CountryCodes.isKnown(mrnCountry) && !departure.get().value().startsWith(mrnCountry)) {
                findings.add(CODE.at(departure.get(), "office of departure " + departure.get().value()
                        + " is not in " + mrnCountry + ", the country that issued MRN " + mrn.get().value()));
            }
        }
        return findings;
    }
}
