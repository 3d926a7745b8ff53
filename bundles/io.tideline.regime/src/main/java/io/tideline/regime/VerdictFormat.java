package io.tideline.regime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tideline.regime.api.Evidence;
import io.tideline.regime.api.Step;
import io.tideline.regime.api.Verdict;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** Writes verdicts as the stable JSON document, CSV lines or text for people. Thread-safe. */
final class VerdictFormat {

    private static final ObjectWriter JSON = JsonMapper.builder()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).build().writer();

    /** The CSV header of {@link #csv}. */
    static final String CSV_HEADER = "asOf,regime,riskOff,tier,action,exposure,macro,leadership,crypto,correlation,"
            + "execution,drivers,missing,coverage,stale";

    private VerdictFormat() {
    }

    static String json(Object verdicts) {
        try {
            return JSON.writeValueAsString(verdicts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the verdict as JSON", e);
        }
    }

    static String csv(Verdict v) {
        StringBuilder b = new StringBuilder();
        b.append(v.asOf()).append(',').append(v.regime()).append(',').append(v.riskOff()).append(',')
                .append(v.tier()).append(',').append(v.action()).append(',')
                .append(v.exposure() == null ? "" : String.format(Locale.ROOT, "%.4f", v.exposure()));
        for (Step s : v.steps()) {
            b.append(',').append(s.status());
        }
        b.append(',').append(String.join(";", v.drivers())).append(',').append(String.join(";", v.missing()));
        b.append(',').append(String.format(Locale.ROOT, "%.2f", v.coverage())).append(',')
                .append(String.join(";", v.stale()));
        return b.toString();
    }

    static void text(Verdict v, PrintStream out) {
        text(v, role -> null, out);
    }

    /**
     * The verdict for people: each evidence line with its numbers in their units
     * ({@link EvidenceText}).
     *
     * @param unitOfRole the unit of the series bound to a role (as its descriptor says), or null
     */
    static void text(Verdict v, Function<String, String> unitOfRole, PrintStream out) {
        out.printf(Locale.ROOT, "%s  %s  %s  tier %d  action %s  exposure %s  coverage %.0f%%%s%n", v.asOf(),
                v.regime(), v.riskOff() ? "RISK-OFF" : "not risk-off", v.tier(), v.action(),
                v.exposure() == null ? "-" : String.format(Locale.ROOT, "%.2fx", v.exposure()), v.coverage() * 100,
                v.decisionTime() == null ? "" : "  (decided " + v.decisionTime() + ")");
        out.println("drivers: " + (v.drivers().isEmpty() ? "none" : String.join(", ", v.drivers())));
        if (!v.missing().isEmpty()) {
            out.println("missing: " + String.join(", ", v.missing()));
        }
        if (!v.stale().isEmpty()) {
            out.println("stale: " + String.join(", ", v.stale()));
        }
        for (Step s : v.steps()) {
            out.printf(Locale.ROOT, "  %-12s %-7s %s%n", s.id(), s.status(), s.summary());
            for (Evidence e : s.evidence()) {
                EvidenceText.Cells c = EvidenceText.of(e, unitOfRole.apply(e.role()));
                out.printf(Locale.ROOT, "      %-22s %-34s %16s  vs %-20s %-22s %s%n", e.role(), c.indicator(),
                        c.value(), c.threshold(), EvidenceText.observed(e), e.rule());
            }
        }
    }

    /** The score as a table for people: the report's figures, then one line per episode. */
    static void score(Score.Report r, Score.Extra x, PrintStream out) {
        out.printf(Locale.ROOT, "score %s..%s: %d calendar days, %d equity trading days%n", x.from(), x.to(), x.days(),
                x.tradingDays());
        out.printf(Locale.ROOT, "  recall (risk-off days flagged)        %s%n", pct(r.recall()));
        out.printf(Locale.ROOT, "  false alarms (calm days flagged)      %s%n", pct(r.falseAlarmRate()));
        out.printf(Locale.ROOT, "  crypto-only days flagged risk-off     %s%n", pct(r.cryptoOnlyFlagged()));
        out.printf(Locale.ROOT, "  crypto-only days named CRYPTO_SPECIFIC %s%n", pct(r.cryptoOnlyNamed()));
        out.printf(Locale.ROOT, "  regime changes per year               %.1f%n", r.regimeChangesPerYear());
        out.printf(Locale.ROOT, "  risk-off onsets per year              %.1f%n", r.riskOffOnsetsPerYear());
        out.printf(Locale.ROOT, "  median risk-off spell (days)          %s%n", x.medianSpellDays() == null ? "-"
                : String.format(Locale.ROOT, "%.1f", x.medianSpellDays()));
        out.printf(Locale.ROOT, "  action inversions                     %d%n", r.actionInversions());
        Score.Exposure e = r.exposure();
        out.printf(Locale.ROOT, "  exposure back-test (%d days): Sharpe %s, 15%% vol target %s, buy-and-hold %s;"
                + " max drawdown %s, turnover %s/year%n", x.backtestDays(), num(e.sharpe()), num(e.volTargetSharpe()),
                num(e.buyHoldSharpe()), pct(e.maxDrawdown()), num(e.turnover()));
        out.println("  episodes:");
        for (Score.Episode p : r.episodes()) {
            out.printf(Locale.ROOT, "    %s..%s  %-11s %4d days  %4d hits (%s)  lead %s%n", p.start(), p.end(), p.kind(),
                    p.days(), p.hits(), p.days() == 0 ? "-" : pct(p.hits() / (double) p.days()),
                    p.leadDays() == null ? "-" : p.leadDays() + " days");
        }
    }

    private static String pct(Double d) {
        return d == null ? "-" : String.format(Locale.ROOT, "%.1f%%", d * 100);
    }

    private static String num(Double d) {
        return d == null ? "-" : String.format(Locale.ROOT, "%.2f", d);
    }

    static List<String> stepIds() {
        return List.of("macro", "leadership", "crypto", "correlation", "execution");
    }
}
