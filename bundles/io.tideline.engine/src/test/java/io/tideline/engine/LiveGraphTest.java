package io.tideline.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.api.indicator.Indicator;
import io.tideline.api.indicator.IndicatorNode;
import io.tideline.api.indicator.IndicatorResult;
import io.tideline.api.series.AssetClass;
import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesDescriptor;
import io.tideline.api.series.SeriesId;
import io.tideline.api.series.SeriesKind;
import io.tideline.api.series.Timeframe;
import io.tideline.indicators.Correlation;
import io.tideline.indicators.RollingStdDev;
import io.tideline.indicators.Sma;
import io.tideline.store.derby.ChunkedSeriesStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live path against the full recompute, on the real store (embedded Derby on disk) and real
 * BTC and QQQ closes fed in random chunks: incremental results must equal a fresh evaluation.
 */
class LiveGraphTest {

    private static final Path DATA = Path.of("../../product/src/dist/data/sample").toAbsolutePath().normalize();
    private static final SeriesId BTC = SeriesId.parse("binance:BTCUSDT");
    private static final SeriesId QQQ = SeriesId.parse("yahoo:QQQ");
    private static final Map<String, Indicator> INSTALLED = Map.of("sma", new Sma(), "rolling-stdev",
            new RollingStdDev(), "correlation", new Correlation());
    private static final List<IndicatorNode> GRAPH = List.of(
            new IndicatorNode("btc.sma20", "sma", Map.of("window", 20.0), List.of("btc")),
            new IndicatorNode("btc.sma20.stdev10", "rolling-stdev", Map.of("window", 10.0), List.of("btc.sma20")),
            new IndicatorNode("btc.qqq.corr30", "correlation", Map.of("window", 30.0), List.of("btc", "qqq")));

    @TempDir
    Path dir;

    private ChunkedSeriesStore store;
    private final ExecutorService executor = Executors.newCachedThreadPool();

    @BeforeEach
    void open() throws Exception {
        store = ChunkedSeriesStore.openEmbedded(dir.resolve("db"));
    }

    @AfterEach
    void close() {
        executor.shutdownNow();
        ChunkedSeriesStore.shutdownEmbedded(dir.resolve("db"));
    }

    private static SeriesId resolve(String input) {
        return switch (input) {
            case "btc" -> BTC;
            case "qqq" -> QQQ;
            default -> throw new IllegalArgumentException("unbound " + input);
        };
    }

    /** Date,close pairs of a CSV whose first column is a date or epoch ms and close is column {@code col}. */
    private static SeriesData closes(Path file, int col) throws Exception {
        List<String> lines = Files.readAllLines(file).subList(1, Files.readAllLines(file).size());
        long[] t = new long[lines.size()];
        double[] v = new double[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            String[] c = lines.get(i).split(",");
            t[i] = c[0].contains("-") ? LocalDate.parse(c[0]).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli()
                    : Long.parseLong(c[0]);
            v[i] = Double.parseDouble(c[col]);
        }
        return SeriesData.ofValues(t, v);
    }

    private static SeriesData slice(SeriesData d, int from, int to) {
        return SeriesData.ofValues(Arrays.copyOfRange(d.copyTimes(), from, to),
                Arrays.copyOfRange(d.copyColumn(d.primary()), from, to));
    }

    private void write(SeriesId id, SeriesData d) throws Exception {
        store.upsert(new SeriesDescriptor(id, id.toString(), "USD", SeriesKind.PRICE, AssetClass.CRYPTO, Timeframe.D1), d);
    }

    private Map<String, Evaluator.NodeResult> full() {
        Evaluator e = new Evaluator(INSTALLED::get, input -> {
            SeriesData d = store.read(resolve(input), Long.MIN_VALUE, Long.MAX_VALUE);
            return new Aligned(d.copyTimes(), new double[][] {d.copyColumn(d.primary())});
        }, executor, Duration.ofSeconds(30));
        return e.evaluate(IndicatorGraph.of(GRAPH));
    }

    private void assertSameAsFull(LiveGraph live) {
        Map<String, Evaluator.NodeResult> expected = full();
        for (IndicatorNode node : GRAPH) {
            IndicatorResult got = live.results().get(node.name());
            Evaluator.NodeResult want = expected.get(node.name());
            assertThat(got.error()).as(node.name()).isNull();
            assertThat(got.output().copyTimes()).as(node.name() + " times").containsExactly(want.times());
            double[] values = got.output().copyColumn(got.output().primary());
            for (int i = 0; i < values.length; i++) {
                double a = values[i];
                double b = want.values()[i];
                if (Double.isNaN(b)) {
                    assertThat(a).as(node.name() + " at " + i).isNaN();
                } else {
                    assertThat(Math.abs(a - b)).as(node.name() + " at " + i + ": " + a + " vs " + b)
                            .isLessThanOrEqualTo(1e-12 * Math.max(1, Math.abs(b)));
                }
            }
        }
    }

