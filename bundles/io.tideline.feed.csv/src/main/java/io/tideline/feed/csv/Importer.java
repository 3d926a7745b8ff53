package io.tideline.feed.csv;

import io.tideline.api.series.AssetClass;
import io.tideline.api.series.Field;
import io.tideline.api.series.SeriesDescriptor;
import io.tideline.api.series.SeriesId;
import io.tideline.api.series.SeriesKind;
import io.tideline.api.series.Timeframe;
import io.tideline.api.store.SeriesInfo;
import io.tideline.api.store.SeriesStore;
import io.tideline.api.store.StoreException;
import io.tideline.api.store.WriteSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * Imports one CSV file into the store as one series, all or nothing: the file's batches go to
 * {@link SeriesStore#upsertAll} in one transaction, so a bad row anywhere, a full disk or too
 * little memory leave the store as it was, while memory stays bounded whatever the file's size.
 * Several files of one series (a long history and a newer download) are stitched the same way,
 * in one transaction, a later file winning where they overlap ({@link StitchedSource}).
 */
final class Importer {

    /**
     * What to import and how to describe it; {@code null} hints keep the stored descriptor, or
     * are guessed for a new series (kind from the columns, timeframe from the gaps).
     *
     * @param files the files of the series, oldest first: a later file wins where times overlap
     */
    record Request(List<Path> files, SeriesId series, CsvSeriesReader.Options options, String name, String unit,
            SeriesKind kind, AssetClass assetClass, Timeframe timeframe) {

        Request {
            files = List.copyOf(files);
            if (files.isEmpty()) {
                throw new IllegalArgumentException("no file to import into " + series);
            }
        }

        /** One file. */
        Request(Path file, SeriesId series, CsvSeriesReader.Options options, String name, String unit,
                SeriesKind kind, AssetClass assetClass, Timeframe timeframe) {
            this(List.of(file), series, options, name, unit, kind, assetClass, timeframe);
        }

        /** The file that wins where the files overlap, named when the import as a whole fails. */
        Path file() {
            return files.get(files.size() - 1);
        }
    }

    /**
     * What was imported.
     *
     * @param descriptor the series as stored
     * @param written what the store did, bar by bar, against what it held before
     * @param read what the reader saw in the file (in all the files together)
     * @param overlap what the files had in common, when there were several
     */
    record Outcome(SeriesDescriptor descriptor, WriteSummary written, CsvSeriesReader.Stats read,
            StitchedSource.Overlap overlap) {

        /** One line for the user: how many bars were new, changed and unchanged, and what was read. */
        String summary() {
            String range = " from " + Instant.ofEpochMilli(read.firstTime()) + " to "
                    + Instant.ofEpochMilli(read.lastTime());
            // Stitched files write a bar of both files twice (the later write wins): count it once.
            long twice = overlap.overlapping();
            long bars = written.bars() - twice;
            long unchanged = Math.max(0, written.unchanged() - twice);
            String head = written.added() + written.changed() == 0
                    ? "nothing new for " + descriptor.id() + ": all " + count(bars) + " bars" + range
                            + " are stored already, unchanged"
                    : "imported " + count(bars) + " bars of " + descriptor.id() + " " + descriptor.timeframe()
                            .label() + " " + read.fields() + range + ": " + count(written.added()) + " new, "
                            + count(written.changed()) + " changed, " + count(unchanged) + " unchanged";
            return head + (read.skipped() > 0 ? "; skipped " + count(read.skipped()) + " rows without a value" : "")
                    + (read.summed() > 0 ? "; summed " + count(read.summed()) + " rows of the same time" : "")
                    + (read.reordered() ? "; rows were not in time order and were sorted" : "")
                    + stitched();
        }

        /** The files and their overlap, when there were several; whether they disagree above all. */
        private String stitched() {
            if (overlap.files() < 2) {
                return "";
            }
            String head = "; stitched from " + overlap.files() + " files, the later winning where they overlap";
            if (overlap.differing() > 0) {
                return head + ": " + count(overlap.differing()) + " of " + count(overlap.overlapping())
                        + " bars in more than one file differ (the later file's values kept)";
            }
            return head + " (" + count(overlap.overlapping()) + " bars in more than one file, all equal)";
        }

        private static String count(long n) {
            return String.format("%,d", n);
        }
    }

    private Importer() {
    }

    /**
     * Imports a file. A file streamed in its own order that turns out unordered half-way is read
     * again, sorted; the store rolled the first attempt back.
     *
     * @param restarting told, with the reason, when the file is read a second time to sort it
     * @throws CsvFormatException naming the file (line, column) when it cannot be imported; nothing
     *         of it was stored
     * @throws StoreException when the store refuses or fails the write; nothing of it was stored
     */
    static Outcome run(SeriesStore store, Request request, LongConsumer progress, Consumer<String> restarting)
            throws IOException, StoreException {
        try {
            try {
                return attempt(store, request, progress, false);
            } catch (CsvSeriesReader.NotInOrder e) {
                restarting.accept(e.getMessage());
                return attempt(store, request, progress, true);
            }
        } catch (OutOfMemoryError e) {
            throw outOfMemory(request);
        } catch (StoreException e) {
            // Derby turns an OutOfMemoryError of its own into an SQL error (e.g. "cannot flush the
            // log"), which reads like damage; the write was not committed, so say what happened.
            if (causedByOutOfMemory(e)) {
                throw outOfMemory(request);
            }
            throw e;
        }
    }

    private static CsvFormatException outOfMemory(Request request) {
        return new CsvFormatException(request.file(), 0, "ran out of memory (Java heap limit "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB) while importing into " + request.series()
                + "; give Tideline more memory (e.g. TIDELINE_JAVA_OPTS=-Xmx1g) or split the file");
    }

    private static boolean causedByOutOfMemory(Throwable e) {
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.ArrayDeque<Throwable> todo = new java.util.ArrayDeque<>(List.of(e));
        while (!todo.isEmpty()) {
            Throwable t = todo.pop();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof OutOfMemoryError) {
                return true;
            }
            if (t.getCause() != null) {
                todo.push(t.getCause());
            }
            if (t instanceof java.sql.SQLException sql && sql.getNextException() != null) {
                todo.push(sql.getNextException());
            }
            for (Throwable s : t.getSuppressed()) {
                todo.push(s);
            }
        }
        return false;
    }

    /** {@link #run} without a note on a second reading. */
    static Outcome run(SeriesStore store, Request request, LongConsumer progress) throws IOException, StoreException {
        return run(store, request, progress, reason -> { });
    }

    private static Outcome attempt(SeriesStore store, Request request, LongConsumer progress, boolean sort)
            throws IOException, StoreException {
        try (StitchedSource reader = StitchedSource.open(request.files(), request.options(), progress, sort)) {
            Optional<SeriesInfo> existing = store.info(request.series());
            boolean ohlc = reader.fields().contains(Field.CLOSE);
            SeriesDescriptor base = existing.map(SeriesInfo::descriptor).orElseGet(() -> new SeriesDescriptor(
                    request.series(), request.series().symbol(), "", ohlc ? SeriesKind.PRICE : SeriesKind.INDEX_LEVEL,
                    AssetClass.MACRO, reader.timeframe()));
            SeriesDescriptor descriptor = new SeriesDescriptor(request.series(),
                    request.name() != null ? request.name() : base.name(),
                    request.unit() != null ? request.unit() : base.unit(),
                    request.kind() != null ? request.kind() : base.kind(),
                    request.assetClass() != null ? request.assetClass() : base.assetClass(),
                    request.timeframe() != null ? request.timeframe() : base.timeframe());
            WriteSummary written = store.upsertAll(descriptor, reader);
            return new Outcome(descriptor, written, reader.stats(), reader.overlap());
        }
    }
}
