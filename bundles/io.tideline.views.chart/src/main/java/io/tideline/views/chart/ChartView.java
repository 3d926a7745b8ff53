package io.tideline.views.chart;

import io.tideline.api.indicator.IndicatorResult;
import io.tideline.api.series.Field;
import io.tideline.api.series.Resampler;
import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesId;
import io.tideline.api.series.Timeframe;
import io.tideline.api.ui.ViewContext;
import io.tideline.regime.api.Regime;
import io.tideline.regime.api.Verdict;
import io.tideline.views.chart.kit.Layer;
import io.tideline.views.chart.kit.Pane;
import io.tideline.views.chart.kit.PaneGroup;
import io.tideline.views.chart.kit.PaneSpec;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.RowData;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.swt.widgets.Text;

/**
 * The "Chart" view: series on a price pane, volume and indicator panes below, on one time axis.
 * Several series are rebased to 100 at the first visible bar and read as % change: on one axis
 * their moves compare directly, which is the question a cross-asset chart answers (did BTC fall
 * more than the S&P?); separate y-axes would let two unrelated scales cross where nothing
 * happened, and do not scale past two series. One series shows its price, as candles when it has
 * OHLC. Regime bands from the checklist's replay of the visible days are shaded behind. As of a
 * pinned day (see {@link ViewBase}) the series and indicators end at that day.
 *
 * <p>Settings: {@code series} (default {@code btc,spx}), {@code indicators} (e.g.
 * {@code sma(50):btc; rsi(14):btc}), {@code range} (a preset or {@code YYYY-MM-DD..YYYY-MM-DD}),
 * {@code scale} ({@code linear}/{@code log}), {@code timeframe} ({@code 1h}/{@code 4h}/{@code 1d}/
 * {@code 1w}: longer bars by {@link io.tideline.api.series.Resampler}, weeks from Monday 00:00 UTC
 * as the engine's), {@code style} ({@code line}/{@code candles}).
 */
final class ChartView extends ViewBase<ChartView.Loaded> {

    static final String ID = "io.tideline.views.chart";

    /** A series as shown: its bars in {@code unit}, and its stale note or null. */
    record Shown(String key, SeriesId id, SeriesData data, SeriesUnit unit, String stale) {
    }

    record Loaded(List<Shown> series, List<IndicatorText.Entry> entries, Map<String, IndicatorResult> results,
            List<String> problems) {
    }

    private final Text seriesText;
    private final Text indicatorsText;
    private final Combo timeframe;
    private final ToolItem candles;
    private final ToolItem log;
    /** The user's style choice for one OHLC series; several series are always lines. */
    private boolean candlesWanted;
    /** Regimes by day, known for regimeFrom..regimeTo; cleared when a load brings new data. */
    private final TreeMap<Long, Regime> regimes = new TreeMap<>();
    private long regimeFrom = Long.MAX_VALUE;
    private long regimeTo = Long.MIN_VALUE;
    private boolean regimeBusy;
    /** Counts loads shown: a replay started before the latest one is stale. */
    private int regimeGeneration;

    ChartView(Composite parent, ViewContext context, ChartData data) {
        super(parent, context, data);
        // No labels before the fields: their hint text and tooltip say what they are, and the
        // toolbar fits on one line at ~780 px.
        seriesText = new Text(toolbar, SWT.BORDER | SWT.SINGLE);
        seriesText.setText(setting("series", "btc,spx"));
        seriesText.setMessage(msg.get("series"));
        seriesText.setToolTipText(msg.get("series") + ": " + msg.get("series.tip"));
        seriesText.setLayoutData(new RowData(110, SWT.DEFAULT));
        seriesText.addListener(SWT.DefaultSelection, e -> {
            saveSetting("series", seriesText.getText().trim());
            reload();
        });
        indicatorsText = new Text(toolbar, SWT.BORDER | SWT.SINGLE);
        indicatorsText.setText(setting("indicators", ""));
        indicatorsText.setMessage(msg.get("indicators"));
        indicatorsText.setToolTipText(msg.get("indicators") + ": " + msg.get("indicators.tip"));
        indicatorsText.setLayoutData(new RowData(140, SWT.DEFAULT));
        indicatorsText.addListener(SWT.DefaultSelection, e -> {
            saveSetting("indicators", indicatorsText.getText().trim());
            reload();
        });
        timeframe = new Combo(toolbar, SWT.READ_ONLY);
        timeframe.setItems("1h", "4h", "1d", "1w");
        timeframe.setText(setting("timeframe", "1d"));
        if (timeframe.getSelectionIndex() < 0) {
            timeframe.select(2);
        }
        timeframe.setToolTipText(msg.get("timeframe.tip"));
        timeframe.addListener(SWT.Selection, e -> {
            saveSetting("timeframe", timeframe.getText());
            reload();
        });
        candlesWanted = "candles".equals(setting("style", "candles"));
        candles = new ToolItem(tools(), SWT.CHECK);
        candles.setText(msg.get("candles"));
        candles.setToolTipText(msg.get("candles.tip"));
        candles.setSelection(candlesWanted);
        candles.addListener(SWT.Selection, e -> setCandles(candles.getSelection()));
        log = new ToolItem(tools(), SWT.CHECK);
        log.setText(msg.get("log"));
        log.setToolTipText(msg.get("log.tip"));
        log.setSelection("log".equals(setting("scale", "linear")));
        log.addListener(SWT.Selection, e -> setLog(log.getSelection()));
        addPresets();
        group.crosshairExtra(this::regimeAt);
        reload();
    }

