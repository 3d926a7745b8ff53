package io.tideline.store.derby;

import io.tideline.api.series.AssetClass;
import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesDescriptor;
import io.tideline.api.series.SeriesId;
import io.tideline.api.series.SeriesKind;
import io.tideline.api.series.Timeframe;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Shared helpers of the store tests. */
final class StoreFixture {

    static final long DAY = 86_400_000L;
    static final long T0 = 1_577_836_800_000L; // 2020-01-01T00:00Z

    private StoreFixture() {
    }

    static SeriesDescriptor descriptor(String id) {
        return new SeriesDescriptor(SeriesId.parse(id), "test " + id, "%", SeriesKind.YIELD, AssetClass.RATES, Timeframe.D1);
    }

    /** {@code n} daily bars from day {@code firstDay}, valued {@code base + day}. */
    static SeriesData daily(int firstDay, int n, double base) {
        long[] t = new long[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = T0 + (firstDay + i) * DAY;
            v[i] = base + firstDay + i;
        }
        return SeriesData.ofValues(t, v);
    }

    /** The java command of this JVM and the test class path, for forked processes. */
    static ProcessBuilder javaProcess(Class<?> main, String... args) {
        String javaBin = ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(javaBin, "-cp", System.getProperty("java.class.path"),
                main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }
}
