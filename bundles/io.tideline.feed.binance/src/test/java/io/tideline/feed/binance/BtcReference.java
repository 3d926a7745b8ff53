package io.tideline.feed.binance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * BTCUSDT daily klines as the sample workspace holds them ({@code product/src/dist/data/sample/binance/BTCUSDT_1d.csv},
 * columns read by name), read with plain Java, independently of the connector's parser.
 */
final class BtcReference {

    /** The sample workspace in the repository (see product/src/dist/data/sample/SOURCES.md). */
    static final Path BTCUSDT = Path.of("../../product/src/dist/data/sample/binance/BTCUSDT_1d.csv").toAbsolutePath().normalize();

    /** One day, at its open time. */
    record Bar(long openTime, double open, double high, double low, double close, double volume) {
    }

    private BtcReference() {
    }

    /** The days whose open time lies between the instants, inclusive. */
    static List<Bar> bars(long fromMillis, long toMillis) throws IOException {
        List<String> lines = Files.readAllLines(BTCUSDT);
        List<String> header = Arrays.asList(lines.get(0).split(","));
        int time = header.indexOf("open_time");
        int open = header.indexOf("open");
        int high = header.indexOf("high");
        int low = header.indexOf("low");
        int close = header.indexOf("close");
        int volume = header.indexOf("volume");
        if (time < 0 || open < 0 || high < 0 || low < 0 || close < 0 || volume < 0) {
            throw new IllegalStateException(BTCUSDT + " lacks a column of open_time,open,high,low,close,volume: " + header);
        }
        List<Bar> bars = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            long t = Long.parseLong(cells[time]);
            if (t >= fromMillis && t <= toMillis) {
                bars.add(new Bar(t, Double.parseDouble(cells[open]), Double.parseDouble(cells[high]),
                        Double.parseDouble(cells[low]), Double.parseDouble(cells[close]), Double.parseDouble(cells[volume])));
            }
        }
        return bars;
    }
}
