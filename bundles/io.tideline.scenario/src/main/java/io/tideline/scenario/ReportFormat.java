package io.tideline.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tideline.scenario.api.Analogue;
import io.tideline.scenario.api.CascadeResult;
import io.tideline.scenario.api.CascadeRound;
import io.tideline.scenario.api.ConditionResult;
import io.tideline.scenario.api.ConditionState;
import io.tideline.scenario.api.EvidenceGap;
import io.tideline.scenario.api.PositionPnl;
import io.tideline.scenario.api.ScenarioReport;
import io.tideline.scenario.api.ScenarioResult;
import io.tideline.scenario.api.WatchItem;
import java.io.PrintStream;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The text and JSON forms of scenario reports and cascade results. Stateless. */
final class ReportFormat {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReportFormat() {
    }

    /** One line of JSON: the stable document. */
    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * One line of JSON of a cascade: the result's document with {@code state}, what was read from
     * the store ({@code asset}, {@code day}, {@code funding} and {@code openInterest} each with
     * {@code role}, {@code value}, {@code observed}, {@code missing}; {@code oiRatio},
     * {@code oiRatioReason}), or null when nothing was read.
     */
    static String json(CascadeResult r, CascadeState state) {
        com.fasterxml.jackson.databind.node.ObjectNode doc = JSON.valueToTree(r);
        if (state == null) {
            doc.putNull("state");
        } else {
            com.fasterxml.jackson.databind.node.ObjectNode s = doc.putObject("state");
            s.put("asset", state.asset());
            s.put("day", state.day().toString());
            part(s.putObject("funding"), state.funding());
            part(s.putObject("openInterest"), state.openInterest());
            number(s, "oiRatio", state.oiRatio());
            s.put("oiRatioReason", state.oiRatioReason());
            s.put("text", state.text());
        }
        return json(doc);
    }

    /** One input of a cascade state: NaN and absent days as null, so that the JSON stays plain. */
    private static void part(com.fasterxml.jackson.databind.node.ObjectNode o, CascadeState.Part p) {
        o.put("role", p.role());
        number(o, "value", p.value());
        o.put("observed", p.observed() == null ? null : p.observed().toString());
        o.put("missing", p.missing());
    }

    private static void number(com.fasterxml.jackson.databind.node.ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }

    /**
     * What a scenario whose fit has weight 0 says: its odds are the base rate, whatever its
     * conditions read today (the conditions listed under Evidence do not move them).
     */
    static String onBaseRate(String id) {
        return id + ": odds are the base rate; the conditions have not beaten it in past forecasts (weight of the fit"
                + " 0%), so today's readings do not move them";
    }

