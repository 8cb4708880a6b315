package org.c2cgateway.rules;

import java.io.ByteArrayInputStream;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.c2cgateway.model.CanonicalSchema;
import org.c2cgateway.model.NotificationType;
import org.c2cgateway.xml.HardenedXml;

/**
 * What the agreements decide on, read from a schema-valid notification in one streaming pass: its type and
 * time, the countries and offices of its itinerary, its parties' AEO authorisations, its control result and
 * its seals. Nothing else of the document is kept.
 *
 * @param type              pre-arrival or exit
 * @param mrn               the movement
 * @param preparedAt        the notification's time ({@code PreparationDateTime}): the agreement version in
 *                          force on its day (in its own offset) applies, on both sides of the border, however
 *                          long the message then waits in queues or retries
 * @param officeOfExit      the office the goods leave the sending country through
 * @param officeOfEntry     the next office, in the next country
 * @param officesOfTransit  offices of transit, in itinerary order
 * @param countriesOfRouting the itinerary's countries, in order (pre-arrival only)
 * @param countryOfDestination the country of destination, when given
 * @param aeoParties        each AEO authorisation, with the party that holds it
 * @param controlResult     the control result code and the office that controlled, when given
 * @param sealIds           every seal identifier, in document order, new seals affixed at exit included
 * @param sealsState        the seal state found at exit (0 not OK, 1 OK), when reported
 */