    /** Switches the price scale, saved as {@code scale}. */
    void setLog(boolean on) {
        log.setSelection(on);
        saveSetting("scale", on ? "log" : "linear");
        Pane price = price();
        if (price != null) {
            price.log(on);
            group.setRange(group.lower(), group.upper());
        }
    }

    /** Switches candles (one series with OHLC) or lines, saved as {@code style}. */
    void setCandles(boolean on) {
        candlesWanted = on;
        candles.setSelection(on && candles.getEnabled());
        saveSetting("style", on ? "candles" : "line");
        Pane price = price();
        if (price != null && !price.layers().isEmpty()) {
            Layer first = price.layers().get(0);
            price.style(first, on && !price.normalised() ? Layer.Style.CANDLES : Layer.Style.LINE);
            group.setRange(group.lower(), group.upper());
        }
    }

    /** Applies series text as if typed and confirmed (for tests and programmatic use). */
    void setSeries(String text) {
        seriesText.setText(text);
        saveSetting("series", text.trim());
        reload();
    }

    /** The price pane (the first), or {@code null} before the first load. */
    Pane price() {
        List<Pane> panes = group.panes();
        return panes.isEmpty() ? null : panes.get(0);
    }

    @Override
    Loaded load(AsOf at) {
        List<String> problems = new ArrayList<>();
        Timeframe tf;
        try {
            tf = Timeframe.parse(setting("timeframe", "1d"));
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            tf = Timeframe.D1;
        }
        List<Shown> shown = new ArrayList<>();
        for (String raw : setting("series", "btc,spx").split(",")) {
            String key = raw.trim();
            if (key.isEmpty()) {
                continue;
            }
            Optional<SeriesId> id;
            try {
                id = data.resolve(key);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
                continue;
            }
            if (id.isEmpty()) {
                problems.add(msg.get("nodata.role", key));
                continue;
            }
            SeriesData d;
            try {
                d = data.read(id.get(), at.until());
            } catch (Exception e) {
                problems.add(msg.get("error.load", key, e.getMessage()));
                continue;
            }
            if (d.isEmpty()) {
                problems.add(at.pinned() == null ? msg.get("nodata.series", key + " (" + id.get() + ")")
                        : msg.get("nodata.series.asof", key + " (" + id.get() + ")", at.day().toString()));
                continue;
            }
            Timeframe natural = data.timeframe(id.get()).orElseGet(() -> Resampler.inferTimeframe(d));
            SeriesData bars = d;
            if (tf.millis() < natural.millis()) {
                problems.add(msg.get("no.hourly", tf.label(), key, natural.label()));
            } else if (tf.millis() > natural.millis()) {
                bars = Resampler.resample(d, tf);
            }
            SeriesUnit unit = unit(id.get());
            shown.add(new Shown(key, id.get(), unit.apply(bars), unit, stale(key, id.get(), d, at)));
        }
        if (shown.isEmpty() && problems.isEmpty()) {
            problems.add(msg.get("nodata.any"));
        }
        IndicatorText.Parsed parsed = IndicatorText.parse(setting("indicators", ""), data::indicator);
        problems.addAll(parsed.errors());
        Map<String, IndicatorResult> results = Map.of();
        if (!parsed.entries().isEmpty()) {
            try {
                results = data.evaluate(parsed.entries().stream().map(IndicatorText.Entry::node).toList(), at.until());
            } catch (IllegalStateException e) {
                problems.add(msg.get("no.engine"));
            } catch (IllegalArgumentException e) {
                problems.add(msg.get("error.indicator", setting("indicators", ""), e.getMessage()));
            }
            for (IndicatorResult r : results.values()) {
                if (r.failed()) {
                    problems.add(msg.get("error.indicator", r.node(), r.error()));
                }
            }
        }
        return new Loaded(shown, parsed.entries(), results, problems);
    }

