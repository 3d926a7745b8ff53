package io.tideline.views.desk.report;

import io.tideline.api.series.SeriesId;
import io.tideline.regime.api.Evidence;
import io.tideline.regime.api.Step;
import io.tideline.regime.api.Verdict;
import io.tideline.scenario.api.ConditionResult;
import io.tideline.scenario.api.ScenarioReport;
import io.tideline.scenario.api.ScenarioResult;
import io.tideline.scenario.api.WatchItem;
import io.tideline.views.desk.ColorScale;
import io.tideline.views.desk.Messages;
import io.tideline.views.desk.Trace;
import io.tideline.views.desk.checklist.Words;
import java.util.Map;
import java.util.Objects;

/**
 * Writes the morning-meeting report: the checklist verdict with every step's evidence and the
 * series behind it, and the scenario odds (with their change since the day before), conditions,
 * watch list and portfolio P&amp;L, as one self-contained HTML page (inline CSS, no scripts, no
 * external resources). Every string that comes from data is escaped. Plain and stateless.
 */
public final class ReportBuilder {

    /**
     * What goes into a report.
     *
     * @param verdict the checklist verdict (required)
     * @param roles the role bindings, to name each reading's series
     * @param scenarios the scenario analysis of the same day, or {@code null}
     * @param previous the scenario analysis of the day before, for the change in odds, or {@code null}
     * @param scenarioProblem why there are no scenarios (e.g. no scenario service), or {@code null}
     * @param generatedMillis when the report was made, epoch ms UTC
     */
    public record Input(Verdict verdict, Map<String, SeriesId> roles, ScenarioReport scenarios,
            ScenarioReport previous, String scenarioProblem, long generatedMillis) {

        /** Rejects a null verdict or roles. */
        public Input {
            Objects.requireNonNull(verdict, "verdict");
            roles = Map.copyOf(roles);
        }
    }

    private final Messages msg;

    /** A builder writing in the language of {@code msg}. */
    public ReportBuilder(Messages msg) {
        this.msg = Objects.requireNonNull(msg, "msg");
    }

