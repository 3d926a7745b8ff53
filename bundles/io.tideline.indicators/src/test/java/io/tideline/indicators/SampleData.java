package io.tideline.indicators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The real daily series in the sample workspace ({@code product/src/dist/data/sample} in the repository), read with plain Java.
 * Surefire runs with the module folder as working directory, so the files are three levels up.
 */
public final class SampleData {

    /** One daily series: epoch-ms times and price columns. */
    public record Bars(long[] times, double[] close, double[] high, double[] low) {

        public int size() {
            return times.length;
        }
    }

    /** Two series joined on their common days. */
    public record Pair(long[] times, double[] a, double[] b) {
    }

    /** One column of a file by time, ascending; NaN where the file has an empty value. */
    public record Series(long[] times, double[] values) {
    }

    /** Several series on common days: {@code columns[k]} is the k-th series. */
    public record Table(long[] times, double[][] columns) {
    }

    private static final Path DATA = Path.of("").toAbsolutePath().resolve("../../product/src/dist/data/sample").normalize();
    private static Bars btc;
    private static Bars qqq;

    private SampleData() {
    }

    /** Binance BTCUSDT daily bars (24/7, 2017 on). */
    public static synchronized Bars btc() {
        if (btc == null) {
            // open_time,open,high,low,close,...
            btc = read("binance/BTCUSDT_1d.csv", "open_time", 4, 2, 3, SampleData::epochMillis);
        }
        return btc;
    }

    /** Yahoo QQQ daily bars (trading days, 2014 on). */
    public static synchronized Bars qqq() {
        if (qqq == null) {
            // Date,Close,High,Low,Open,Volume
            qqq = read("yahoo/QQQ.csv", "Date", 1, 2, 3, SampleData::isoDate);
        }
        return qqq;
    }

    /** Yahoo daily bars of {@code symbol} (SPY, QQQ, IGV, GLD, DXY: trading days, 2014 on). */
    public static Bars yahoo(String symbol) {
        return read("yahoo/" + symbol + ".csv", "Date", 1, 2, 3, SampleData::isoDate);
    }

