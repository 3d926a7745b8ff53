package io.tideline.store.derby;

import io.tideline.store.derby.ChunkedSeriesStore.StoredChunk;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks of stored chunks: those every read makes of the chunks it reads, and
 * {@code db check}'s walk over every series and chunk of the store, one chunk in memory at a
 * time. Stateless.
 */
final class Integrity {

    private Integrity() {
    }

    /**
     * What {@code db check} found.
     *
     * @param series series checked
     * @param chunks chunks checked
     * @param bars bars in the chunks checked
     * @param damage one entry per damaged series (and per other damaged part of the store)
     */
    record Report(int series, long chunks, long bars, List<Damage> damage) {

        Report {
            damage = List.copyOf(damage);
        }

        boolean clean() {
            return damage.isEmpty();
        }
    }

    /** The damage of a chunk's checksum or header, or null when they are sound. */
    static Damage headerDamage(String series, StoredChunk chunk, int columns) {
        if (ChunkCodec.crc(chunk.data()) != chunk.crc()) {
            return new Damage(series, chunk.start(), chunk.end(),
                    "a chunk's checksum does not match its data (its stored bytes changed)");
        }
        int n;
        try {
            n = ChunkCodec.count(chunk.data());
        } catch (RuntimeException unreadable) {
            return new Damage(series, chunk.start(), chunk.end(), "a chunk's data cannot be decoded");
        }
        if (n != chunk.count()) {
            return new Damage(series, chunk.start(), chunk.end(), "a chunk's row counts " + chunk.count()
                    + " bars, its data holds " + n);
        }
        return null;
    }

    /**
     * Decodes a chunk whose header was checked into the arrays at {@code offset}; the damage
     * when it cannot be decoded or its times disagree with its row, else null.
     */
    static Damage decode(String series, StoredChunk chunk, long[] times, double[][] columns, int offset) {
        try {
            ChunkCodec.decode(chunk.data(), times, columns, offset);
        } catch (RuntimeException unreadable) {
            return new Damage(series, chunk.start(), chunk.end(), "a chunk's data cannot be decoded");
        }
        int last = offset + chunk.count() - 1;
        if (times[offset] != chunk.start() || times[last] != chunk.end()) {
            return new Damage(series, chunk.start(), chunk.end(), "a chunk's times do not match its row");
        }
        for (int i = offset + 1; i <= last; i++) {
            if (times[i] <= times[i - 1]) {
                return new Damage(series, chunk.start(), chunk.end(), "a chunk's times do not increase");
            }
        }
        return null;
    }

    private record SeriesRow(int key, String id, int columns, long first, long last, long count) {
    }

    /**
     * Walks every series and chunk: checksums, headers, times, chunk order, the series row's
     * bar count and range against its chunks; then chunks that belong to no series, and Derby's
     * own consistency check of both tables. Derby errors become damage of the series (or of
     * the store) being read; nothing is thrown for them.
     */
    static Report check(ConnectionSource source) {
        List<Damage> damage = new ArrayList<>();
        List<SeriesRow> rows = new ArrayList<>();
        try (Connection c = source.open(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT SERIES_KEY, SERIES_ID, FIELDS, FIRST_TIME, LAST_TIME, BAR_COUNT"
                        + " FROM TL_SERIES ORDER BY SERIES_ID")) {
            while (rs.next()) {
                rows.add(new SeriesRow(rs.getInt(1), rs.getString(2), rs.getString(3).split(",").length,
                        rs.getLong(4), rs.getLong(5), rs.getLong(6)));
            }
        } catch (SQLException | RuntimeException e) {
            damage.add(new Damage("(the store)", Long.MIN_VALUE, Long.MAX_VALUE,
                    "the list of series cannot be read (details in derby.log)"));
            return new Report(0, 0, 0, damage);
        }
        long chunks = 0;
        long bars = 0;
        for (SeriesRow row : rows) {
            long[] counted = new long[2];
            Damage found = checkSeries(source, row, counted);
            chunks += counted[0];
            bars += counted[1];
            if (found != null) {
                damage.add(found);
            }
        }
        damage.addAll(orphans(source));
        for (String table : List.of("TL_SERIES", "TL_CHUNK")) {
            Damage d = derbyCheck(source, table);
            if (d != null) {
                damage.add(d);
            }
        }
        return new Report(rows.size(), chunks, bars, damage);
    }