    static void text(ScenarioReport r, PrintStream out) {
        out.println("Scenarios as of " + r.asOf() + "   (pack: " + r.pack() + ")");
        out.println();
        boolean fitted = r.scenarios().stream().anyMatch(s -> s.packProbability() != null);
        for (ScenarioResult s : r.scenarios()) {
            out.printf(Locale.ROOT, "  %-3s %-46s %s %5.1f%%   now %5.1f%%%s%n", s.id(), s.name(),
                    fitted ? "base rate" : "prior", 100 * s.prior(), 100 * s.probability(), s.packProbability() == null
                            ? "" : String.format(Locale.ROOT, "   (pack's ratios: %5.1f%%)", 100 * s.packProbability()));
        }
        if (!r.oddsBasis().isEmpty()) {
            out.println("  odds: " + r.oddsBasis());
        }
        // Beside the odds it qualifies, so a reader of the text sees it where the numbers are.
        for (ScenarioResult s : r.scenarios()) {
            if (s.onBaseRate()) {
                out.println("  ! " + onBaseRate(s.id()));
            }
        }
        for (EvidenceGap g : r.gaps()) {
            out.println("  ! " + g.message());
        }
        out.println();
        out.println("Evidence (by the pack's ratios, MET multiplies the scenario's odds by its ratio, NOT_MET by the"
                + " reciprocal)");
        for (ScenarioResult s : r.scenarios()) {
            for (ConditionResult c : s.conditions()) {
                String value = c.value() == null ? "-" : num(c.value());
                out.printf(Locale.ROOT, "  %-3s %-27s %-8s %10s %-2s %-9s x%-5s %s%n", s.id(), c.id(), c.state(),
                        value, c.comparison(), num(c.threshold()), String.format(Locale.ROOT, "%.2f", c.factor()),
                        c.state() == ConditionState.UNKNOWN ? c.text() + " (" + c.reason() + ")" : c.text());
            }
        }
        if (!r.watch().isEmpty()) {
            out.println();
            out.println("Watch: the conditions closest to flipping (distance in standard deviations of their history)");
            int n = 0;
            for (WatchItem w : r.watch()) {
                if (n++ == 6) {
                    break;
                }
                out.printf(Locale.ROOT, "  %-27s %-8s %10s vs %-9s %5.2f sd   a flip moves %s %+5.1f points%n",
                        w.conditionId(), w.state(), num(w.value()), num(w.threshold()), w.distance(), w.moves(),
                        100 * w.change());
            }
        }
        out.println();
        Set<String> roles = new LinkedHashSet<>();
        r.scenarios().forEach(s -> roles.addAll(s.shocks().keySet()));
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-12s", "shock"));
        for (ScenarioResult s : r.scenarios()) {
            head.append(String.format(Locale.ROOT, " %10s", s.id()));
        }
        out.println(head);
        for (String role : roles) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-12s", role));
            for (ScenarioResult s : r.scenarios()) {
                Double m = s.shocks().get(role);
                line.append(m == null ? String.format(Locale.ROOT, " %10s", "-")
                        : String.format(Locale.ROOT, " %+9.1f%%", 100 * m));
            }
            out.println(line);
        }
        for (ScenarioResult s : r.scenarios()) {
            for (Map.Entry<String, CascadeResult> e : s.cascade().entrySet()) {
                CascadeResult c = e.getValue();
                // the market it ran in: the day's funding and open-interest ratio as read (see CascadeState)
                out.printf(Locale.ROOT, "  (%s: %s %.1f%% amplified by the liquidation cascade to %.1f%% in %d rounds"
                        + " at the day's crowding %.2f)%n", s.id(), e.getKey(), -100 * c.initialMove(),
                        -100 * c.amplifiedMove(), c.rounds(), c.params().crowding().index());
            }
        }
        if (r.expectedPnl() != null) {
            out.println();
            StringBuilder head2 = new StringBuilder(String.format(Locale.ROOT, "  %-12s %14s", "P&L", "exposure"));
            for (ScenarioResult s : r.scenarios()) {
                head2.append(String.format(Locale.ROOT, " %14s", s.id()));
            }
            out.println(head2);
            int positions = r.scenarios().get(0).positions().size();
            for (int i = 0; i < positions; i++) {
                PositionPnl first = r.scenarios().get(0).positions().get(i);
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-12s %14s", first.role(),
                        money(first.exposure())));
                for (ScenarioResult s : r.scenarios()) {
                    PositionPnl p = s.positions().get(i);
                    line.append(String.format(Locale.ROOT, " %14s", money(p.pnl()) + (p.liquidated() ? "*" : "")));
                }
                out.println(line);
            }
            StringBuilder total = new StringBuilder(String.format(Locale.ROOT, "  %-12s %14s", "total", ""));
            for (ScenarioResult s : r.scenarios()) {
                total.append(String.format(Locale.ROOT, " %14s", money(s.pnl())));
            }
            out.println(total);
            out.println("  (* liquidated: the loss is the position's margin)");
            out.println("  probability-weighted P&L " + money(r.expectedPnl()) + "; worst case " + money(r.worstCase())
                    + " (" + r.worstScenario() + ")");
        }
        if (!r.analogues().isEmpty()) {
            out.println();
            out.println("Historical analogues (nearest first; what followed over the next bars)");
            for (Analogue a : r.analogues()) {
                StringBuilder next = new StringBuilder();
                a.next().forEach((role, v) -> next.append(String.format(Locale.ROOT, " %s %+.1f%%", role, 100 * v)));
                // the episode last: found in the data, its description is longer than a hand-picked name
                out.printf(Locale.ROOT, "  %s  distance %5.2f (%d features)  next:%-24s  %s%n", a.date(),
                        a.distance(), a.features(), next.isEmpty() ? " -" : next, a.episode());
            }
        }
        for (String w : r.warnings()) {
            out.println();
            out.println("warning: " + w);
        }
    }

    static void text(CascadeResult r, PrintStream out) {
        out.printf(Locale.ROOT, "Initial fall %.2f%% -> %.2f%% after the cascade (x%.2f), %d rounds%s%n",
                100 * r.initialMove(), 100 * r.amplifiedMove(), r.amplification(), r.rounds(),
                r.converged() ? "" : " (stopped at the round limit)");
        out.printf(Locale.ROOT, "Liquidated %s of %s open interest (%.1f%%); %s remains%n", money(r.liquidatedNotional()),
                money(r.openInterest()), 100 * r.liquidatedNotional() / r.openInterest(), money(r.remainingNotional()));
        out.printf(Locale.ROOT, "Over %d markets of uncertain depth and leverage: p10 %.2f%%, p50 %.2f%%, p90 %.2f%%%n",
                r.params().ensemble().members(), 100 * r.p10(), 100 * r.p50(), 100 * r.p90());
        out.printf(Locale.ROOT, "Depth %s per 1%% (square-root impact), refill %.2f a round, mean leverage %.1fx,"
                + " maintenance margin %.2f%%, dispersion %.2f, crowding %.2f%n", money(r.params().depth()),
                r.params().refill(), r.params().meanLeverage(), 100 * r.params().maintenanceMargin(),
                r.params().dispersion(), r.params().crowding().index());
        out.println("  round    fall at start   liquidated   further fall");
        int shown = 0;
        for (CascadeRound c : r.path()) {
            if (shown++ == 15) {
                out.println("  ... " + (r.path().size() - 15) + " more rounds, each smaller");
                break;
            }
            out.printf(Locale.ROOT, "  %5d %14.2f%% %12s %13.2f%%%n", c.round(), 100 * c.drop(), money(c.liquidated()),
                    100 * c.impact());
        }
    }

    /** A number with sensible digits for a condition value. */
    static String num(double v) {
        double a = Math.abs(v);
        if (a == 0) {
            return "0";
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        if (a >= 0.1) {
            return String.format(Locale.ROOT, "%.3f", v);
        }
        return String.format(Locale.ROOT, "%.5f", v);
    }

    /** An amount in thousands separators, with M or bn above a million. */
    static String money(double v) {
        double a = Math.abs(v);
        if (a >= 1e9) {
            return String.format(Locale.ROOT, "%.2fbn", v / 1e9);
        }
        if (a >= 1e7) {
            return String.format(Locale.ROOT, "%.1fM", v / 1e6);
        }
        return String.format(Locale.ROOT, "%,.0f", v);
    }
}