    /** The Candles toggle: enabled, pressed (for tests). */
    boolean[] candlesToggle() {
        return new boolean[] {candles.getEnabled(), candles.getSelection()};
    }

    @Override
    List<String> build(Loaded model) {
        List<String> problems = new ArrayList<>(model.problems());
        watched.clear();
        boolean several = model.series().size() > 1;
        // One series: its own unit names the axis (USD, %, index); several: "% chg".
        String unitTitle = model.series().size() == 1 ? model.series().get(0).unit().label() : "";
        PaneSpec price = pane(msg.get("pane.price"), unitTitle.isEmpty() ? msg.get("axis.price") : unitTitle, 60, 0);
        // Candles are for one series with OHLC; several series are compared as lines of % change,
        // so the toggle is off and greyed then (the saved choice comes back with one series).
        boolean ohlc = !model.series().isEmpty() && model.series().get(0).data().has(Field.HIGH);
        candles.setEnabled(!several && ohlc);
        candles.setSelection(candlesWanted && !several && ohlc);
        candles.setToolTipText(msg.get(several ? "candles.several" : "candles.tip"));
        price.normalised(several, msg.get("axis.percent"));
        price.log(log.getSelection());
        int colour = 0;
        Shown withVolume = null;
        Map<String, Integer> levelAxes = new java.util.LinkedHashMap<>();
        for (Shown s : model.series()) {
            watched.add(s.id().toString());
            String label = s.key().equals(s.id().toString()) ? s.key() : s.key() + " (" + s.id() + ")";
            Layer.Style style = candlesWanted && !several ? Layer.Style.CANDLES : Layer.Style.LINE;
            Layer layer = new Layer(s.key(), label, s.data(), style, Palette.line(colour++)).unit(s.unit().label())
                    .stale(s.stale());
            if (several && s.unit().level()) {
                // A yield's % change means nothing (4.0 -> 4.2 is "+5%"): levels keep their own
                // axis on the right, in their unit.
                String title = msg.get("axis.level", s.unit().label().isEmpty() ? s.key() : s.unit().label());
                layer.yAxis(levelAxes.computeIfAbsent(title, price::secondaryAxis));
            } else {
                layer.rebase(true);
            }
            price.add(layer);
            if (withVolume == null && hasVolume(s.data())) {
                withVolume = s;
            }
        }
        List<IndicatorText.Entry> below = new ArrayList<>();
        for (IndicatorText.Entry e : model.entries()) {
            IndicatorResult r = model.results().get(e.node().name());
            if (r == null || r.failed() || r.output().isEmpty()) {
                continue;
            }
            Layer input = e.node().inputs().isEmpty() ? null : price.find(e.node().inputs().get(0));
            if (e.overlay() && input != null) {
                price.add(new Layer(e.node().name(), e.node().name(), r.output(), Layer.Style.LINE, Palette.line(colour++))
                        .rebaseLike(input));
            } else {
                below.add(e);
            }
        }
        if (withVolume != null) {
            // Volume is the first thing to go when the view is short (rank 2).
            PaneSpec volume = pane(msg.get("volume.of", withVolume.key()), msg.get("axis.volume"), 15, 2);
            SeriesData v = SeriesData.ofValues(withVolume.data().copyTimes(), withVolume.data().copyColumn(Field.VOLUME));
            volume.add(new Layer(withVolume.key() + ".volume", msg.get("volume.of", withVolume.key()), v,
                    Layer.Style.BARS, Palette.VOLUME));
        }
        if (!below.isEmpty()) {
            PaneSpec ind = pane(msg.get("pane.indicators"), "", 25, 1);
            for (IndicatorText.Entry e : below) {
                ind.add(new Layer(e.node().name(), e.node().name(), model.results().get(e.node().name()).output(),
                        Layer.Style.LINE, Palette.line(colour++)));
            }
        }
        if (model.series().isEmpty()) {
            price.message(problems.isEmpty() ? msg.get("nodata.any") : problems.get(0));
        }
        group.crosshairExtra(this::regimeAt);
        // New data may change any day's verdict: forget them (the bands shown stay until the
        // replay of the visible days, started by afterRange, replaces them).
        regimes.clear();
        regimeFrom = Long.MAX_VALUE;
        regimeTo = Long.MIN_VALUE;
        regimeGeneration++;
        return problems;
    }

