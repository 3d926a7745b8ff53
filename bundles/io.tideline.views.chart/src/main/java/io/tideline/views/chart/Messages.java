package io.tideline.views.chart;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The views' user-visible strings in the language the workbench asks for (en, de, zh). */
final class Messages {

    private final ResourceBundle bundle;
    private final Locale locale;

    Messages(Locale locale) {
        this.locale = locale;
        // No fallback to the JVM's default locale: English is the base file, whatever the machine.
        this.bundle = ResourceBundle.getBundle("io.tideline.views.chart.messages", locale,
                Messages.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    Locale locale() {
        return locale;
    }

    /** A stale age ({@link io.tideline.api.series.Freshness.Age}) in words, e.g. "2 d old". */
    String age(long millis) {
        io.tideline.api.series.Freshness.Age age = io.tideline.api.series.Freshness.Age.of(millis);
        String key = switch (age.unit()) {
            case HOURS -> "age.h";
            case DAYS -> "age.d";
            case WEEKS -> "age.w";
            case MONTHS -> "age.mo";
        };
        return get(key, age.count());
    }

    /** The text of {@code key} with {@code args} filled in; the key itself when it is missing. */
    String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }
}
