package org.c2cgateway.app.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.c2cgateway.app.trace.MessageQuery;
import org.c2cgateway.trace.Direction;
import org.c2cgateway.trace.MessageStatus;

/**
 * The query string of {@code GET /api/v1/messages}, checked into a {@link MessageQuery}. A parameter that is
 * unknown, repeated or malformed is refused, naming the parameter and its rule: a typo ({@code mnr=...}) must not
 * quietly widen a search to every message.
 */
final class SearchParameters {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 200;
    /**
     * How deep paging goes: a page further than this is read past every message before it. A search that needs more
     * is narrowed by its filters or time range instead.
     */
    static final int MAX_DEPTH = 10_000;
    /** The shortest free text: a shorter prefix matches a large part of the store and no index narrows it. */
    static final int MIN_TEXT = 3;
    private static final int MAX_ID = 200;
    private static final Set<String> NAMES = Set.of("messageId", "mrn", "partner", "direction", "type", "status", "from",
            "to", "q", "sort", "page", "size");
    /** Identifiers are printable ASCII without spaces; this is also what makes a prefix an index range. */
    private static final Pattern IDENTIFIER = Pattern.compile("[\\x21-\\x7E]+");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern TYPE = Pattern.compile("[A-Za-z0-9]{1,40}");

    /** A parameter that breaks its rule. */
    static final class Refused extends Exception {

        private final String parameter;
        private final String rule;

        Refused(String parameter, String rule) {
            super(parameter + ": " + rule);
            this.parameter = parameter;
            this.rule = rule;
        }

        String parameter() {
            return parameter;
        }

        String rule() {
            return rule;
        }
    }

    private final Map<String, List<String>> values;

    private SearchParameters(Map<String, List<String>> values) {
        this.values = values;
    }

    static MessageQuery parse(Map<String, List<String>> parameters) throws Refused {
        for (Map.Entry<String, List<String>> p : parameters.entrySet()) {
            if (!NAMES.contains(p.getKey())) {
                throw new Refused(p.getKey(), "is not a search parameter; the parameters are " + NAMES.stream().sorted().toList());
            }
            if (p.getValue().size() > 1) {
                throw new Refused(p.getKey(), "may be given once");
            }
        }
        return new SearchParameters(parameters).query();
    }

    private MessageQuery query() throws Refused {
        int size = number("size", DEFAULT_SIZE, 1, MAX_SIZE);
        int page = number("page", 0, 0, Integer.MAX_VALUE);
        if ((long) page * size + size > MAX_DEPTH) {
            throw new Refused("page", "page × size may reach " + MAX_DEPTH + " messages deep at most; narrow the search "
                    + "with filters or a time range");
        }
        Instant from = instant("from");
        Instant to = instant("to");
        if (from != null && to != null && !from.isBefore(to)) {
            throw new Refused("to", "must be after from");
        }
        String text = identifier("q");
        if (text != null && text.length() < MIN_TEXT) {
            throw new Refused("q", "must have " + MIN_TEXT + " characters or more (an identifier or its beginning)");
        }
        return new MessageQuery(identifier("messageId"), upper(identifier("mrn")), country(), direction(), type(),
                statuses(), from, to, text, order(), page, size);
    }

    private String value(String name) throws Refused {
        List<String> given = values.get(name);
        String value = given == null || given.isEmpty() ? null : given.get(0).trim();
        if (value != null && value.isEmpty()) {
            throw new Refused(name, "may not be empty; leave it out to match any value");
        }
        return value;
    }

    private int number(String name, int otherwise, int min, int max) throws Refused {
        String value = value(name);
        String rule = max == Integer.MAX_VALUE ? "must be a whole number, " + min + " or more"
                : "must be a whole number from " + min + " to " + max;
        if (value == null) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw new Refused(name, rule);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new Refused(name, rule);
        }
    }

    private Instant instant(String name) throws Refused {
        String value = value(name);
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new Refused(name, "must be an ISO-8601 instant in UTC, such as 2026-11-27T09:30:00Z");
        }
    }

    private String identifier(String name) throws Refused {
        String value = value(name);
        if (value != null && (value.length() > MAX_ID || !IDENTIFIER.matcher(value).matches())) {
            throw new Refused(name, "must be up to " + MAX_ID + " printable ASCII characters without spaces");
        }
        return value;
    }

    private static String upper(String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }

    private String country() throws Refused {
        String value = upper(value("partner"));
        if (value != null && !COUNTRY.matcher(value).matches()) {
            throw new Refused("partner", "must be a partner's two-letter country code, such as MK");
        }
        return value;
    }

    private Direction direction() throws Refused {
        String value = value("direction");
        return value == null ? null : constant("direction", Direction.class, value);
    }

    private String type() throws Refused {
        String value = value("type");
        if (value != null && !TYPE.matcher(value).matches()) {
            throw new Refused("type", "must be a notification type, such as PreArrivalNotification");
        }
        return value;
    }

    private List<MessageStatus> statuses() throws Refused {
        String value = value("status");
        List<MessageStatus> statuses = new ArrayList<>();
        if (value != null) {
            for (String s : value.split(",", -1)) {
                statuses.add(constant("status", MessageStatus.class, s.trim()));
            }
        }
        return statuses;
    }

    private MessageQuery.Order order() throws Refused {
        String value = value("sort");
        if (value == null) {
            return MessageQuery.Order.CREATED_DESC;
        }
        String[] parts = value.split(",", -1);
        String field = parts[0].trim();
        String way = parts.length > 1 ? parts[1].trim().toLowerCase(Locale.ROOT) : "desc";
        boolean ascending = "asc".equals(way);
        if (parts.length > 2 || !ascending && !"desc".equals(way)) {
            throw new Refused("sort", "must be createdAt or updatedAt, optionally followed by ,asc or ,desc");
        }
        return switch (field) {
            case "createdAt" -> ascending ? MessageQuery.Order.CREATED_ASC : MessageQuery.Order.CREATED_DESC;
            case "updatedAt" -> ascending ? MessageQuery.Order.UPDATED_ASC : MessageQuery.Order.UPDATED_DESC;
            default -> throw new Refused("sort", "must be createdAt or updatedAt, optionally followed by ,asc or ,desc");
        };
    }

    private static <E extends Enum<E>> E constant(String name, Class<E> type, String value) throws Refused {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> allowed = java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
            throw new Refused(name, "must be one of " + allowed + (name.equals("status") ? ", or several separated by commas" : ""));
        }
    }
}
