package io.tideline.views.admin;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The admin views' user-visible strings, from {@code messages*.properties} beside this class, for
 * one locale (English, German or Chinese). Every string is a {@link MessageFormat} pattern, so a
 * literal apostrophe is written twice in the files. Immutable and thread-safe.
 */
public final class Messages {

    private static final String BASE = "io.tideline.views.admin.messages";

    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /**
     * Loads the strings for a locale. A language without a translation falls back to English (the
     * base file), never to the JVM's default locale, so a German machine still shows English when
     * the user chose English.
     */
    public static Messages of(Locale locale) {
        ResourceBundle bundle = ResourceBundle.getBundle(BASE, locale, Messages.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new Messages(bundle, locale);
    }

    /** The locale the strings were asked for. */
    public Locale locale() {
        return locale;
    }

    /**
     * The string for {@code key} with {@code args} filled in.
     *
     * @throws MissingResourceException if the key is in no file: a programming error caught by the
     *         tests that compare the three files' keys
     */
    public String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? new MessageFormat(pattern, locale).format(new Object[0])
                : new MessageFormat(pattern, locale).format(args);
    }
}
