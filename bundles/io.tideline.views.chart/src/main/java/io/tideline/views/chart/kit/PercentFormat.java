package io.tideline.views.chart.kit;

import java.text.FieldPosition;
import java.text.Format;
import java.text.ParsePosition;

/** Tick labels of a rebased axis (100 = first visible bar): {@code +12.5%}, {@code -3%}. */
final class PercentFormat extends Format {

    private static final long serialVersionUID = 1L;

    @Override
    public StringBuffer format(Object obj, StringBuffer toAppendTo, FieldPosition pos) {
        return toAppendTo.append(percent(((Number) obj).doubleValue()));
    }

    static String percent(double rebased) {
        double p = rebased - 100;
        String s = Math.abs(p) >= 10 || p == Math.rint(p) ? String.format("%.0f", p) : String.format("%.1f", p);
        return (p > 0 ? "+" : "") + s + "%";
    }

    @Override
    public Object parseObject(String source, ParsePosition pos) {
        // SWTChart parses labels back to hide repeated ones: "+12%" is the rebased value 112.
        String text = source.substring(pos.getIndex()).trim().replace("%", "").replace("+", "");
        try {
            double p = Double.parseDouble(text);
            pos.setIndex(source.length());
            return 100 + p;
        } catch (NumberFormatException e) {
            pos.setErrorIndex(pos.getIndex());
            return null;
        }
    }
}
