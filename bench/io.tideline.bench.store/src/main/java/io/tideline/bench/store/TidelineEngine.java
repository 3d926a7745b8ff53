package io.tideline.bench.store;

import io.tideline.api.series.AssetClass;
import io.tideline.api.series.Field;
import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesDescriptor;
import io.tideline.api.series.SeriesId;
import io.tideline.api.series.SeriesKind;
import io.tideline.api.series.Timeframe;
import io.tideline.store.derby.ChunkedSeriesStore;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Tideline's {@link ChunkedSeriesStore} on embedded Derby, through its public API only: each
 * {@link #upsert} is one {@code SeriesStore.upsert} (one transaction); {@link #read} is one
 * {@code SeriesStore.read}, copied out of the returned {@link SeriesData} into primitive arrays
 * (the baselines build their arrays from result sets, which costs a copy too).
 */
final class TidelineEngine implements Engine {

    static final String NAME = "tideline";

    private Path dir;
    private ChunkedSeriesStore store;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void open(Path dir) throws Exception {
        this.dir = dir;
        store = ChunkedSeriesStore.openEmbedded(dir);
    }

    @Override
    public void upsert(int series, long[] times, double[] values, int from, int to) throws Exception {
        store.upsert(descriptor(series),
                SeriesData.ofValues(Arrays.copyOfRange(times, from, to), Arrays.copyOfRange(values, from, to)));
    }

    @Override
    public Bars read(int series, long from, long to) throws Exception {
        SeriesData data = store.read(id(series), from, to);
        return new Bars(data.copyTimes(), data.copyColumn(Field.VALUE));
    }

    @Override
    public void close() {
        if (store != null) {
            store = null;
            ChunkedSeriesStore.shutdownEmbedded(dir);
        }
    }

    @Override
    public DiskSize sizeOnDisk() {
        return new DiskSize(Dirs.size(dir), Dirs.size(dir.resolve("seg0")));
    }

    private static SeriesId id(int series) {
        return SeriesId.of("bench", "S" + series);
    }

    private static SeriesDescriptor descriptor(int series) {
        return new SeriesDescriptor(id(series), "Benchmark series " + series, "index", SeriesKind.INDEX_LEVEL,
                AssetClass.MACRO, Timeframe.H1);
    }
}
