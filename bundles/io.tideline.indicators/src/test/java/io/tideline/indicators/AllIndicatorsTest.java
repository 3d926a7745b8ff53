package io.tideline.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideline.api.indicator.Indicator;
import io.tideline.api.indicator.IndicatorComputation;
import io.tideline.api.indicator.ParameterSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Contract checks every built-in indicator must pass: DS declaration, parameter checking,
 * chunked feeding, NaN at gaps and the count of unstable bars. The per-indicator tests check
 * values against independent references.
 */
class AllIndicatorsTest {

    private static final int[] GAPS = {100, 101, 500, 1500};

    static Stream<Indicator> indicators() {
        return Stream.of(new SimpleReturn(), new LogReturn(), new Sma(), new RollingStdDev(), new RealizedVol(),
                new EwmaVol(), new ParkinsonVol(), new Correlation(), new Beta(), new Drawdown(),
                new BarsUnderWater(), new ZScoreChange(), new TrendSlope(), new Rsi(), new VolTargetExposure(),
                new LeadershipRatio(), new BreadthAboveMa(), new BreadthAtLow(), new LevelZScore(),
                new OiPriceDivergence(), new LiquidationPressure(), new TrendAgreement(), new CompressionWarning(),
                new SimpleReturnPct(), new DrawdownPct(), new ChangeBp(), new Level(), new ReturnSigma(),
                new LiquidationFlush(), new LiquidationSqueeze(), new EwmaCorrelation(), new EwmaBeta());
    }

    static Stream<Indicator> baskets() {
        return indicators().filter(indicator -> indicator.spec().variadic());
    }

    /**
     * Real inputs for an indicator's slots: BTC closes, BTC high/low, BTC and QQQ closes (two
     * slots, or the two members of a basket, both with the gaps: a basket's output is missing
     * only where no member is valid), or the five compression-warning inputs.
     */
    private record Case(long[] times, double[][] inputs) {

        static Case of(Indicator indicator, int... gaps) {
            List<String> slots = indicator.spec().inputs();
            if (slots.equals(List.of("high", "low"))) {
                SampleData.Bars btc = SampleData.btc();
                return new Case(btc.times(), new double[][] {SampleData.withGaps(btc.high(), gaps), btc.low()});
            }
            if (indicator.spec().variadic()) {
                SampleData.Pair pair = SampleData.btcAndQqqCloses();
                return new Case(pair.times(), new double[][] {SampleData.withGaps(pair.a(), gaps),
                    SampleData.withGaps(pair.b(), gaps)});
            }
            if (slots.size() == 5) {
                SampleData.Table macro = SampleData.compressionInputs();
                double[][] columns = macro.columns().clone();
                columns[0] = SampleData.withGaps(columns[0], gaps);
                return new Case(macro.times(), columns);
            }
            if (slots.size() == 2) {
                SampleData.Pair pair = SampleData.btcAndQqqCloses();
                return new Case(pair.times(), new double[][] {SampleData.withGaps(pair.a(), gaps), pair.b()});
            }
            SampleData.Bars btc = SampleData.btc();
            return new Case(btc.times(), new double[][] {SampleData.withGaps(btc.close(), gaps)});
        }
    }

    @Test
    void idsAreUnique() {
        Set<String> ids = new HashSet<>();
        indicators().forEach(indicator -> assertThat(ids.add(indicator.spec().id())).isTrue());
        assertThat(ids).hasSize(32);
    }

    @ParameterizedTest
    @MethodSource("baskets")
    void aBasketTakesAnyNumberOfMembersFixedByTheFirstCall(Indicator indicator) {
        SampleData.Table closes = SampleData.commonCloses(SampleData.yahoo("SPY"), SampleData.yahoo("QQQ"),
                SampleData.yahoo("IGV"), SampleData.yahoo("GLD"), SampleData.yahoo("DXY"));
        double[][] members = closes.columns().clone();
        members[2] = SampleData.withGaps(members[2], 300, 301);
        Harness.assertChunkingDoesNotMatter(indicator, Map.of(), closes.times(), members);
        double[] out = Harness.run(indicator, Map.of(), closes.times(), members);
        assertThat(out[out.length - 1]).isBetween(0.0, 1.0);
        IndicatorComputation computation = indicator.start(Map.of());
        double[] bar = new double[1];
        computation.append(new long[] {1}, new double[][] {{1}, {2}, {3}}, 0, 1, bar);
        assertThatThrownBy(() -> computation.append(new long[] {2}, new double[][] {{1}, {2}}, 0, 1, bar))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected 3 input columns").hasMessageContaining("got 2");
        assertThatThrownBy(() -> indicator.start(Map.of()).append(new long[] {1}, new double[0][], 0, 1, bar))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 input columns");
    }

