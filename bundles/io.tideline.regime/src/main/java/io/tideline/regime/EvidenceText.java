package io.tideline.regime;

import io.tideline.regime.api.Evidence;
import java.util.Locale;

/**
 * An evidence line's numbers for people: each with its unit and as many digits as the unit
 * needs (a yield change in bp to 0.1, a return or drawdown in % to 0.01, a volatility in % a year
 * to 0.1, a sigma move to 0.01, the compression warning's conditions as "3 of 4"), the value and
 * the threshold in the same unit, and a threshold of another kind said for what it is (the target
 * volatility of the exposure, the tier of the cap).
 * Only the text changes: the JSON and CSV keep the readings as they are. Stateless.
 */
final class EvidenceText {

    /**
     * The cells of one evidence line.
     *
     * @param indicator what was read: the indicator id as {@code indicator list} prints it, with
     *     its parameter, e.g. {@code change-bp(5)}; {@code tier cap (rule)} for the cap
     * @param value the reading with its unit, or {@code -}
     * @param threshold what it was compared with, with its unit, or {@code -}
     */
    record Cells(String indicator, String value, String threshold) {
    }

    private EvidenceText() {
    }

    /**
     * @param e the evidence
     * @param roleUnit the unit of the series behind the evidence's role as its descriptor says
     *     (e.g. {@code USD}, {@code fraction per 8h}), or null when unknown or two roles
     */
    static Cells of(Evidence e, String roleUnit) {
        String id = e.indicator();
        String base = id.contains("(") ? id.substring(0, id.indexOf('(')) : id;
        Double v = e.value();
        Double t = e.threshold();
        return switch (base) {
            case "return-sigma" -> new Cells(id, fmt(v, "%+.2f sigma"), fmt(t, "%+.2f sigma"));
            case "change-bp" -> new Cells(id, fmt(v, "%+.1f bp"), fmt(t, "%+.1f bp"));
            case "simple-return-pct", "drawdown-pct" -> new Cells(id, fmt(v, "%+.2f%%"), fmt(t, "%+.2f%%"));
            case "realized-vol" -> new Cells(id, percent(v, "%.1f%%/yr"), percent(t, "%.1f%%/yr"));
            case "vol-target-exposure" -> new Cells(id, fmt(v, "%.2fx"), t == null ? "-"
                    : String.format(Locale.ROOT, "target vol %.1f%%/yr", t * 100));
            case "tier-cap" -> new Cells("tier cap (rule)", fmt(v, "%.2fx cap"), t == null ? "-"
                    : String.format(Locale.ROOT, "tier %.0f", t));
            case "leadership-ratio" -> new Cells(id, ratio(v), ratio(t));
            case "correlation" -> new Cells(id, fmt(v, "%+.2f corr"), fmt(t, "%+.2f corr"));
            case "oi-price-divergence" -> new Cells(id, signal(v), signal(t));
            case "compression-warning" -> new Cells(id, fmt(v, "%.0f of 4"), fmt(t, "%.0f of 4"));
            case "sma", "level" -> new Cells(id, level(v, roleUnit), level(t, roleUnit));
            default -> new Cells(id, number(v), number(t));
        };
    }

    private static String fmt(Double d, String format) {
        return d == null ? "-" : String.format(Locale.ROOT, format, d);
    }

    private static String percent(Double fraction, String format) {
        return fraction == null ? "-" : String.format(Locale.ROOT, format, fraction * 100);
    }

    /** A -1/0/+1 signal: its sign, and 0 without one. */
    private static String signal(Double d) {
        return d == null ? "-" : d == 0 ? "signal 0" : String.format(Locale.ROOT, "signal %+.0f", d);
    }

    private static String ratio(Double d) {
        return d == null ? "-" : String.format(Locale.ROOT, "%.4g ratio", d);
    }

    /**
     * A level in its series' unit: a funding rate stored as a fraction per 8 h in % per 8 h, a
     * percent series with %, anything else as a number followed by its unit.
     */
    static String level(Double d, String unit) {
        if (d == null) {
            return "-";
        }
        String u = unit == null ? "" : unit.strip();
        if (u.startsWith("fraction per ")) {
            return String.format(Locale.ROOT, "%.4f%% per %s", d * 100, u.substring("fraction per ".length()));
        }
        if (u.equals("%")) {
            return String.format(Locale.ROOT, "%.2f%%", d);
        }
        if (u.startsWith("% ")) {
            return String.format(Locale.ROOT, "%.1f%% %s", d, u.substring(2));
        }
        return u.isEmpty() ? number(d) : number(d) + " " + u;
    }

    /** A number without a known unit: grouped whole above 1,000, two decimals above 1, else 4 significant digits. */
    static String number(Double d) {
        if (d == null) {
            return "-";
        }
        double a = Math.abs(d);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", d);
        }
        if (a >= 1 || a == 0) {
            return String.format(Locale.ROOT, "%.2f", d);
        }
        return String.format(Locale.ROOT, "%.4g", d);
    }

    /** The observation day and its age, e.g. {@code 2026-02-05, 1 d old} or {@code 2026-02-06, same day}. */
    static String observed(Evidence e) {
        if (e.observed() == null) {
            return "";
        }
        Integer age = e.ageDays();
        return e.observed() + (age == null ? "" : age == 0 ? ", same day" : ", " + age + " d old");
    }
}
