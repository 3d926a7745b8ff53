package io.tideline.views.chart;

import io.tideline.api.series.Freshness;
import java.util.Locale;

/**
 * The views' user-visible strings in the language the workbench asks for (en, de, zh), with
 * English as the fallback and a missing key shown as itself (the view kit's {@link
 * io.tideline.api.ui.kit.Messages}).
 */
final class Messages extends io.tideline.api.ui.kit.Messages {

    Messages(Locale locale) {
        super(baseName(Messages.class), Messages.class.getClassLoader(), locale, Missing.KEY);
    }

    /** A stale age ({@link Freshness.Age}) in words, e.g. "2 d old". */
    String age(long millis) {
        Freshness.Age age = Freshness.Age.of(millis);
        String key = switch (age.unit()) {
            case HOURS -> "age.h";
            case DAYS -> "age.d";
            case WEEKS -> "age.w";
            case MONTHS -> "age.mo";
        };
        return get(key, age.count());
    }
}