    @Test
    void appendingInRandomChunksGivesTheFullRecomputeAndRevisionsRecompute() throws Exception {
        SeriesData btc = closes(DATA.resolve("binance/BTCUSDT_1d.csv"), 4);
        SeriesData qqq = closes(DATA.resolve("yahoo/QQQ.csv"), 1);
        write(BTC, slice(btc, 0, 100));
        write(QQQ, slice(qqq, 0, 100));
        LiveGraph live = new LiveGraph(IndicatorGraph.of(GRAPH), INSTALLED::get, LiveGraphTest::resolve,
                (id, from, to) -> store.read(id, from, to), executor, Duration.ofSeconds(30), () -> { });
        assertSameAsFull(live);

        Random random = new Random(3);
        int b = 100;
        int q = 100;
        while (b < btc.size() || q < qqq.size()) {
            boolean pickBtc = q >= qqq.size() || (b < btc.size() && random.nextBoolean());
            SeriesData full = pickBtc ? btc : qqq;
            int at = pickBtc ? b : q;
            int n = Math.min(full.size() - at, 1 + random.nextInt(random.nextInt(10) == 0 ? 400 : 12));
            SeriesData chunk = slice(full, at, at + n);
            write(pickBtc ? BTC : QQQ, chunk);
            live.appended(pickBtc ? BTC : QQQ, chunk.firstTime(), chunk.lastTime());
            if (pickBtc) {
                b += n;
            } else {
                q += n;
            }
        }
        assertSameAsFull(live);
        assertThat(live.results().get("btc.sma20").output().size()).isEqualTo(btc.size());

        // A feed fetching its last bar again, unchanged: nothing to do.
        long revision = live.revision();
        write(BTC, slice(btc, btc.size() - 1, btc.size()));
        live.appended(BTC, btc.lastTime(), btc.lastTime());
        assertThat(live.revision()).isEqualTo(revision);

        // A revised bar in the middle: the nodes reading BTC start over and agree with a fresh run.
        long t = btc.time(1000);
        write(BTC, SeriesData.ofValues(new long[] {t}, new double[] {btc.value(1000) * 1.5}));
        live.appended(BTC, t, t);
        assertThat(live.revision()).isGreaterThan(revision);
        assertSameAsFull(live);
    }

    @Test
    void aSpinningPluginFailsAloneInTheLivePathToo() throws Exception {
        write(BTC, closes(DATA.resolve("binance/BTCUSDT_1d.csv"), 4));
        Map<String, Indicator> installed = Map.of("sma", new Sma(), "spins", new EvaluatorTest.Spinning());
        LiveGraph live = new LiveGraph(IndicatorGraph.of(List.of(
                new IndicatorNode("ok", "sma", Map.of(), List.of("btc")),
                new IndicatorNode("stuck", "spins", Map.of(), List.of("btc")))), installed::get, LiveGraphTest::resolve,
                (id, from, to) -> store.read(id, from, to), executor, Duration.ofMillis(200), () -> { });
        assertThat(live.results().get("stuck").error()).contains("ran past its limit of 200 ms");
        assertThat(live.results().get("ok").failed()).isFalse();
    }

    @Test
    void aMissingInputIsAnErrorUntilItsDataArrives() throws Exception {
        write(BTC, closes(DATA.resolve("binance/BTCUSDT_1d.csv"), 4));
        LiveGraph live = new LiveGraph(IndicatorGraph.of(GRAPH), INSTALLED::get, LiveGraphTest::resolve,
                (id, from, to) -> store.read(id, from, to), executor, Duration.ofSeconds(30), () -> { });
        assertThat(live.results().get("btc.sma20").failed()).isFalse();
        assertThat(live.results().get("btc.qqq.corr30").error()).contains("unknown series yahoo:QQQ");

        SeriesData qqq = closes(DATA.resolve("yahoo/QQQ.csv"), 1);
        write(QQQ, qqq);
        live.appended(QQQ, qqq.firstTime(), qqq.lastTime());
        assertSameAsFull(live);
    }
}
