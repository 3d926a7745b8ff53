package io.tideline.workbench.internal;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The workbench's user-visible strings in English, German and Chinese
 * ({@code messages*.properties} beside this class). Log messages stay English.
 */
final class Messages {

    /** The languages the UI offers, as preference values. */
    static final String[] LANGUAGES = {"en", "de", "zh"};

    private final ResourceBundle bundle;
    private final Locale locale;

    Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("io.tideline.workbench.internal.messages", locale,
                Messages.class.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(
                        ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The locale of a preference value; unknown values give English. */
    static Locale locale(String language) {
        return switch (language == null ? "" : language.strip().toLowerCase(Locale.ROOT)) {
            case "de" -> Locale.GERMAN;
            case "zh" -> Locale.SIMPLIFIED_CHINESE;
            default -> Locale.ENGLISH;
        };
    }

    /**
     * Why a language setting cannot be used, naming the file, key, value and the values
     * expected; empty when it can (blank means the default, English). The window still opens,
     * in English, so the reason must reach the log rather than vanish.
     */
    static java.util.Optional<String> languageProblem(String language) {
        String value = language == null ? "" : language.strip().toLowerCase(Locale.ROOT);
        if (value.isEmpty() || value.equals("en") || value.equals("de") || value.equals("zh")) {
            return java.util.Optional.empty();
        }
        String shown = language.length() > 40 ? language.substring(0, 40) + "…" : language;
        StringBuilder printable = new StringBuilder();
        shown.codePoints().forEach(c -> printable.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return java.util.Optional.of("io.tideline.workbench.cfg: language='" + printable
                + "' is not one of: en, de, zh; the window uses English");
    }

    Locale locale() {
        return locale;
    }

    /** The string of {@code key} with {@code args} filled in; a missing key shows as {@code !key!}. */
    String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** A view's title in this language when the workbench knows it, else the view's own title. */
    String viewTitle(String viewId, String fallback) {
        try {
            return bundle.getString("view." + viewId);
        } catch (MissingResourceException e) {
            return fallback;
        }
    }
}
