package io.tideline.workbench.internal;

import java.util.Locale;

/**
 * The workbench's user-visible strings in English, German and Chinese
 * ({@code messages*.properties} beside this class), with English as the fallback and a missing
 * key shown as {@code !key!} (the view kit's {@link io.tideline.api.ui.kit.Messages}), and the
 * language setting's values. Log messages stay English.
 */
final class Messages extends io.tideline.api.ui.kit.Messages {

    /** The languages the UI offers, as preference values. */
    static final String[] LANGUAGES = {"en", "de", "zh"};

    Messages(Locale locale) {
        super(baseName(Messages.class), Messages.class.getClassLoader(), locale, Missing.MARKED);
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

    /** A view's title in this language when the workbench knows it, else the view's own title. */
    String viewTitle(String viewId, String fallback) {
        return getOr("view." + viewId, fallback);
    }
}