    /** The report as one HTML document. */
    public String build(Input in) {
        Verdict v = in.verdict();
        StringBuilder h = new StringBuilder(16_384);
        String title = msg.format("report.title", v.asOf());
        h.append("<!DOCTYPE html>\n<html lang=\"").append(e(msg.locale().getLanguage().isEmpty() ? "en"
                : msg.locale().getLanguage())).append("\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(e(title)).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222}")
                .append("table{border-collapse:collapse;margin:0.5em 0 1.5em}")
                .append("th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}")
                .append("th{background:#f3f3f3}td.n{text-align:right;font-variant-numeric:tabular-nums}")
                .append(".dot{display:inline-block;width:0.9em;height:0.9em;border-radius:50%;margin-right:0.4em}")
                .append(".ev td{font-size:90%;color:#444}.regime{font-size:150%;font-weight:bold}")
                .append(".small{font-size:85%;color:#666}\n</style>\n</head>\n<body>\n");
        h.append("<h1>").append(e(title)).append("</h1>\n<p class=\"small\">")
                .append(e(msg.format("report.generated", Trace.time(in.generatedMillis())))).append("</p>\n");
        verdict(h, v, in.roles());
        scenarios(h, in);
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private void verdict(StringBuilder h, Verdict v, Map<String, SeriesId> roles) {
        h.append("<h2>").append(e(msg.get("report.checklist"))).append("</h2>\n");
        h.append("<p class=\"regime\" style=\"color:").append(css(ColorScale.regime(v.regime()))).append("\">")
                .append(e(Words.regime(msg, v.regime()))).append("</p>\n");
        String exposure = v.exposure() == null ? msg.get("checklist.na")
                : String.format(msg.locale(), "%.2f\u00d7", v.exposure());
        h.append("<p>").append(e(msg.format("checklist.facts", v.tier(), Words.action(msg, v.action()), exposure,
                v.riskOff() ? msg.get("checklist.riskOff.yes") : msg.get("checklist.riskOff.no")))).append("</p>\n");
        h.append("<p>").append(e(msg.format("checklist.drivers",
                v.drivers().isEmpty() ? "\u2014" : String.join(", ", v.drivers())))).append("</p>\n");
        if (!v.missing().isEmpty()) {
            h.append("<p>").append(e(msg.format("checklist.missing", String.join(", ", v.missing()))))
                    .append("</p>\n");
        }
        h.append("<table>\n<tr><th>").append(e(msg.get("checklist.col.step"))).append("</th><th>")
                .append(e(msg.get("checklist.col.summary"))).append("</th><th>")
                .append(e(msg.get("checklist.col.value"))).append("</th><th>")
                .append(e(msg.get("checklist.col.threshold"))).append("</th><th>")
                .append(e(msg.get("checklist.col.rule"))).append("</th><th>")
                .append(e(msg.get("checklist.col.source"))).append("</th></tr>\n");
        for (Step s : v.steps()) {
            h.append("<tr><td><span class=\"dot\" style=\"background:").append(css(ColorScale.status(s.status())))
                    .append("\"></span>").append(e(Words.step(msg, s.id()))).append(" \u2014 ")
                    .append(e(Words.status(msg, s.status()))).append("</td><td colspan=\"5\">")
                    .append(e(s.summary())).append("</td></tr>\n");
            for (Evidence ev : s.evidence()) {
                h.append("<tr class=\"ev\"><td>").append(e(ev.role())).append("</td><td>").append(e(ev.indicator()))
                        .append("</td><td class=\"n\">")
                        .append(e(ev.value() == null ? msg.get("checklist.na") : num(ev.value())))
                        .append("</td><td class=\"n\">").append(e(ev.threshold() == null ? "" : num(ev.threshold())))
                        .append("</td><td>").append(e(ev.rule())).append("</td><td>")
                        .append(e(Trace.roles(ev.role(), roles) + " @ " + v.asOf())).append("</td></tr>\n");
            }
        }
        h.append("</table>\n");
    }

    private void scenarios(StringBuilder h, Input in) {
        h.append("<h2>").append(e(msg.get("report.scenarios"))).append("</h2>\n");
        ScenarioReport r = in.scenarios();
        if (r == null) {
            h.append("<p>").append(e(msg.format("report.noScenarios",
                    in.scenarioProblem() == null ? "\u2014" : in.scenarioProblem()))).append("</p>\n");
            return;
        }
        h.append("<p class=\"small\">").append(e(msg.format("scenarios.asOf", r.asOf(), r.pack()))).append("</p>\n");
        h.append("<table>\n<tr><th>").append(e(msg.get("scenarios.col.scenario"))).append("</th><th>")
                .append(e(msg.get("scenarios.col.probability"))).append("</th><th>")
                .append(e(msg.get("scenarios.col.change"))).append("</th><th>")
                .append(e(msg.get("scenarios.col.pnl"))).append("</th></tr>\n");
        for (ScenarioResult s : r.scenarios()) {
            Double before = in.previous() == null ? null
                    : in.previous().scenario(s.id()).map(ScenarioResult::probability).orElse(null);
            h.append("<tr><td>").append(e(s.id() + " \u2014 " + s.name())).append("</td><td class=\"n\">")
                    .append(e(pct(s.probability()))).append("</td><td class=\"n\">")
                    .append(e(before == null ? "\u2014" : points(s.probability() - before)))
                    .append("</td><td class=\"n\">").append(e(s.pnl() == null ? "\u2014" : money(s.pnl())))
                    .append("</td></tr>\n");
        }
        if (r.expectedPnl() != null) {
            h.append("<tr><th>").append(e(msg.get("scenarios.weighted"))).append("</th><td class=\"n\">100%</td>")
                    .append("<td></td><td class=\"n\"><b>").append(e(money(r.expectedPnl()))).append("</b></td></tr>\n");
        }
        h.append("</table>\n<h3>").append(e(msg.get("scenarios.conditions"))).append("</h3>\n<table>\n<tr><th>")
                .append(e(msg.get("scenarios.col.condition"))).append("</th><th>")
                .append(e(msg.get("scenarios.col.state"))).append("</th><th>")
                .append(e(msg.get("checklist.col.value"))).append("</th><th>")
                .append(e(msg.get("checklist.col.threshold"))).append("</th></tr>\n");
        for (ConditionResult c : r.conditions()) {
            h.append("<tr><td>").append(e(c.text())).append("</td><td>")
                    .append(e(msg.getOr("condition." + c.state().name(), c.state().name())
                            + (c.reason() == null ? "" : " (" + c.reason() + ")")))
                    .append("</td><td class=\"n\">").append(e(c.value() == null ? "\u2014" : num(c.value())))
                    .append("</td><td class=\"n\">").append(e(c.comparison() + " " + num(c.threshold())))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n<h3>").append(e(msg.get("scenarios.watch"))).append("</h3>\n<ul>\n");
        for (WatchItem w : r.watch()) {
            h.append("<li>").append(e(msg.format("scenarios.watch.item", w.text(), num(w.value()), num(w.threshold()),
                    String.format(msg.locale(), "%.2f", w.distance()), w.moves(), points(w.change()))))
                    .append("</li>\n");
        }
        h.append("</ul>\n");
        for (String warning : r.warnings()) {
            h.append("<p class=\"small\">\u26a0 ").append(e(warning)).append("</p>\n");
        }
    }

    private String num(double v) {
        return String.format(msg.locale(), Math.abs(v) >= 100 ? "%.1f" : "%.3g", v);
    }

    private String pct(double p) {
        return String.format(msg.locale(), "%.0f%%", p * 100);
    }

    private String points(double delta) {
        return String.format(msg.locale(), "%+.1f pp", delta * 100);
    }

    private String money(double v) {
        return String.format(msg.locale(), "%,.0f", v);
    }

    private static String css(int rgb) {
        return String.format("#%06x", rgb);
    }

    private static String e(String s) {
        return Html.escape(s);
    }
}