    /**
     * Whether a series has volume worth a pane: a traded amount on at least half of its last 250
     * bars (an index's zeros are none, nor are DXY's two stray 2015 volumes among 3,000 zeros).
     */
    static boolean hasVolume(SeriesData d) {
        if (!d.has(Field.VOLUME)) {
            return false;
        }
        int from = Math.max(0, d.size() - 250);
        int traded = 0;
        for (int i = from; i < d.size(); i++) {
            if (d.get(Field.VOLUME, i) > 0) {
                traded++;
            }
        }
        return traded > 0 && 2 * traded >= d.size() - from;
    }

    private String regimeAt(long t) {
        Map.Entry<Long, Regime> e = regimes.floorEntry(t);
        if (e == null || t - e.getKey() >= 86_400_000L) {
            return null;
        }
        return msg.get("regime", msg.get("regime." + e.getValue().name()));
    }

    /** Replays the checklist over visible days not yet known, in the background. */
    @Override
    void afterRange() {
        Pane price = price();
        if (!group.hasData() || price == null || price.layers().isEmpty()) {
            // Nothing to shade (no series): drop bands of an earlier load.
            if (!group.bands().isEmpty()) {
                group.bands(List.of());
            }
            return;
        }
        if (regimeBusy) {
            return;
        }
        long lo = group.lower();
        long hi = group.upper();
        if (lo >= regimeFrom && hi <= regimeTo) {
            return;
        }
        long from = Math.min(lo, regimeFrom);
        long to = Math.max(hi, regimeTo);
        LocalDate d0 = LocalDate.ofEpochDay(Math.floorDiv(from, 86_400_000L));
        LocalDate d1 = LocalDate.ofEpochDay(Math.floorDiv(to, 86_400_000L));
        regimeBusy = true;
        int generation = regimeGeneration;
        background.run("regime", () -> data.replay(d0, d1), verdicts -> {
            regimeBusy = false;
            if (generation != regimeGeneration) {
                // Replayed over older data: ask again for the range shown now.
                afterRange();
                return;
            }
            if (verdicts.isEmpty()) {
                // No checklist: nothing to shade; remember the span so panning does not retry.
                regimeFrom = from;
                regimeTo = to;
                return;
            }
            for (Verdict v : verdicts.get()) {
                regimes.put(v.day().atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(), v.regime());
            }
            regimeFrom = from;
            regimeTo = to;
            group.bands(bands(regimes));
            afterRange();
        }, e -> {
            regimeBusy = false;
            problems(List.of(msg.get("error.load", "checklist", String.valueOf(e.getMessage()))));
        });
    }

    /** Runs of equal regime on consecutive days, one band each (normal days unshaded). */
    List<PaneGroup.Band> bands(TreeMap<Long, Regime> byDay) {
        List<PaneGroup.Band> out = new ArrayList<>();
        long start = 0;
        long end = 0;
        Regime current = null;
        for (Map.Entry<Long, Regime> e : byDay.entrySet()) {
            long day = e.getKey();
            if (current != null && (e.getValue() != current || day > end)) {
                addBand(out, start, end, current);
                current = null;
            }
            if (current == null) {
                current = e.getValue();
                start = day;
            }
            end = day + 86_400_000L;
        }
        if (current != null) {
            addBand(out, start, end, current);
        }
        return out;
    }

    private void addBand(List<PaneGroup.Band> out, long start, long end, Regime regime) {
        Color c = Palette.regime(regime);
        if (c != null) {
            // The label is what the bands' legend in the price pane says.
            out.add(new PaneGroup.Band(start, end, c, msg.get("regime." + regime.name())));
        }
    }
}