    /** Checks one series; {@code counted} receives its chunks and bars. */
    private static Damage checkSeries(ConnectionSource source, SeriesRow row, long[] counted) {
        List<Damage> found = new ArrayList<>();
        long bars = 0;
        long firstStart = Long.MAX_VALUE;
        long lastEnd = Long.MIN_VALUE;
        try (Connection c = source.open(); PreparedStatement ps = c.prepareStatement(
                "SELECT CHUNK_START, CHUNK_END, BAR_COUNT, DATA, CRC FROM TL_CHUNK WHERE SERIES_KEY = ? ORDER BY CHUNK_START")) {
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setAutoCommit(false);
            ps.setInt(1, row.key);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    StoredChunk chunk = StoredChunk.of(rs);
                    counted[0]++;
                    bars += chunk.count();
                    Damage d = headerDamage(row.id, chunk, row.columns);
                    if (d == null) {
                        d = decode(row.id, chunk, new long[chunk.count()], new double[row.columns][chunk.count()], 0);
                    }
                    if (d == null && chunk.start() <= lastEnd) {
                        d = new Damage(row.id, chunk.start(), chunk.end(), "a chunk overlaps the chunk before it");
                    }
                    if (d != null) {
                        found.add(d);
                    }
                    firstStart = Math.min(firstStart, chunk.start());
                    lastEnd = Math.max(lastEnd, chunk.end());
                }
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            counted[1] = bars;
            return new Damage(row.id, row.first, row.last, "Derby could not read its chunks"
                    + (found.isEmpty() ? "" : " (and " + found.size() + " damaged chunks before)")
                    + " (details in derby.log)");
        }
        counted[1] = bars;
        if (!found.isEmpty()) {
            Damage first = found.get(0);
            long from = found.stream().mapToLong(Damage::from).min().orElseThrow();
            long to = found.stream().mapToLong(Damage::to).max().orElseThrow();
            return new Damage(row.id, from, to, first.what()
                    + (found.size() > 1 ? "; " + found.size() + " damaged chunks in all" : ""));
        }
        if (bars != row.count) {
            return new Damage(row.id, row.first, row.last, "the series records " + row.count + " bars, its chunks hold "
                    + bars);
        }
        if (bars > 0 && (firstStart != row.first || lastEnd != row.last)) {
            return new Damage(row.id, Math.min(row.first, firstStart), Math.max(row.last, lastEnd),
                    "the series records " + Damage.range(row.first, row.last) + ", its chunks hold "
                            + Damage.range(firstStart, lastEnd));
        }
        return null;
    }

    /** Chunks whose series row is gone (an interrupted delete of an older Tideline). */
    private static List<Damage> orphans(ConnectionSource source) {
        List<Damage> found = new ArrayList<>();
        try (Connection c = source.open(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT SERIES_KEY, COUNT(*), MIN(CHUNK_START), MAX(CHUNK_END)"
                        + " FROM TL_CHUNK WHERE SERIES_KEY NOT IN (SELECT SERIES_KEY FROM TL_SERIES) GROUP BY SERIES_KEY")) {
            while (rs.next()) {
                found.add(new Damage("(no series, key " + rs.getInt(1) + ")", rs.getLong(3), rs.getLong(4),
                        rs.getLong(2) + " chunks belong to no series"));
            }
        } catch (SQLException | RuntimeException e) {
            found.add(new Damage("(the store)", Long.MIN_VALUE, Long.MAX_VALUE,
                    "the chunk table cannot be read (details in derby.log)"));
        }
        return found;
    }

    /** Derby's check that a table's rows and indexes agree. */
    private static Damage derbyCheck(ConnectionSource source, String table) {
        try (Connection c = source.open(); PreparedStatement ps = c.prepareStatement(
                "VALUES SYSCS_UTIL.SYSCS_CHECK_TABLE(CURRENT SCHEMA, ?)")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getInt(1) == 1) {
                    return null;
                }
            }
        } catch (SQLException | RuntimeException e) {
            // reported below
        }
        return new Damage("(the store)", Long.MIN_VALUE, Long.MAX_VALUE, "table " + table
                + " fails Derby's consistency check (details in derby.log)");
    }
}