    @ParameterizedTest
    @MethodSource("indicators")
    void isADeclarativeServicesComponentNamedForItsId(Indicator indicator) throws IOException {
        String id = indicator.spec().id();
        Path xml = Path.of("target/classes/OSGI-INF/io.tideline.indicators." + id + ".xml");
        assertThat(xml).as("component descriptor bnd writes from @Component").isRegularFile();
        String descriptor = Files.readString(xml);
        assertThat(descriptor)
                .contains("<provide interface=\"io.tideline.api.indicator.Indicator\"/>")
                .contains("<implementation class=\"" + indicator.getClass().getName() + "\"/>")
                .contains("<property name=\"indicator.id\" type=\"String\" value=\"" + id + "\"/>");
    }

    @ParameterizedTest
    @MethodSource("indicators")
    void chunkedFeedingEqualsOnePassAndGapsGiveNaN(Indicator indicator) {
        Case c = Case.of(indicator, GAPS);
        Harness.assertChunkingDoesNotMatter(indicator, Map.of(), c.times(), c.inputs());
        double[] out = Harness.run(indicator, Map.of(), c.times(), c.inputs());
        for (int gap : GAPS) {
            assertThat(out[gap]).as("output at the gap at %d", gap).isNaN();
        }
        assertThat(out[out.length - 1]).as("output long after the gaps").isFinite();
    }

    @ParameterizedTest
    @MethodSource("indicators")
    void unstableBarsAreExactlyTheLeadingUndefinedOutputs(Indicator indicator) {
        Case c = Case.of(indicator);
        int unstable = indicator.start(Map.of()).unstableBars();
        double[] out = Harness.run(indicator, Map.of(), c.times(), c.inputs());
        for (int i = 0; i < unstable; i++) {
            assertThat(out[i]).as("output %d of %d unstable", i, unstable).isNaN();
        }
        assertThat(out[unstable]).as("first stable output, at %d", unstable).isFinite();
    }

    @ParameterizedTest
    @MethodSource("indicators")
    void rejectsAnUnknownParameterNamingIt(Indicator indicator) {
        assertThatThrownBy(() -> indicator.start(Map.of("windw", 3.0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'windw'").hasMessageContaining("3.0")
                .hasMessageContaining(indicator.spec().id());
    }

    @ParameterizedTest
    @MethodSource("indicators")
    void rejectsEveryParameterOutsideItsBoundsNamingValueAndBounds(Indicator indicator) {
        for (ParameterSpec p : indicator.spec().parameters()) {
            for (double bad : new double[] {p.min() - 1, p.max() + 1, Double.NaN}) {
                assertThatThrownBy(() -> indicator.start(Map.of(p.name(), bad)))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("'" + p.name() + "'")
                        .hasMessageContaining(String.valueOf(bad))
                        .hasMessageContaining("[" + p.min() + ", " + p.max() + "]");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("indicators")
    void acceptsDefaultsAndBoundsAndRejectsFractionsOfWholeNumbers(Indicator indicator) {
        assertThatCode(() -> indicator.start(Map.of())).doesNotThrowAnyException();
        for (ParameterSpec p : indicator.spec().parameters()) {
            assertThat(p.defaultValue()).isBetween(p.min(), p.max());
            assertThatCode(() -> indicator.start(Map.of(p.name(), p.min()))).doesNotThrowAnyException();
            assertThatCode(() -> indicator.start(Map.of(p.name(), p.max()))).doesNotThrowAnyException();
            if (p.description().contains("whole number")) {
                assertThatThrownBy(() -> indicator.start(Map.of(p.name(), p.min() + 0.5)))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("'" + p.name() + "'").hasMessageContaining("whole number");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("indicators")
    void rejectsTimesThatDoNotIncreaseAcrossCalls(Indicator indicator) {
        IndicatorComputation computation = indicator.start(Map.of());
        int slots = indicator.spec().inputs().size();
        double[][] inputs = new double[slots][];
        for (int k = 0; k < slots; k++) {
            inputs[k] = new double[] {1, 2};
        }
        double[] out = new double[2];
        computation.append(new long[] {10, 20}, inputs, 0, 2, out);
        assertThatThrownBy(() -> computation.append(new long[] {20, 30}, inputs, 0, 1, out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index 0 is 20");
        assertThatThrownBy(() -> computation.append(new long[] {1, 2}, new double[slots + 1][2], 0, 2, out))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("input columns");
    }
}
