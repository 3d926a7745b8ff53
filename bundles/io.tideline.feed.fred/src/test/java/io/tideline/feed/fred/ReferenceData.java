package io.tideline.feed.fred;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * DGS10 as the sample workspace holds it ({@code product/src/dist/data/sample/fred/DGS10.csv}, header
 * {@code date,value}, an empty value on holidays), read with plain Java, independently of the
 * connector's parsers, to check what the connector returns.
 */
final class ReferenceData {

    /** The sample workspace in the repository (see product/src/dist/data/sample/SOURCES.md). */
    static final Path DGS10 = Path.of("../../product/src/dist/data/sample/fred/DGS10.csv").toAbsolutePath().normalize();

    /** One day with a value. */
    record Point(long timeMillis, double value) {
    }

    private ReferenceData() {
    }

    /** The days with a value between the dates, inclusive. */
    static List<Point> dgs10(LocalDate from, LocalDate to) throws IOException {
        List<Point> points = new ArrayList<>();
        List<String> lines = Files.readAllLines(DGS10);
        if (!lines.get(0).equals("date,value")) {
            throw new IllegalStateException(DGS10 + " does not start with 'date,value'");
        }
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            LocalDate date = LocalDate.parse(cells[0]);
            if (!date.isBefore(from) && !date.isAfter(to) && !cells[1].isEmpty()) {
                points.add(new Point(date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(),
                        Double.parseDouble(cells[1])));
            }
        }
        return points;
    }
}
