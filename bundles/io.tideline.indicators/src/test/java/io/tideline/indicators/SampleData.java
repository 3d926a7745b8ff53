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
 * The real daily series in {@code ../shared/data} (beside the repository), read with plain Java.
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

    private static final Path DATA = Path.of("").toAbsolutePath().resolve("../../../shared/data").normalize();
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

    private static Bars read(String name, String firstHeader, int close, int high, int low, TimeParser time) {
        Path file = DATA.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("sample data " + file + " is missing: the tests expect the shared "
                    + "data folder beside the repository (../shared/data, see README 'Sample data')");
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read sample data " + file, e);
        }
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
