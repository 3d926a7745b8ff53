package io.tideline.views.desk;

import io.tideline.api.series.Freshness;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The user-visible strings of the desk views in one language, from
 * {@code io/tideline/views/desk/messages*.properties} (English, German, Chinese; UTF-8).
 * Immutable and thread-safe.
 */
public final class Messages {

    private static final String BASE = "io.tideline.views.desk.messages";

    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /**
     * The strings for {@code locale}, falling back to English (never to the JVM's default
     * locale, which may differ from the language the user chose in the workbench).
     */
    public static Messages of(Locale locale) {
        Objects.requireNonNull(locale, "locale");
        ResourceBundle b = ResourceBundle.getBundle(BASE, locale, Messages.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new Messages(b, locale);
    }

    /** The locale these strings are for (as asked, also when English was the fallback). */
    public Locale locale() {
        return locale;
    }

    /**
     * The string of {@code key}.
     *
     * @throws MissingResourceException naming the key when no language file has it
     */
    public String get(String key) {
        return bundle.getString(key);
    }

    /** The string of {@code key} with {@link MessageFormat} arguments filled in. */
    public String format(String key, Object... args) {
        return new MessageFormat(get(key), locale).format(args);
    }

    /** A stale age ({@link Freshness.Age}) in words, e.g. "2 d old". */
    public String age(long millis) {
        Freshness.Age age = Freshness.Age.of(millis);
        String key = switch (age.unit()) {
            case HOURS -> "age.h";
            case DAYS -> "age.d";
            case WEEKS -> "age.w";
            case MONTHS -> "age.mo";
        };
        return format(key, age.count());
    }

    /** Whether {@code key} exists (used for optional keys such as enum names). */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The string of {@code key}, or {@code fallback} when there is none. */
    public String getOr(String key, String fallback) {
        return bundle.containsKey(key) ? bundle.getString(key) : fallback;
    }
}
