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
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Imports one CSV file into the store as one series, in one transaction: the file is read
 * whole first, so a bad row leaves the store untouched.
 */
final class Importer {

    /**
     * What to import and how to describe it; {@code null} hints keep the stored descriptor, or
     * are guessed for a new series (kind from the columns, timeframe from the gaps).
     */
    record Request(Path file, SeriesId series, CsvSeriesReader.Options options, String name, String unit,
            SeriesKind kind, AssetClass assetClass, Timeframe timeframe) {
    }

    /** What was imported. */
    record Outcome(SeriesDescriptor descriptor, CsvSeriesReader.Result read) {

        String summary() {
            var d = read.data();
            return "imported " + String.format("%,d", d.size()) + " bars of " + descriptor.id() + " " + d.fields()
                    + " from " + java.time.Instant.ofEpochMilli(d.firstTime()) + " to "
                    + java.time.Instant.ofEpochMilli(d.lastTime())
                    + (read.skipped() > 0 ? "; skipped " + read.skipped() + " rows without a value" : "")
                    + (read.summed() > 0 ? "; summed " + read.summed() + " rows of the same time" : "")
                    + (read.reordered() ? "; rows were not in time order and were sorted" : "");
        }
    }

    private Importer() {
    }

    static Outcome run(SeriesStore store, Request request, LongConsumer progress)
            throws IOException, CsvFormatException, StoreException {
        CsvSeriesReader.Result read = CsvSeriesReader.read(request.file(), request.options(), progress);
        Optional<SeriesInfo> existing = store.info(request.series());
        boolean ohlc = read.data().has(Field.CLOSE);
        SeriesDescriptor base = existing.map(SeriesInfo::descriptor).orElseGet(() -> new SeriesDescriptor(
                request.series(), request.series().symbol(), "", ohlc ? SeriesKind.PRICE : SeriesKind.INDEX_LEVEL,
                AssetClass.MACRO, read.timeframe()));
        SeriesDescriptor descriptor = new SeriesDescriptor(request.series(),
                request.name() != null ? request.name() : base.name(),
                request.unit() != null ? request.unit() : base.unit(),
                request.kind() != null ? request.kind() : base.kind(),
                request.assetClass() != null ? request.assetClass() : base.assetClass(),
                request.timeframe() != null ? request.timeframe() : base.timeframe());
        store.upsert(descriptor, read.data());
        return new Outcome(descriptor, read);
    }
}
