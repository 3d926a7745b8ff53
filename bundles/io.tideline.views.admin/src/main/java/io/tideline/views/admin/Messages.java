package io.tideline.views.admin;

import java.util.Locale;

/**
 * The admin views' user-visible strings, from {@code messages*.properties} beside this class, for
 * one locale (English, German or Chinese), with English as the fallback and a missing key failing
 * by name (the view kit's {@link io.tideline.api.ui.kit.Messages}). Every string is a
 * {@link java.text.MessageFormat} pattern, so a literal apostrophe is written twice in the files.
 * Immutable and thread-safe.
 */
public final class Messages extends io.tideline.api.ui.kit.Messages {

    private Messages(Locale locale) {
        super(baseName(Messages.class), Messages.class.getClassLoader(), locale, Missing.FAIL);
    }

    /**
     * Loads the strings for a locale. A language without a translation falls back to English (the
     * base file), never to the JVM's default locale, so a German machine still shows English when
     * the user chose English.
     */
    public static Messages of(Locale locale) {
        return new Messages(locale);
    }
}
