package io.tideline.feed.yahoo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * SPY as the sample workspace holds it ({@code product/src/dist/data/sample/yahoo/SPY.csv}, header
 * {@code Date,Close,High,Low,Open,Volume}), read with plain Java by column name, independently of
 * the connector's parser, to check what the connector returns.
 */
final class SpyReference {

    /** The sample workspace in the repository (see product/src/dist/data/sample/SOURCES.md). */
    static final Path SPY = Path.of("../../product/src/dist/data/sample/yahoo/SPY.csv").toAbsolutePath().normalize();

    /** One trading day at midnight UTC of its date. */
    record Bar(long timeMillis, double open, double high, double low, double close, double volume) {
    }

    private SpyReference() {
    }

    /** The trading days between the dates, inclusive, except those listed. */
    static List<Bar> bars(LocalDate from, LocalDate to, LocalDate... except) throws IOException {
        List<String> lines = Files.readAllLines(SPY);
        List<String> header = Arrays.asList(lines.get(0).split(","));
        int date = header.indexOf("Date");
        int open = header.indexOf("Open");
        int high = header.indexOf("High");
        int low = header.indexOf("Low");
        int close = header.indexOf("Close");
        int volume = header.indexOf("Volume");
        if (date < 0 || open < 0 || high < 0 || low < 0 || close < 0 || volume < 0) {
            throw new IllegalStateException(SPY + " lacks a column of Date,Close,High,Low,Open,Volume: " + header);
        }
        List<LocalDate> skipped = List.of(except);
        List<Bar> bars = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            LocalDate d = LocalDate.parse(cells[date]);
            if (!d.isBefore(from) && !d.isAfter(to) && !skipped.contains(d)) {
                bars.add(new Bar(d.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(),
                        Double.parseDouble(cells[open]), Double.parseDouble(cells[high]), Double.parseDouble(cells[low]),
                        Double.parseDouble(cells[close]), Double.parseDouble(cells[volume])));
            }
        }
        return bars;
    }
}
