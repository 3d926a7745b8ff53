package io.tideline.views.desk.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.regime.api.Regime;
import io.tideline.views.desk.Fixtures;
import io.tideline.views.desk.Messages;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ReportBuilderTest {

    private static final String EVIL = "<script>alert('x')</script> & \"q\"";

    @Test
    void escapeReplacesTheFiveHtmlCharactersAndDropsControlCharacters() {
        assertThat(Html.escape("a<b>&\"c'\u0007d\n")).isEqualTo("a&lt;b&gt;&amp;&quot;c&#39;d\n");
        assertThat(Html.escape(null)).isEmpty();
    }

    @Test
    void everyStringFromDataIsEscaped() {
        String html = new ReportBuilder(Messages.of(Locale.ENGLISH)).build(new ReportBuilder.Input(
                Fixtures.verdict("2026-07-23", Regime.LIQUIDITY_SHOCK, EVIL), Fixtures.roles(),
                Fixtures.scenarios("2026-07-23", 0, EVIL), Fixtures.scenarios("2026-07-22", -0.05, EVIL),
                null, 0L));
        assertThat(html).doesNotContain("<script").doesNotContain("alert('x')");
        assertThat(html).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
        // The only tags are the report's own: no element opened by the data.
        assertThat(html.split("&lt;script&gt;", -1).length - 1).isGreaterThanOrEqualTo(6);
    }

    @Test
    void reportIsOneSelfContainedPageWithVerdictEvidenceAndScenarios() {
        String html = new ReportBuilder(Messages.of(Locale.ENGLISH)).build(new ReportBuilder.Input(
                Fixtures.verdict("2026-07-23", Regime.LIQUIDITY_SHOCK, ""), Fixtures.roles(),
                Fixtures.scenarios("2026-07-23", 0, ""), Fixtures.scenarios("2026-07-22", -0.05, ""), null, 0L));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<meta charset=\"utf-8\">").endsWith("</html>\n");
        assertThat(html).doesNotContain("<script").doesNotContain("<link").doesNotContain("src=");
        assertThat(html).contains("Liquidity shock", "Tier 4 of 5", "hedge");
        // Evidence is traced to its series and day.
        assertThat(html).contains("us10y = fred:DGS10 @ 2026-07-23", "btc = binance:BTCUSDT, ndx = yahoo:QQQ");
        // Odds, their change since the day before (0.45 vs 0.40: +5 points), and the weighted P&L:
        // 0.45 * -42000 + 0.35 * -18000 + 0.20 * 23000 = -20600.
        assertThat(html).contains("45%", "+5.0 pp", "Probability-weighted", "-20,600");
        assertThat(html).contains("What to watch", "funding below 0");
    }

    @Test
    void withoutScenariosTheReportSaysWhy() {
        String html = new ReportBuilder(Messages.of(Locale.GERMAN)).build(new ReportBuilder.Input(
                Fixtures.verdict("2026-07-23", Regime.NORMAL, ""), Fixtures.roles(), null, null,
                "no scenario service is running", 0L));
        assertThat(html).contains("lang=\"de\"", "Keine Szenarien: no scenario service is running", "Makro");
    }
}
