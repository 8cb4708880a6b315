package org.c2cgateway.pki;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parsed arguments of one {@link DevPkiCommand} command: {@code --name value},
 * {@code --name=value} and flags, each checked against what that command accepts, so a typo
 * is an error that names the option instead of being silently ignored.
 */
final class CommandLine {

    private final Map<String, String> values;
    private final Set<String> flags;

    private CommandLine(Map<String, String> values, Set<String> flags) {
        this.values = values;
        this.flags = flags;
    }

    /**
     * Parses the options that follow the command name.
     *
     * @param args the options
     * @param valued names of options that take a value, e.g. {@code --country}
     * @param allowedFlags names of options without a value, e.g. {@code --reuse-root}
     * @throws IllegalArgumentException for an unknown, repeated or valueless option
     */
    static CommandLine parse(List<String> args, Set<String> valued, Set<String> allowedFlags) {
        Map<String, String> values = new HashMap<>();
        Set<String> flags = new HashSet<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            int equals = arg.indexOf('=');
            String name = arg.startsWith("--") && equals > 0 ? arg.substring(0, equals) : arg;
            if (allowedFlags.contains(name) && equals < 0) {
                flags.add(name);
            } else if (valued.contains(name)) {
                String value;
                if (equals > 0) {
                    value = arg.substring(equals + 1);
                } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                    value = args.get(++i);
                } else {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                if (values.put(name, value) != null) {
                    throw new IllegalArgumentException(name + " is given more than once");
                }
            } else {
                throw new IllegalArgumentException("Unknown argument '" + arg + "'");
            }
        }
        return new CommandLine(values, flags);
    }

    Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    String required(String name) {
        return value(name).orElseThrow(() -> new IllegalArgumentException(name + " is required"));
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    /**
     * A positive whole number of days.
     *
     * @throws IllegalArgumentException naming the option if the value is not one
     */
    Optional<Integer> days(String name) {
        return value(name).map(text -> {
            try {
                int days = Integer.parseInt(text);
                if (days > 0) {
                    return days;
                }
            } catch (NumberFormatException e) {
                // reported below with the option's name
            }
            throw new IllegalArgumentException(name + " must be a positive number of days, was '" + text + "'");
        });
    }
}
