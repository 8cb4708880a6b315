package org.c2cgateway.validation;

import java.util.List;

/**
 * The business rules every notification must meet, whoever the partner is (REFERENCE.md, "Validation
 * rules"). Partner-specific checks are deliberately absent: trader identifiers (EORI/TIN) are not
 * checked here, because only EU states can check an EORI and a non-EU TIN is trusted as sent (R0840,
 * R0850, G0201, REFERENCE.md rule 5); that belongs in a partner's rule set.
 */
final class BusinessRules {

    private BusinessRules() {
    }

    /** The rules in the order their findings are first reported (findings are then sorted by document order). */
    static List<BusinessRule> standard(SchemaVocabulary vocabulary) {
        return List.of(
                new MrnCountryRule(),
                new MrnCheckDigitRule(),
                new MrnSecurityLetterRule(),
                new OfficeReferenceRule(vocabulary.elementsOfType(SchemaVocabulary.OFFICE_TYPE)),
                new DepartureCountryRule(),
                new EntryExitCountryRule(),
                new TransitCountryRule(),
                new OfficesOfTransitUniqueRule(),
                new RoutingCountriesRule(),
                new CountryCodeRule(vocabulary.elementsOfType(SchemaVocabulary.COUNTRY_TYPE)),
                new UnLocodeRule(vocabulary.elementsOfType(SchemaVocabulary.UNLOCODE_TYPE)),
                new EstimatedArrivalRule(),
                new ActualExitRule(),
                new ContainerIndicatorRule(),
                new ContainerIdRule(),
                new SealsRule(),
                new GoodsItemNumberingRule(),
                new CommodityCodeRule(),
                new RecognitionRule());
    }
}
