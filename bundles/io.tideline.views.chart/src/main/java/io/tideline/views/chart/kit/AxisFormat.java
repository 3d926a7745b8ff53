package io.tideline.views.chart.kit;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.Format;
import java.text.ParsePosition;
import java.util.Locale;

/**
 * Tick labels a trader reads without thinking: thousands separators ({@code 65,000}), compact
 * large amounts ({@code 1.2B}, {@code 350M}) and the unit after the number where it is a
 * percentage or basis points ({@code 4.25%}, {@code 0.01%}, {@code 25 bp}). The number of
 * decimals follows the size of the value, so a funding rate of 0.0105% keeps its digits while
 * a BTC price of 65,000 shows none. Also used for the crosshair's values.
 *
 * <p>SWTChart parses each tick label back to place it and writes "..." for a label that does
 * not parse to its tick, so {@link #parseObject} reads every form {@link #format} writes.
 */
public final class AxisFormat extends Format {

    private static final long serialVersionUID = 1L;
    private static final String[] SUFFIXES = {"", "K", "M", "B", "T"};

    private final Locale locale;
    private final String suffix;
    /**
     * The largest absolute value on the axis, or NaN when unknown: every tick of one axis is then
     * written in the same form (120K, 100K, 80K rather than 120K beside 80,000).
     */
    private double magnitude = Double.NaN;

    private AxisFormat(Locale locale, String suffix) {
        this.locale = locale;
        this.suffix = suffix;
    }

    /**
     * The tick format for values in {@code unit}: "%" and units starting with "% " (e.g.
     * "% per 8h") get a "%" after the number, "bp" a " bp"; any other unit (USD, contracts,
     * index) plain numbers, which the axis title names.
     */
    public static AxisFormat forUnit(String unit, Locale locale) {
        String u = unit == null ? "" : unit.trim();
        String suffix = u.equals("%") || u.startsWith("% ") ? "%" : u.equalsIgnoreCase("bp") ? " bp" : "";
        return new AxisFormat(locale, suffix);
    }

    /** Plain numbers (grouped, compact when large). */
    public static AxisFormat plain(Locale locale) {
        return new AxisFormat(locale, "");
    }

    /** Writes every following label in the form that suits values up to {@code max} in absolute value. */
    public void magnitude(double max) {
        magnitude = Math.abs(max);
    }

    /** The text after the number ("%", " bp" or empty). */
    public String suffix() {
        return suffix;
    }

    /** {@code v} as a label, e.g. {@code 65,000}, {@code 1.25B}, {@code 4.25%}, {@code -0.0105%}. */
    public String text(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (v == 0) {
            return "0" + suffix;
        }
        double a = Math.abs(v);
        // The axis' largest value picks the form and decimals for all its ticks.
        double m = Double.isNaN(magnitude) || magnitude == 0 ? a : magnitude;
        int group = 0;
        if (suffix.isEmpty() && m >= 1_000_000) {
            // Compact from a million: "350M" reads faster than "350,000,000" in a narrow axis.
            while (m >= 1000 && group < SUFFIXES.length - 1) {
                m /= 1000;
                a /= 1000;
                group++;
            }
        }
        double scaled = Math.copySign(a, v);
        int decimals = group > 0 ? (m >= 100 ? 1 : m >= 10 ? 2 : 3) : m >= 1000 ? 0 : m >= 10 ? 2 : m >= 1 ? 3 : m >= 0.01 ? 4 : 6;
        DecimalFormat f = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(locale));
        f.setMaximumFractionDigits(decimals);
        return f.format(scaled) + SUFFIXES[group] + suffix;
    }

    @Override
    public StringBuffer format(Object obj, StringBuffer toAppendTo, FieldPosition pos) {
        return toAppendTo.append(text(((Number) obj).doubleValue()));
    }

    @Override
    public Object parseObject(String source, ParsePosition pos) {
        String s = source.substring(pos.getIndex()).trim();
        if (!suffix.isEmpty() && s.endsWith(suffix.trim())) {
            s = s.substring(0, s.length() - suffix.trim().length()).trim();
        }
        double factor = 1;
        for (int g = SUFFIXES.length - 1; g > 0; g--) {
            if (s.endsWith(SUFFIXES[g])) {
                s = s.substring(0, s.length() - 1);
                factor = Math.pow(1000, g);
                break;
            }
        }
        DecimalFormat f = new DecimalFormat("#,##0.#", DecimalFormatSymbols.getInstance(locale));
        ParsePosition inner = new ParsePosition(0);
        Number n = f.parse(s, inner);
        if (n == null || inner.getIndex() != s.length()) {
            pos.setErrorIndex(pos.getIndex());
            return null;
        }
        pos.setIndex(source.length());
        return n.doubleValue() * factor;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AxisFormat f && f.locale.equals(locale) && f.suffix.equals(suffix);
    }

    @Override
    public int hashCode() {
        return locale.hashCode() * 31 + suffix.hashCode();
    }
}