public record NotificationFacts(
        NotificationType type,
        String mrn,
        OffsetDateTime preparedAt,
        String officeOfExit,
        String officeOfEntry,
        List<String> officesOfTransit,
        List<String> countriesOfRouting,
        Optional<String> countryOfDestination,
        List<AeoParty> aeoParties,
        Optional<ControlResult> controlResult,
        List<String> sealIds,
        Optional<Integer> sealsState) {

    /** One AEO authorisation of one party ({@code Consignor}, {@code Carrier}, {@code AdditionalSupplyChainActor[1]}…). */
    public record AeoParty(String party, String identification, String roleCode) {
    }

    /** An earlier office's control result. */
    public record ControlResult(String code, String controlledBy) {
    }

    public NotificationFacts {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(mrn, "mrn");
        Objects.requireNonNull(preparedAt, "preparedAt");
        officesOfTransit = List.copyOf(officesOfTransit);
        countriesOfRouting = List.copyOf(countriesOfRouting);
        aeoParties = List.copyOf(aeoParties);
        sealIds = List.copyOf(sealIds);
    }

    /** The country the notification is sent from: that of its office of exit. */
    public String sendingCountry() {
        return country(officeOfExit);
    }

    /**
     * The countries after the sending one, in itinerary order: the next country (office of entry), the
     * countries of the offices of transit, the countries of routing after the sending one, and the country
     * of destination.
     */
    public List<String> countriesAfterSender() {
        Set<String> countries = new LinkedHashSet<>();
        countries.add(country(officeOfEntry));
        officesOfTransit.forEach(office -> countries.add(country(office)));
        int sender = countriesOfRouting.indexOf(sendingCountry());
        countriesOfRouting.subList(sender + 1, countriesOfRouting.size()).forEach(countries::add);
        countryOfDestination.ifPresent(countries::add);
        countries.remove(sendingCountry());
        return List.copyOf(countries);
    }

    /** The offices this notification names in {@code country}: of entry, of transit (not of exit). */
    public Set<String> officesIn(String country) {
        Set<String> offices = new LinkedHashSet<>();
        if (country(officeOfEntry).equals(country)) {
            offices.add(officeOfEntry);
        }
        officesOfTransit.stream().filter(office -> country(office).equals(country)).forEach(offices::add);
        return offices;
    }

    private static String country(String office) {
        return office.substring(0, 2);
    }

    /**
     * Reads the facts of a schema-valid notification.
     *
     * @throws IllegalArgumentException if the document is not a well-formed notification with the fields the
     *                                  schema requires
     */
    public static NotificationFacts read(byte[] validatedXml) {
        return read(validatedXml, false);
    }

    /**
     * Reads only as far as the itinerary goes (type, day, offices, countries), stopping at the first element after
     * it: routing needs no more, and the parties, goods and seals that follow are most of a notification. The AEO
     * parties, control result and seals of what it returns are empty: for routing only, never for recognition.
     */
    public static NotificationFacts readItinerary(byte[] validatedXml) {
        return read(validatedXml, true);
    }

    private static NotificationFacts read(byte[] validatedXml, boolean itineraryOnly) {
        try {
            XMLStreamReader reader = HardenedXml.sharedStreamingInputs()
                    .createXMLStreamReader(new ByteArrayInputStream(validatedXml));
            try {
                return new FactCollector(itineraryOnly).collect(reader);
            } finally {
                reader.close();
            }
        } catch (XMLStreamException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read the notification's routing facts: " + e.getMessage(), e);
        }
    }

    /** One pass over the document, keeping a stack of element names to know where each value sits. */
    private static final class FactCollector {
        private NotificationType type;
        private String mrn;
        private OffsetDateTime preparedAt;
        private String officeOfExit;
        private String officeOfEntry;
        private final List<String> transit = new ArrayList<>();
        private final List<String> routing = new ArrayList<>();
        private String destination;
        private final List<AeoParty> aeo = new ArrayList<>();
        private String controlCode;
        private String controlledBy;
        private final List<String> seals = new ArrayList<>();
        private Integer sealsState;
        private final Deque<String> path = new ArrayDeque<>();
        private String party;
        private int actors;
        private String aeoId;
        private final boolean itineraryOnly;
        /** Set at the itinerary's last element: CountriesOfRouting (pre-arrival) or OfficeOfEntry (exit). */
        private boolean itineraryRead;

        FactCollector(boolean itineraryOnly) {
            this.itineraryOnly = itineraryOnly;
        }

        NotificationFacts collect(XMLStreamReader reader) throws XMLStreamException {
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.DTD) {
                    throw new IllegalArgumentException("a DOCTYPE is not allowed");
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (itineraryOnly && itineraryRead && path.size() == 1) {
                        break;
                    }
                    start(reader);
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    itineraryRead |= "CountriesOfRouting".equals(path.pop());
                }
            }
            return new NotificationFacts(type, mrn, preparedAt, officeOfExit, officeOfEntry, transit, routing,
                    Optional.ofNullable(destination), aeo,
                    controlCode == null ? Optional.empty() : Optional.of(new ControlResult(controlCode, controlledBy)),
                    seals, Optional.ofNullable(sealsState));
        }

        private void start(XMLStreamReader reader) throws XMLStreamException {
            String name = reader.getLocalName();
            if (path.isEmpty()) {
                if (!CanonicalSchema.NAMESPACE.equals(reader.getNamespaceURI())) {
                    throw new IllegalArgumentException("root element is not in " + CanonicalSchema.NAMESPACE);
                }
                type = NotificationType.fromRootElement(name)
                        .orElseThrow(() -> new IllegalArgumentException(name + " is not a notification"));
                path.push(name);
                return;
            }
            String parent = path.peek();
            int depth = path.size();
            if (depth == 2 && "Parties".equals(parent)) {
                party = name;
            } else if ("AdditionalSupplyChainActors".equals(parent)) {
                party = name + "[" + (++actors) + "]";
            }
            if (isLeaf(name, parent, depth)) {
                value(name, parent, depth, reader.getElementText().trim()); // consumes the end tag
                return;
            }
            path.push(name);
        }

        private static boolean isLeaf(String name, String parent, int depth) {
            return switch (name) {
                case "MRN", "PreparationDateTime", "OfficeOfExit", "OfficeOfEntry", "CountryOfDestination",
                     "SealsState" -> depth == 1;
                case "OfficeOfTransit", "CountryOfRouting", "SealId", "RoleCode" -> true;
                case "Identification" -> "AeoAuthorisation".equals(parent) || "AdditionalSupplyChainActor".equals(parent);
                case "Code", "ControlledBy" -> "ControlResult".equals(parent);
                default -> false;
            };
        }

        private void value(String name, String parent, int depth, String text) {
            switch (name) {
                case "MRN" -> mrn = text;
                case "PreparationDateTime" -> preparedAt = OffsetDateTime.parse(text);
                case "OfficeOfExit" -> officeOfExit = text;
                case "OfficeOfEntry" -> {
                    officeOfEntry = text;
                    itineraryRead |= type == NotificationType.EXIT;
                }
                case "CountryOfDestination" -> destination = text;
                case "SealsState" -> sealsState = Integer.valueOf(text);
                case "OfficeOfTransit" -> transit.add(text);
                case "CountryOfRouting" -> routing.add(text);
                case "SealId" -> seals.add(text); // on the equipment, and new seals affixed at exit
                case "Identification" -> aeoId = text;
                case "RoleCode" -> {
                    aeo.add(new AeoParty(party, aeoId, text));
                    aeoId = null;
                }
                case "Code" -> controlCode = text;
                case "ControlledBy" -> controlledBy = text;
                default -> throw new IllegalStateException(name + " at depth " + depth);
            }
        }
    }
}
