package io.tideline.views.desk;

import java.util.Locale;

/**
 * The user-visible strings of the desk views in one language, from
 * {@code io/tideline/views/desk/messages*.properties} (English, German, Chinese; UTF-8), with
 * English as the fallback and a missing key failing by name (the view kit's {@link
 * io.tideline.api.ui.kit.Messages}, which also words stale ages). Immutable and thread-safe.
 */
public final class Messages extends io.tideline.api.ui.kit.Messages {

    private Messages(Locale locale) {
        super(baseName(Messages.class), Messages.class.getClassLoader(), locale, Missing.FAIL);
    }

    /**
     * The strings for {@code locale}, falling back to English (never to the JVM's default
     * locale, which may differ from the language the user chose in the workbench).
     */
    public static Messages of(Locale locale) {
        return new Messages(locale);
    }
}
