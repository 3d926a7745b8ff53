package io.tideline.support.command;

import io.tideline.support.text.Excerpt;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The arguments of one command run: which flags were given and the value of each option (the last
 * one wins when an option repeats). Made by a {@link Parser}, which refuses, in argument order, an
 * unknown argument, an option without its value and a date that is not {@code YYYY-MM-DD}, with
 * an {@link IllegalArgumentException} whose message the command prints before its usage.
 * Immutable.
 */
public final class CommandArgs {

    private final Set<String> flags;
    private final Map<String, LocalDate> dates;
    private final Map<String, String> values;

    private CommandArgs(Set<String> flags, Map<String, LocalDate> dates, Map<String, String> values) {
        this.flags = Set.copyOf(flags);
        this.dates = Map.copyOf(dates);
        this.values = Map.copyOf(values);
    }

    /** A parser that knows no argument yet. */
    public static Parser parser() {
        return new Parser(Set.of(), Set.of(), Map.of());
    }

    /** Whether the flag was given. */
    public boolean flag(String name) {
        return flags.contains(name);
    }

    /** The date given to a date option, or null. */
    public LocalDate date(String name) {
        return dates.get(name);
    }

    /** The value given to an option, or null. */
    public String value(String name) {
        return values.get(name);
    }

    /** The arguments a command accepts. Immutable; each method returns a new parser. */
    public static final class Parser {

        private final Set<String> flags;
        private final Set<String> dates;
        private final Map<String, String> valued;

        private Parser(Set<String> flags, Set<String> dates, Map<String, String> valued) {
            this.flags = flags;
            this.dates = dates;
            this.valued = valued;
        }

        /** Also accepts these flags (arguments without a value), e.g. {@code --json}. */
        public Parser flags(String... names) {
            Set<String> s = new HashSet<>(flags);
            s.addAll(List.of(names));
            return new Parser(Set.copyOf(s), dates, valued);
        }

        /** Also accepts these options, each followed by a date {@code YYYY-MM-DD}. */
        public Parser dates(String... names) {
            Set<String> s = new HashSet<>(dates);
            s.addAll(List.of(names));
            return new Parser(flags, Set.copyOf(s), valued);
        }

        /**
         * Also accepts this option followed by a value; {@code what} names the value for the
         * error when it is missing ("--portfolio needs a file (JSON or CSV)").
         */
        public Parser option(String name, String what) {
            Map<String, String> m = new LinkedHashMap<>(valued);
            m.put(name, what);
            return new Parser(flags, dates, Map.copyOf(m));
        }

        /**
         * The arguments of one run.
         *
         * @throws IllegalArgumentException at the first argument that is unknown, lacks its value
         *     or is not a date
         */
        public CommandArgs parse(List<String> args) {
            Set<String> given = new HashSet<>();
            Map<String, LocalDate> d = new HashMap<>();
            Map<String, String> v = new HashMap<>();
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (flags.contains(a)) {
                    given.add(a);
                } else if (dates.contains(a)) {
                    if (i + 1 >= args.size()) {
                        throw new IllegalArgumentException(a + " needs a date (YYYY-MM-DD)");
                    }
                    d.put(a, date(a, args.get(++i)));
                } else if (valued.containsKey(a)) {
                    if (i + 1 >= args.size()) {
                        throw new IllegalArgumentException(a + " needs " + valued.get(a));
                    }
                    v.put(a, args.get(++i));
                } else {
                    // what the user typed, cut and with control characters shown: a pasted blob stays one line
                    throw new IllegalArgumentException("unknown argument " + Excerpt.printable(a, Excerpt.CHARS));
                }
            }
            return new CommandArgs(given, d, v);
        }

        private static LocalDate date(String option, String text) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(option + " '" + Excerpt.printable(text, Excerpt.CHARS)
                        + "' is not a date: expected YYYY-MM-DD");
            }
        }
    }
}