    /**
     * The column {@code value} of a CSV file with ISO dates in {@code date}, keeping only rows
     * whose column {@code filter} equals {@code wanted} when {@code filter} is not null; sorted
     * by date. Columns are found by name.
     */
    public static Series column(String name, String date, String value, String filter, String wanted) {
        List<String> lines = lines(name);
        List<String> header = List.of(lines.get(0).split(","));
        int d = header.indexOf(date);
        int v = header.indexOf(value);
        int f = filter == null ? -1 : header.indexOf(filter);
        if (d < 0 || v < 0 || (filter != null && f < 0)) {
            throw new IllegalStateException(name + ": no column " + date + ", " + value + " or " + filter);
        }
        java.util.TreeMap<Long, Double> rows = new java.util.TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (f >= 0 && !cells[f].equals(wanted)) {
                continue;
            }
            rows.put(isoDate(cells[d]), cells[v].isBlank() ? Double.NaN : Double.parseDouble(cells[v]));
        }
        long[] times = rows.keySet().stream().mapToLong(Long::longValue).toArray();
        double[] values = rows.values().stream().mapToDouble(Double::doubleValue).toArray();
        return new Series(times, values);
    }

    /**
     * The series on the times of {@code base} where every other series has a value at or before
     * that time (its last one, "as of" the day: weekly data repeats through the week) and the
     * exact-time series {@code base} is not NaN.
     */
    public static Table asOf(Series base, Series... others) {
        int n = base.times().length;
        long[] times = new long[n];
        double[][] columns = new double[others.length + 1][n];
        int[] pos = new int[others.length];
        int kept = 0;
        rows:
        for (int i = 0; i < n; i++) {
            long t = base.times()[i];
            double[] row = new double[others.length + 1];
            row[0] = base.values()[i];
            for (int k = 0; k < others.length; k++) {
                long[] ts = others[k].times();
                while (pos[k] < ts.length && ts[pos[k]] <= t) {
                    pos[k]++;
                }
                if (pos[k] == 0) {
                    continue rows;
                }
                row[k + 1] = others[k].values()[pos[k] - 1];
            }
            if (Double.isNaN(row[0])) {
                continue;
            }
            times[kept] = t;
            for (int k = 0; k < row.length; k++) {
                columns[k][kept] = row[k];
            }
            kept++;
        }
        for (int k = 0; k < columns.length; k++) {
            columns[k] = Arrays.copyOf(columns[k], kept);
        }
        return new Table(Arrays.copyOf(times, kept), columns);
    }

    /** Closes on the days all have a bar (exact dates). */
    public static Table commonCloses(Bars... bars) {
        Series[] series = new Series[bars.length];
        for (int k = 0; k < bars.length; k++) {
            series[k] = new Series(bars[k].times(), bars[k].close());
        }
        Series[] rest = Arrays.copyOfRange(series, 1, series.length);
        Table asOf = asOf(series[0], rest);
        // keep the days on which every series has a bar of its own, not an earlier one
        Map<Long, Integer> counts = new HashMap<>();
        for (Bars b : bars) {
            for (long t : b.times()) {
                counts.merge(t, 1, Integer::sum);
            }
        }
        int n = 0;
        long[] times = new long[asOf.times().length];
        double[][] columns = new double[bars.length][times.length];
        for (int i = 0; i < times.length; i++) {
            if (counts.get(asOf.times()[i]) == bars.length) {
                times[n] = asOf.times()[i];
                for (int k = 0; k < bars.length; k++) {
                    columns[k][n] = asOf.columns()[k][i];
                }
                n++;
            }
        }
        for (int k = 0; k < bars.length; k++) {
            columns[k] = Arrays.copyOf(columns[k], n);
        }
        return new Table(Arrays.copyOf(times, n), columns);
    }

    /**
     * The inputs of the correlation-compression warning on the days they all exist, 2018 to 2025:
     * SPY close (equity), DXY close (dollar), the FRED 10-year yield DGS10 in % (yields), the CFTC
     * open interest of CME Bitcoin futures in contracts, weekly, as of the day (oi), and the
     * Binance BTC close (crypto).
     */
    public static Table compressionInputs() {
        Bars spy = yahoo("SPY");
        Bars dxy = yahoo("DXY");
        Bars btcBars = btc();
        Table closes = commonCloses(spy, dxy, btcBars);
        Series yields = column("fred/DGS10.csv", "date", "value", null, null);
        Series oi = column("crypto/cot-weekly.csv", "report_date", "open_interest", "market_code", "133741");
        // yields only where FRED has a value on that very day: no stale yields across holidays
        Map<Long, Double> yieldOn = new HashMap<>();
        for (int i = 0; i < yields.times().length; i++) {
            yieldOn.put(yields.times()[i], yields.values()[i]);
        }
        double[] y = new double[closes.times().length];
        for (int i = 0; i < y.length; i++) {
            y[i] = yieldOn.getOrDefault(closes.times()[i], Double.NaN);
        }
        Table t = asOf(new Series(closes.times(), y), oi);
        Map<Long, Integer> row = new HashMap<>();
        for (int i = 0; i < closes.times().length; i++) {
            row.put(closes.times()[i], i);
        }
        int n = t.times().length;
        double[][] columns = new double[5][n];
        for (int i = 0; i < n; i++) {
            int j = row.get(t.times()[i]);
            columns[0][i] = closes.columns()[0][j];
            columns[1][i] = closes.columns()[1][j];
            columns[2][i] = t.columns()[0][i];
            columns[3][i] = t.columns()[1][i];
            columns[4][i] = closes.columns()[2][j];
        }
        return new Table(t.times(), columns);
    }

    /** BTC and QQQ closes on the days both have a bar. */
    public static Pair btcAndQqqCloses() {
        Bars a = btc();
        Bars b = qqq();
        Map<Long, Integer> indexOfB = new HashMap<>();
        for (int i = 0; i < b.size(); i++) {
            indexOfB.put(b.times()[i], i);
        }
        int n = 0;
        long[] times = new long[a.size()];
        double[] xs = new double[a.size()];
        double[] ys = new double[a.size()];
        for (int i = 0; i < a.size(); i++) {
            Integer j = indexOfB.get(a.times()[i]);
            if (j != null) {
                times[n] = a.times()[i];
                xs[n] = a.close()[i];
                ys[n++] = b.close()[j];
            }
        }
        return new Pair(Arrays.copyOf(times, n), Arrays.copyOf(xs, n), Arrays.copyOf(ys, n));
    }

    private interface TimeParser {
        long parse(String text);
    }

    private static long epochMillis(String text) {
        return Long.parseLong(text);
    }

    private static long isoDate(String text) {
        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    private static List<String> lines(String name) {
        Path file = DATA.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("sample data " + file + " is missing: the tests read the sample "
                    + "workspace in product/src/dist/data/sample");
        }
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sample data " + file, e);
        }
    }

    private static Bars read(String name, String firstHeader, int close, int high, int low, TimeParser time) {
        Path file = DATA.resolve(name);
        List<String> lines = lines(name);
        if (lines.isEmpty() || !lines.get(0).startsWith(firstHeader + ",")) {
            throw new IllegalStateException(file + ": expected a header starting with " + firstHeader);
        }
        List<String> rows = new ArrayList<>(lines.subList(1, lines.size()));
        rows.removeIf(String::isBlank);
        int n = rows.size();
        long[] times = new long[n];
        double[] c = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        for (int i = 0; i < n; i++) {
            String[] cells = rows.get(i).split(",");
            try {
                times[i] = time.parse(cells[0]);
                c[i] = Double.parseDouble(cells[close]);
                h[i] = Double.parseDouble(cells[high]);
                l[i] = Double.parseDouble(cells[low]);
            } catch (RuntimeException e) {
                throw new IllegalStateException(file + " line " + (i + 2) + ": cannot parse '" + rows.get(i) + "'", e);
            }
        }
        return new Bars(times, c, h, l);
    }

    /** A copy of {@code values} with NaN at the given indices. */
    public static double[] withGaps(double[] values, int... gaps) {
        double[] copy = values.clone();
        for (int gap : gaps) {
            copy[gap] = Double.NaN;
        }
        return copy;
    }
}
