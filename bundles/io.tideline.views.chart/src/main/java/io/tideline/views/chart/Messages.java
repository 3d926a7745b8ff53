package io.tideline.views.chart;

import java.util.Locale;

/**
 * The views' user-visible strings in the language the workbench asks for (en, de, zh), with
 * English as the fallback and a missing key shown as itself (the view kit's {@link
 * io.tideline.api.ui.kit.Messages}, which also words stale ages).
 */
final class Messages extends io.tideline.api.ui.kit.Messages {

    Messages(Locale locale) {
        super(baseName(Messages.class), Messages.class.getClassLoader(), locale, Missing.KEY);
    }
}
