package io.tideline.api.ui.kit;

import io.tideline.api.series.Freshness;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * A view bundle's user-visible strings in one language, from {@code messages*.properties} (or
 * any base name) loaded by the bundle's own class loader. A language without a file falls back
 * to the base file (English), never to the JVM's default locale: a German machine still shows
 * English when the user chose English in the workbench.
 *
 * <p>A string used with arguments is a {@link MessageFormat} pattern (write {@code ''} for an
 * apostrophe); {@link #get} returns a string used without arguments as written, {@link #format}
 * always reads it as a pattern. What a missing key gives is the bundle's choice ({@link Missing}).
 *
 * <p>Some wording every view needs comes with the kit in English, German and Chinese
 * ({@code io/tideline/api/ui/kit/kit*.properties}), e.g. {@link #age}; a bundle's own file may
 * word the same key otherwise, and its wording wins.
 *
 * <p>Immutable and thread-safe. Bundles may extend it to add their own wording helpers.
 */
public class Messages {

    /** What {@link #get} and {@link #format} give for a key that no file has. */
    public enum Missing {
        /**
         * Throw {@link MissingResourceException} naming the key: a programming error, for
         * bundles whose tests compare the language files' keys.
         */
        FAIL,
        /** The key itself, so the view still draws (e.g. {@code range.nodata}). */
        KEY,
        /** The key between exclamation marks ({@code !view.title!}), easy to spot on screen. */
        MARKED
    }

    /** The kit's own strings, found with the kit's class loader (the JDK caches the bundle). */
    private static final String KIT_STRINGS = "io.tideline.api.ui.kit.kit";

    private final ResourceBundle bundle;
    private final Locale locale;
    private final Missing missing;

    /**
     * Loads the strings of {@code baseName} (e.g. {@code "com.acme.views.messages"}) for
     * {@code locale} with {@code loader}, the class loader of the bundle that holds the files.
     *
     * @throws MissingResourceException when not even the base file exists
     */
    protected Messages(String baseName, ClassLoader loader, Locale locale, Missing missing) {
        this.locale = Objects.requireNonNull(locale, "locale");
        this.missing = Objects.requireNonNull(missing, "missing");
        this.bundle = ResourceBundle.getBundle(Objects.requireNonNull(baseName, "baseName"), locale,
                Objects.requireNonNull(loader, "loader"),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /**
     * The strings of {@code messages*.properties} in the package of {@code anchor} (a class of
     * the view's bundle, whose class loader finds the files) for {@code locale}.
     *
     * @throws MissingResourceException when the package has no {@code messages.properties}
     */
    public static Messages of(Class<?> anchor, Locale locale, Missing missing) {
        return new Messages(baseName(anchor), anchor.getClassLoader(), locale, missing);
    }

    /** {@code messages} in the package of {@code anchor}, as a resource bundle base name. */
    protected static String baseName(Class<?> anchor) {
        String pkg = anchor.getPackageName();
        return pkg.isEmpty() ? "messages" : pkg + ".messages";
    }

    /** The locale the strings were asked for (also when English was the fallback). */
    public final Locale locale() {
        return locale;
    }

    /**
     * The string of {@code key}: as written when there are no {@code args}, else the pattern
     * with them filled in.
     *
     * @throws MissingResourceException naming the key, when the key is in no file and this
     *         bundle chose {@link Missing#FAIL}
     */
    public final String get(String key, Object... args) {
        String pattern = pattern(key);
        if (pattern == null) {
            return missingText(key);
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /**
     * The pattern of {@code key} with {@code args} filled in, also when there are none (so
     * {@code ''} in the file gives one apostrophe).
     *
     * @throws MissingResourceException as {@link #get}
     */
    public final String format(String key, Object... args) {
        String pattern = pattern(key);
        return pattern == null ? missingText(key) : new MessageFormat(pattern, locale).format(args);
    }

    /** Whether {@code key} exists (for optional keys such as one per enum constant). */
    public final boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The string of {@code key} as written, or {@code fallback} when no file has it. */
    public final String getOr(String key, String fallback) {
        return bundle.containsKey(key) ? bundle.getString(key) : fallback;
    }

    /**
     * A stale age ({@link Freshness.Age}: hours below two days, then days, weeks, months) in
     * words, e.g. "5 h old", "2 d old", "3 wk old", "4 mo old" (keys {@code age.h}, {@code age.d},
     * {@code age.w}, {@code age.mo}: the kit's wording unless the bundle's file has the key).
     *
     * @param millis how old, in milliseconds (as {@link Freshness#staleAge} gives it)
     * @since 1.1
     */
    public String age(long millis) {
        Freshness.Age age = Freshness.Age.of(millis);
        String key = switch (age.unit()) {
            case HOURS -> "age.h";
            case DAYS -> "age.d";
            case WEEKS -> "age.w";
            case MONTHS -> "age.mo";
        };
        String pattern = pattern(key);
        if (pattern == null) {
            pattern = ResourceBundle.getBundle(KIT_STRINGS, locale, Messages.class.getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
                    .getString(key);
        }
        return new MessageFormat(pattern, locale).format(new Object[] {age.count()});
    }

    private String pattern(String key) {
        return bundle.containsKey(key) ? bundle.getString(key) : null;
    }

    private String missingText(String key) {
        return switch (missing) {
            case FAIL -> throw new MissingResourceException("no string '" + key + "' in "
                    + bundle.getBaseBundleName() + " for " + locale, bundle.getBaseBundleName(), key);
            case KEY -> key;
            case MARKED -> "!" + key + "!";
        };
    }
}
