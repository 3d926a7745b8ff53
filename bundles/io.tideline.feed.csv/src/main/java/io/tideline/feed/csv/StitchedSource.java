package io.tideline.feed.csv;

import io.tideline.api.series.Field;
import io.tideline.api.series.SeriesData;
import io.tideline.api.series.Timeframe;
import io.tideline.api.store.BatchSource;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Several files of one series read one after another as one source of batches, so that a long
 * history and a newer file become one series in one write. A later file wins where times overlap:
 * its batches reach the store after the earlier file's, and {@link BatchSource} promises the
 * later batch wins. While reading, each bar of a later file whose time an earlier file had is
 * counted, and counted again when any of its values differs, so that the caller can report
 * files that disagree. The bars of every file but the last are held in memory for that count:
 * meant for the sample's daily files, not for millions of rows. One file behaves exactly like
 * {@link CsvSeriesReader}. Not thread-safe.
 */
final class StitchedSource implements BatchSource, Closeable {

    /**
     * What the files had in common.
     *
     * @param files how many files were read
     * @param overlapping bars of a later file whose time an earlier file also had
     * @param differing of those, the bars with at least one value different from the earlier file's
     */
    record Overlap(int files, long overlapping, long differing) {
    }

    private final List<Path> files;
    private final CsvSeriesReader.Options options;
    private final LongConsumer progress;
    private final boolean sort;
    private final List<CsvSeriesReader.Stats> finished = new ArrayList<>();
    private final Field[] fields;
    private final Timeframe timeframe;

    private CsvSeriesReader current;
    private int index;
    /** The bars of the files read so far, sorted by time, the later file's where both had one. */
    private long[] seenTimes = new long[0];
    private double[][] seenValues;
    /** The batches of the file being read, kept to merge into {@link #seenTimes} unless it is the last. */
    private final List<SeriesData> kept = new ArrayList<>();
    private long overlapping;
    private long differing;

    private StitchedSource(List<Path> files, CsvSeriesReader.Options options, LongConsumer progress, boolean sort)
            throws IOException {
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no file to read");
        }
        this.files = List.copyOf(files);
        this.options = options;
        this.progress = progress;
        this.sort = sort;
        current = CsvSeriesReader.open(files.get(0), options, progress, sort);
        fields = current.fields().toArray(Field[]::new);
        timeframe = current.timeframe();
        seenValues = new double[fields.length][0];
    }

    /**
     * Opens the first file; the others are opened in turn as the batches are taken.
     *
     * @param sort sort each file's rows whatever their order (after {@link CsvSeriesReader.NotInOrder})
     * @throws CsvFormatException naming the first file when it cannot be read
     */
    static StitchedSource open(List<Path> files, CsvSeriesReader.Options options, LongConsumer progress, boolean sort)
            throws IOException {
        return new StitchedSource(files, options, progress, sort);
    }

    /** The value columns of the first file, which every other file must have too. */
    List<Field> fields() {
        return List.of(fields);
    }

    /** The bar length guessed from the first file: what a new series is described with. */
    Timeframe timeframe() {
        return timeframe;
    }

    @Override
    public SeriesData next() throws IOException {
        while (current != null) {
            SeriesData batch = current.next();
            if (batch != null) {
                if (index > 0) {
                    compare(batch);
                }
                if (index < files.size() - 1) {
                    kept.add(batch);
                }
                return batch;
            }
            finishFile();
        }
        return null;
    }

    /** Closes the file read to its end, folds its bars into the ones seen, opens the next file. */
    private void finishFile() throws IOException {
        finished.add(current.stats());
        current.close();
        current = null;
        if (index < files.size() - 1) {
            merge();
        }
        index++;
        if (index < files.size()) {
            CsvSeriesReader next = CsvSeriesReader.open(files.get(index), options, progress, sort);
            if (!next.fields().equals(List.of(fields))) {
                next.close();
                throw new CsvFormatException(files.get(index), 0, "has the columns " + next.fields() + " but "
                        + files.get(0).getFileName() + " before it has " + List.of(fields)
                        + "; the files of one series must have the same columns");
            }
            current = next;
        }
    }

    /** Counts the bars of {@code batch} whose time was seen in an earlier file, and those that differ. */
    private void compare(SeriesData batch) {
        for (int i = 0; i < batch.size(); i++) {
            int at = Arrays.binarySearch(seenTimes, batch.time(i));
            if (at < 0) {
                continue;
            }
            overlapping++;
            for (int f = 0; f < fields.length; f++) {
                if (Double.compare(seenValues[f][at], batch.get(fields[f], i)) != 0) {
                    differing++;
                    break;
                }
            }
        }
    }

    /**
     * Merges the kept batches of the file just read into the bars seen, its bars winning. A
     * file's batches do not overlap each other (a descending file comes newest batch first).
     */
    private void merge() {
        kept.sort(Comparator.comparingLong(SeriesData::firstTime));
        int n = 0;
        for (SeriesData b : kept) {
            n += b.size();
        }
        long[] times = new long[seenTimes.length + n];
        double[][] values = new double[fields.length][times.length];
        int s = 0;
        int out = 0;
        for (SeriesData b : kept) {
            for (int i = 0; i < b.size(); i++) {
                long t = b.time(i);
                while (s < seenTimes.length && seenTimes[s] < t) {
                    copySeen(s++, times, values, out++);
                }
                if (s < seenTimes.length && seenTimes[s] == t) {
                    s++;
                }
                times[out] = t;
                for (int f = 0; f < fields.length; f++) {
                    values[f][out] = b.get(fields[f], i);
                }
                out++;
            }
        }
        while (s < seenTimes.length) {
            copySeen(s++, times, values, out++);
        }
        seenTimes = Arrays.copyOf(times, out);
        for (int f = 0; f < fields.length; f++) {
            values[f] = Arrays.copyOf(values[f], out);
        }
        seenValues = values;
        kept.clear();
    }

    private void copySeen(int from, long[] times, double[][] values, int to) {
        times[to] = seenTimes[from];
        for (int f = 0; f < fields.length; f++) {
            values[f][to] = seenValues[f][from];
        }
    }

    /** What the files had in common; complete once {@link #next()} returned {@code null}. */
    Overlap overlap() {
        return new Overlap(files.size(), overlapping, differing);
    }

    /** What was read from all the files together; complete once {@link #next()} returned {@code null}. */
    CsvSeriesReader.Stats stats() {
        List<CsvSeriesReader.Stats> all = new ArrayList<>(finished);
        if (current != null) {
            all.add(current.stats());
        }
        long bars = 0;
        long skipped = 0;
        long summed = 0;
        boolean reordered = false;
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (CsvSeriesReader.Stats s : all) {
            bars += s.bars();
            skipped += s.skipped();
            summed += s.summed();
            reordered |= s.reordered();
            if (s.bars() > 0) {
                first = Math.min(first, s.firstTime());
                last = Math.max(last, s.lastTime());
            }
        }
        if (all.size() == 1) {
            return all.get(0);
        }
        return new CsvSeriesReader.Stats(List.of(fields), bars, skipped, summed, reordered, first, last,
                all.get(0).timeframe());
    }

    @Override
    public void close() throws IOException {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
