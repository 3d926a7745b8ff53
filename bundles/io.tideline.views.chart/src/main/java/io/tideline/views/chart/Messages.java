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
