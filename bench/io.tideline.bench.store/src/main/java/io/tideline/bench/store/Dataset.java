package io.tideline.bench.store;

import java.util.Random;

/**
 * The benchmark data: {@code series} series of {@code rowsPerSeries} hourly bars each, all on
 * the same timestamps (3,600,000 ms apart from 2020-01-01T00:00Z), with values a Gaussian
 * random walk from a fixed seed per series, so every run writes the same numbers and none of
 * them compress by accident.
 *
 * <p>Every dataset holds {@link #TOTAL_ROWS} rows, so that the benchmarks'
 * {@code @OperationsPerInvocation(TOTAL_ROWS)} makes their score the time per row.
 *
 * @param label the text form, {@code SERIESxROWS}, e.g. {@code 20x50000}
 * @param times the timestamps of every series (shared; do not modify)
 * @param values one value array per series (do not modify)
 */
record Dataset(String label, long[] times, double[][] values) {

    /** Rows in every dataset: the benchmarks' operations per invocation. */
    static final int TOTAL_ROWS = 1_000_000;
    /** The labels the benchmarks run by default. */
    static final String[] LABELS = {"1x1000000", "20x50000"};

    static final long START = 1_577_836_800_000L; // 2020-01-01T00:00Z
    static final long STEP = 3_600_000L;
    private static final long SEED = 20_200_101L;

    /**
     * Generates the dataset named by {@code label} ({@code SERIESxROWS}).
     *
     * @throws IllegalArgumentException if the label is malformed or does not hold exactly
     *         {@link #TOTAL_ROWS} rows (the scores would not be per row)
     */
    static Dataset parse(String label) {
        String[] parts = label.split("x");
        int series;
        int rows;
        try {
            if (parts.length != 2) {
                throw new NumberFormatException();
            }
            series = Integer.parseInt(parts[0]);
            rows = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("dataset '" + label + "' is not of the form SERIESxROWS, e.g. 20x50000");
        }
        if (series <= 0 || rows <= 0 || (long) series * rows != TOTAL_ROWS) {
            throw new IllegalArgumentException("dataset '" + label + "' must hold exactly " + TOTAL_ROWS
                    + " rows in all (the score is time per row), e.g. 1x1000000, 20x50000, 100x10000");
        }
        long[] times = new long[rows];
        for (int i = 0; i < rows; i++) {
            times[i] = START + i * STEP;
        }
        double[][] values = new double[series][rows];
        for (int s = 0; s < series; s++) {
            Random random = new Random(SEED + s);
            double v = 100.0;
            for (int i = 0; i < rows; i++) {
                v += random.nextGaussian();
                values[s][i] = v;
            }
        }
        return new Dataset(label, times, values);
    }

    int seriesCount() {
        return values.length;
    }

    int rowsPerSeries() {
        return times.length;
    }

    long totalRows() {
        return (long) seriesCount() * rowsPerSeries();
    }

    long firstTime() {
        return times[0];
    }

    long lastTime() {
        return times[times.length - 1];
    }
}
