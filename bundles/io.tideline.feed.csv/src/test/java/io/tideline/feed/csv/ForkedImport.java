package io.tideline.feed.csv;

import io.tideline.api.series.SeriesId;
import io.tideline.api.store.StoreException;
import io.tideline.store.derby.ChunkedSeriesStore;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A separate JVM for the memory tests, started with a small heap:
 * {@code import DB FILE SERIES} imports FILE into the embedded store in DB as the import command
 * does and prints its summary (or "refused: MESSAGE", exit 1), the rows per second and the peak
 * resident memory; {@code whole FILE} reads FILE whole into memory instead, as imports did before
 * they were streamed, and prints "out of memory" when it does not fit.
 */
public final class ForkedImport {

    private ForkedImport() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("whole")) {
            try {
                System.out.println("read " + CsvSeriesReader.read(Path.of(args[1]), CsvSeriesReader.Options.defaults(),
                        b -> { }).data().size() + " bars whole");
            } catch (OutOfMemoryError e) {
                System.out.println("out of memory");
            } catch (CsvFormatException e) {
                System.out.println(e.getMessage());
            }
            return;
        }
        Path db = Path.of(args[1]);
        ChunkedSeriesStore store = ChunkedSeriesStore.openEmbedded(db);
        int code = 0;
        long start = System.nanoTime();
        try {
            Importer.Outcome outcome = Importer.run(store, new Importer.Request(Path.of(args[2]), SeriesId.parse(args[3]),
                    CsvSeriesReader.Options.defaults(), null, null, null, null, null), b -> { });
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.println(outcome.summary());
            System.out.printf("%,.0f rows/s (%.1f s)%n", outcome.read().bars() / seconds, seconds);
        } catch (CsvFormatException | StoreException e) {
            System.out.println("refused: " + e.getMessage());
            code = 1;
        } finally {
            System.out.println("peak RSS " + peakRss());
            ChunkedSeriesStore.shutdownEmbedded(db);
        }
        System.exit(code);
    }

    /** VmHWM of this process, the most resident memory it ever had (Linux). */
    static String peakRss() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return "unknown (no /proc)";
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmHWM:"))
                .map(l -> l.substring("VmHWM:".length()).strip()).findFirst().orElse("unknown");
    }

    /**
     * Writes {@code rows} one-minute OHLCV bars from 2020-01-01, ascending: about 75 bytes a row.
     * Bar {@code i} closes at {@code 100 + i % 1000 / 100.0}.
     */
    static Path minuteBars(Path file, int rows) throws IOException {
        long t0 = 1_577_836_800_000L;
        try (BufferedWriter w = Files.newBufferedWriter(file)) {
            w.write("time,open,high,low,close,volume\n");
            StringBuilder line = new StringBuilder(96);
            for (int i = 0; i < rows; i++) {
                double close = 100 + i % 1000 / 100.0;
                line.setLength(0);
                line.append(Instant.ofEpochMilli(t0 + i * 60_000L)).append(',').append(close - 0.05).append(',')
                        .append(close + 0.25).append(',').append(close - 0.25).append(',').append(close).append(',')
                        .append(i % 97 + 1).append('\n');
                w.append(line);
            }
        }
        return file;
    }
}
