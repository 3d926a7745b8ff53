package io.tideline.store.derby;

import io.tideline.api.feed.FeedHealth;
import io.tideline.api.series.AssetClass;
import io.tideline.api.series.Field;
import io.tideline.api.series.SeriesData;
import io.tideline.api.series.SeriesDescriptor;
import io.tideline.api.series.SeriesId;
import io.tideline.api.series.SeriesKind;
import io.tideline.api.series.Timeframe;
import io.tideline.api.store.BatchSource;
import io.tideline.api.store.RecordedFeed;
import io.tideline.api.store.SeriesInfo;
import io.tideline.api.store.SeriesStore;
import io.tideline.api.store.StoreException;
import io.tideline.api.store.WriteSummary;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * {@link SeriesStore} over JDBC: each series is a run of time-ordered chunks of up to
 * {@link #CHUNK_VALUE_BYTES} bytes of values (delta-encoded times, raw doubles, see {@link ChunkCodec}), one row
 * per chunk. A write ({@link #upsert} is {@link #upsertAll} of one batch) takes its batches one at a
 * time: for each it reads the chunks the batch's range touches (and the partly filled chunk
 * before it), merges the new bars in (new values win on equal timestamps), and writes them back;
 * all batches in one transaction; the series row is updated first, which serialises writers of
 * one series while writers of different series proceed in parallel. Reads take the series row
 * and the chunks in one serializable transaction, so a reader sees a batch whole or not at all.
 *
 * <p>With the change log on (a store shared through a server), every committed write and delete
 * also leaves a row in {@code TL_CHANGE} (series, range, kind, this instance's {@link #writer()}
 * id), written in the same transaction as the chunks, so a rolled-back write leaves none and a
 * committed one always has one; {@link ChangePoller} turns other processes' rows into events.
 *
 * <p>Thread-safe. Posts no events: the OSGi component around it does, after commit.
 */
public final class ChunkedSeriesStore implements SeriesStore {

    /**
     * The most bytes of values one chunk holds. A chunk that fits one 32 KB Derby page is stored
     * in place; a larger one spills into a chain of overflow pages whose last page is mostly
     * empty (4,096 single-value bars, 37 KB, took 25 bytes per bar on disk for 9 of data;
     * 28,000 bytes take 12.8, and leave room for times that need 2 bytes a gap).
     */
    static final int CHUNK_VALUE_BYTES = 28_000;

    /** The most bars one chunk of a series with {@code columns} value columns holds. */
    static int chunkBars(int columns) {
        return Math.max(64, CHUNK_VALUE_BYTES / (8 * columns + 1));
    }
    /** Earliest timestamp accepted: 1900-01-01T00:00Z. */
    static final long MIN_TIME = -2_208_988_800_000L;
    /** Latest timestamp accepted: 2200-01-01T00:00Z. */
    static final long MAX_TIME = 7_258_118_400_000L;

    private static final int ATTEMPTS = 8;

    private final ConnectionSource source;
    private final boolean changeLog;
    /** Null for a store this user may write; else why it may not (a team mode reader). */
    private final String readOnly;
    /** Marks this instance's change-log rows, so its own poller does not post them twice. */
    private final String writer = java.util.UUID.randomUUID().toString();
    private volatile FaultPoint faultPoint = FaultPoint.NONE;

    /** A place where tests make a write fail half-way. */
    interface FaultPoint {
        FaultPoint NONE = series -> { };

        /** Called after the old chunks were deleted and before the merged ones are written. */
        void afterDelete(SeriesId series) throws SQLException;
    }

    /**
     * Opens the store on a database, creating or migrating its schema.
     *
     * @throws StoreException if the schema is newer than this code or cannot be prepared
     */
    public ChunkedSeriesStore(ConnectionSource source) throws StoreException {
        this(source, false);
    }

    /**
     * As {@link #ChunkedSeriesStore(ConnectionSource)}; {@code changeLog} says whether writes
     * and deletes are recorded in the change log (on for a store shared through a server).
     */
    ChunkedSeriesStore(ConnectionSource source, boolean changeLog) throws StoreException {
        this.source = source;
        this.changeLog = changeLog;
        try (Connection c = source.open()) {
            Schema.Access access = changeLog ? Schema.access(c) : Schema.Access.OWNER;
            if (access.reader()) {
                readOnly = "the store user '" + userName(access) + "' may only read (team mode reader); imports, fetches"
                        + " and deletes go through the collector (store user '" + access.owner().toLowerCase(Locale.ROOT)
                        + "')";
                Schema.checkReadable(c, source.where(), readOnly);
            } else {
                readOnly = null;
                try {
                    Schema.prepare(c, source.where());
                } catch (StoreException e) {
                    if (e.getCause() instanceof SQLException sql && Schema.refusedWrite(sql)) {
                        throw new StoreException("cannot open the store at " + source.where() + ": the store user '"
                                + userName(access) + "' may only read (team mode reader) and its own schema "
                                + access.schema() + " holds no store; set schema= to the collector's store user in "
                                + DerbyStoreComponent.PID + ".cfg", e);
                    }
                    throw e;
                }
                if (changeLog) {
                    Schema.grantReading(c);
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot open the store at " + source.where() + ": " + e.getMessage(), e);
        }
    }

    private String userName(Schema.Access access) {
        String configured = source.user();
        return configured == null || configured.isBlank() ? access.user().toLowerCase(Locale.ROOT) : configured;
    }

    /**
     * A store on an embedded Derby database in {@code folder}, created on first use. Close it
     * with {@link #shutdownEmbedded(Path)}.
     *
     * @throws StoreException naming the folder when it is locked by another process or damaged
     */
    public static ChunkedSeriesStore openEmbedded(Path folder) throws StoreException {
        return new ChunkedSeriesStore(DerbyDatabase.embedded(folder));
    }

    /**
     * A store on a Derby Network Server, e.g. {@code jdbc:derby://127.0.0.1:1527/tideline;create=true}.
     *
     * @throws StoreException when the server cannot be reached or refuses the user
     */
    public static ChunkedSeriesStore openNetwork(String url, String user, String password) throws StoreException {
        return new ChunkedSeriesStore(DerbyDatabase.network(url, user, password), true);
    }

    /**
     * A store on a Derby Network Server over TLS, accepting only the server certificate with
     * this SHA-256 fingerprint (as {@code tideline-db-server} prints it).
     *
     * @throws StoreException when the fingerprint is malformed, the certificate differs, or the
     *     server cannot be reached or refuses the user
     */
    public static ChunkedSeriesStore openNetwork(String url, String user, String password, String certificateFingerprint)
            throws StoreException {
        return new ChunkedSeriesStore(DerbyDatabase.network(url, user, password,
                ServerTrust.pinned(certificateFingerprint), null), true);
    }

    /** Closes the connections a network store keeps open (an embedded store keeps none). */
    public void close() {
        source.close();
    }

    /** Shuts down the embedded database in {@code folder}, releasing its lock. */
    public static void shutdownEmbedded(Path folder) {
        DerbyDatabase.shutdownEmbedded(folder);
    }

    void setFaultPoint(FaultPoint faultPoint) {
        this.faultPoint = faultPoint;
    }

    /**
     * Why this store user may not write (a team mode reader), or null when it may; a write or
     * delete is refused with this message before anything is sent to the server.
     */
    String readOnly() {
        return readOnly;
    }

    private void refuseIfReadOnly() throws StoreException {
        if (readOnly != null) {
            throw new StoreException(readOnly);
        }
    }

    /** Where the database is, for messages. */
    public String where() {
        return source.where();
    }

    /** The database's connections (for Derby's system procedures, e.g. a backup). */
    ConnectionSource source() {
        return source;
    }

    @Override
    public void upsert(SeriesDescriptor descriptor, SeriesData data) throws StoreException {
        try {
            write(descriptor, singleBatch(data));
        } catch (IOException impossible) {
            throw new IllegalStateException("an in-memory batch cannot fail to read", impossible);
        }
    }

    @Override
    public WriteSummary upsertAll(SeriesDescriptor descriptor, BatchSource batches) throws StoreException, IOException {
        return write(descriptor, batches).summary();
    }

    /** A committed write: what it did, and the range it covered (for the component's event). */
    record Written(WriteSummary summary, long from, long to) {
    }

    /**
     * Writes every batch in one transaction (see {@link #upsertAll}). The first batch is read
     * before the transaction starts, so that a deadlock or lock time-out while the series row is
     * being locked can be retried with it; once a second batch has been read the source cannot
     * be rewound, and such a failure is reported instead (the series row is locked by then, so
     * none is expected).
     */
    Written write(SeriesDescriptor descriptor, BatchSource batches) throws StoreException, IOException {
        refuseIfReadOnly();
        SeriesId id = descriptor.id();
        SeriesData first = batches.next();
        if (first == null) {
            return new Written(new WriteSummary(0, 0, 0, 0), 0, 0);
        }
        validate(id, first, 1);
        Field[] fields = first.fields().toArray(new Field[0]);
        boolean[] pulledMore = {false};
        try {
            Damage scope = new Damage(id.toString(), Long.MIN_VALUE, Long.MAX_VALUE, "");
            return transaction("write series " + id, scope, WRITE, () -> !pulledMore[0], c -> {
                SeriesRow row = lockOrCreate(c, descriptor, fields);
                Tally tally = new Tally(row);
                merge(c, row.key, descriptor.id(), fields, first, tally);
                for (int batch = 2;; batch++) {
                    pulledMore[0] = true;
                    SeriesData next = nextBatch(batches);
                    if (next == null) {
                        break;
                    }
                    if (!next.fields().equals(first.fields())) {
                        throw new StoreException("series " + id + ": batch " + batch + " has the columns "
                                + fieldList(next.fields().toArray(new Field[0])) + ", the first batch had "
                                + fieldList(fields) + "; nothing was stored");
                    }
                    validate(id, next, batch);
                    merge(c, row.key, descriptor.id(), fields, next, tally);
                }
                tally.store(c, row.key);
                Written written = tally.written();
                if (changeLog && written.summary().bars() > 0) {
                    logChange(c, id, Change.APPENDED, written.from(), written.to(),
                            (int) Math.min(Integer.MAX_VALUE, written.summary().bars()));
                }
                return written;
            });
        } catch (SourceFailure e) {
            throw e.getCause();
        }
    }

    /** An {@link IOException} from a batch source, carried out of the transaction (which rolls back). */
    private static final class SourceFailure extends RuntimeException {

        private static final long serialVersionUID = 1L;

        SourceFailure(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    private static SeriesData nextBatch(BatchSource batches) {
        try {
            return batches.next();
        } catch (IOException e) {
            throw new SourceFailure(e);
        }
    }

    /** A source of the one batch {@code data}. */
    static BatchSource singleBatch(SeriesData data) {
        boolean[] given = {false};
        return () -> {
            if (given[0]) {
                return null;
            }
            given[0] = true;
            return data;
        };
    }

    /** The series row's facts and the bar counts, kept up to date batch by batch. */
    private static final class Tally {
        long count;
        long first;
        long last;
        long bars;
        long added;
        long changed;
        long writtenFrom = Long.MAX_VALUE;
        long writtenTo = Long.MIN_VALUE;

        Tally(SeriesRow row) {
            count = row.count;
            first = row.first;
            last = row.last;
        }

        void store(Connection c, int key) throws SQLException {
            if (bars == 0) {
                return;
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE TL_SERIES SET FIRST_TIME = ?, LAST_TIME = ?, BAR_COUNT = ? WHERE SERIES_KEY = ?")) {
                ps.setLong(1, first);
                ps.setLong(2, last);
                ps.setLong(3, count);
                ps.setInt(4, key);
                ps.executeUpdate();
            }
        }

        Written written() {
            return new Written(new WriteSummary(bars, added, changed, bars - added - changed),
                    bars == 0 ? 0 : writtenFrom, bars == 0 ? 0 : writtenTo);
        }
    }

    /**
     * Merges one batch into the stored chunks: reads the chunks its range touches (and the
     * partly filled chunk before it), merges the new bars in (new values win on equal
     * timestamps), and writes them back.
     */
    private void merge(Connection c, int key, SeriesId id, Field[] fields, SeriesData data, Tally tally)
            throws SQLException, StoreException {
        if (data.isEmpty()) {
            return;
        }
        long[] times = data.copyTimes();
        double[][] columns = new double[fields.length][];
        for (int f = 0; f < fields.length; f++) {
            columns[f] = data.copyColumn(fields[f]);
        }
        int chunkBars = chunkBars(fields.length);
        long from = times[0];
        long to = times[times.length - 1];

        // The chunks to merge with: those that overlap [from, to], and the one before if it is
        // not full (so appends keep filling the last chunk instead of leaving small ones).
        long firstStart = floorChunkStart(c, key, from);
        List<StoredChunk> affected = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SELECT_CHUNKS)) {
            ps.setInt(1, key);
            ps.setLong(2, firstStart);
            ps.setLong(3, to);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    StoredChunk chunk = StoredChunk.of(rs);
                    boolean overlaps = chunk.end >= from;
                    if (overlaps || chunk.count < chunkBars) {
                        affected.add(chunk);
                    }
                }
            }
        }

        int oldBars = 0;
        for (StoredChunk chunk : affected) {
            oldBars += chunk.count;
        }
        long[] oldTimes = new long[oldBars];
        double[][] oldColumns = new double[fields.length][oldBars];
        int filled = 0;
        // A damaged chunk fails the write: merged and written back with a fresh checksum, its
        // damage would be made permanent and invisible.
        for (StoredChunk chunk : affected) {
            filled += decodeChecked(id, chunk, oldTimes, oldColumns, filled);
        }
        Merged merged = merge(oldTimes, oldColumns, times, columns);

        if (!affected.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM TL_CHUNK WHERE SERIES_KEY = ? AND CHUNK_START >= ? AND CHUNK_START <= ?")) {
                ps.setInt(1, key);
                ps.setLong(2, affected.get(0).start);
                ps.setLong(3, affected.get(affected.size() - 1).start);
                ps.executeUpdate();
            }
        }
        faultPoint.afterDelete(id);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO TL_CHUNK (SERIES_KEY, CHUNK_START, CHUNK_END, BAR_COUNT, DATA, CRC) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int start = 0; start < merged.size; start += chunkBars) {
                int end = Math.min(merged.size, start + chunkBars);
                ps.setInt(1, key);
                ps.setLong(2, merged.times[start]);
                ps.setLong(3, merged.times[end - 1]);
                ps.setInt(4, end - start);
                byte[] encoded = ChunkCodec.encode(merged.times, merged.columns, start, end);
                ps.setBytes(5, encoded);
                ps.setInt(6, ChunkCodec.crc(encoded));
                ps.addBatch();
            }
            ps.executeBatch();
        }

        boolean wasEmpty = tally.count == 0;
        tally.count += merged.size - oldBars;
        tally.first = wasEmpty ? merged.times[0] : Math.min(tally.first, merged.times[0]);
        tally.last = wasEmpty ? merged.times[merged.size - 1] : Math.max(tally.last, merged.times[merged.size - 1]);
        tally.bars += times.length;
        tally.added += merged.added;
        tally.changed += merged.changed;
        tally.writtenFrom = Math.min(tally.writtenFrom, from);
        tally.writtenTo = Math.max(tally.writtenTo, to);
    }

    /** Updates (and so locks) the series row, or creates it; checks the columns match. */
    private SeriesRow lockOrCreate(Connection c, SeriesDescriptor d, Field[] fields) throws SQLException, StoreException {
        String fieldList = fieldList(fields);
        try (PreparedStatement ps = c.prepareStatement("UPDATE TL_SERIES SET NAME = ?, UNIT = ?, KIND = ?,"
                + " ASSET_CLASS = ?, TIMEFRAME = ? WHERE SERIES_ID = ?")) {
            ps.setString(1, d.name());
            ps.setString(2, d.unit());
            ps.setString(3, d.kind().name());
            ps.setString(4, d.assetClass().name());
            ps.setString(5, d.timeframe().label());
            ps.setString(6, d.id().toString());
            if (ps.executeUpdate() == 0) {
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO TL_SERIES (SERIES_ID, NAME, UNIT, KIND,"
                        + " ASSET_CLASS, TIMEFRAME, FIELDS, FIRST_TIME, LAST_TIME, BAR_COUNT)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0)")) {
                    insert.setString(1, d.id().toString());
                    insert.setString(2, d.name());
                    insert.setString(3, d.unit());
                    insert.setString(4, d.kind().name());
                    insert.setString(5, d.assetClass().name());
                    insert.setString(6, d.timeframe().label());
                    insert.setString(7, fieldList);
                    insert.executeUpdate();
                }
            }
        }
        SeriesRow row = find(c, d.id()).orElseThrow(() -> new SQLException("series row vanished: " + d.id()));
        if (!row.fields.equals(fieldList)) {
            throw new StoreException("series " + d.id() + " stores the columns " + row.fields
                    + "; the data has " + fieldList + ". Delete the series first to change its columns");
        }
        return row;
    }

    private static long floorChunkStart(Connection c, int key, long time) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT MAX(CHUNK_START) FROM TL_CHUNK WHERE SERIES_KEY = ? AND CHUNK_START <= ?")) {
            ps.setInt(1, key);
            ps.setLong(2, time);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long start = rs.getLong(1);
                return rs.wasNull() ? time : start;
            }
        }
    }

    /**
     * Two sorted runs merged; on equal timestamps the new bar wins. Counts the new bars that
     * added a timestamp, and those that replaced an old bar with a different one (any column
     * differing in its bits; -0.0 and 0.0 differ, as they would read back differently).
     */
    private record Merged(long[] times, double[][] columns, int size, long added, long changed) {
    }

    private static Merged merge(long[] oldTimes, double[][] oldColumns, long[] newTimes, double[][] newColumns) {
        int capacity = oldTimes.length + newTimes.length;
        long[] times = new long[capacity];
        double[][] columns = new double[newColumns.length][capacity];
        int i = 0;
        int j = 0;
        int k = 0;
        long added = 0;
        long changed = 0;
        while (i < oldTimes.length || j < newTimes.length) {
            boolean takeNew = i == oldTimes.length || (j < newTimes.length && newTimes[j] <= oldTimes[i]);
            if (takeNew) {
                if (i < oldTimes.length && oldTimes[i] == newTimes[j]) {
                    if (!sameBar(oldColumns, i, newColumns, j)) {
                        changed++;
                    }
                    i++;
                } else {
                    added++;
                }
                times[k] = newTimes[j];
                for (int f = 0; f < columns.length; f++) {
                    columns[f][k] = newColumns[f][j];
                }
                j++;
            } else {
                times[k] = oldTimes[i];
                for (int f = 0; f < columns.length; f++) {
                    columns[f][k] = oldColumns[f][i];
                }
                i++;
            }
            k++;
        }
        return new Merged(times, columns, k, added, changed);
    }

    private static boolean sameBar(double[][] a, int i, double[][] b, int j) {
        for (int f = 0; f < a.length; f++) {
            if (Double.doubleToRawLongBits(a[f][i]) != Double.doubleToRawLongBits(b[f][j])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public SeriesData read(SeriesId id, long fromMillis, long toMillis) throws StoreException {
        if (fromMillis > toMillis) {
            throw new StoreException("read of " + id + ": the range is inverted (from " + Instant.ofEpochMilli(fromMillis)
                    + " is after to " + Instant.ofEpochMilli(toMillis) + ")");
        }
        Damage scope = new Damage(id.toString(), fromMillis, toMillis, "");
        return transaction("read series " + id, scope, READ, () -> true, c -> {
            SeriesRow row = find(c, id).orElseThrow(() -> new StoreException("unknown series " + id
                    + " (tideline --headless series list shows what is stored)"));
            Field[] fields = row.fieldArray();
            List<StoredChunk> chunks = new ArrayList<>();
            long total = 0;
            long firstStart = floorChunkStart(c, row.key, fromMillis);
            try (PreparedStatement ps = c.prepareStatement(SELECT_CHUNKS)) {
                ps.setInt(1, row.key);
                ps.setLong(2, firstStart);
                ps.setLong(3, toMillis);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        StoredChunk chunk = StoredChunk.of(rs);
                        checkHeader(id, chunk, fields.length);
                        if (!chunks.isEmpty() && chunk.start <= chunks.get(chunks.size() - 1).end) {
                            throw damage(id, chunk, "it overlaps the chunk before it").exception("read series " + id, null);
                        }
                        total += chunk.count;
                        chunks.add(chunk);
                    }
                }
            }
            boolean whole = fromMillis <= row.first && toMillis >= row.last;
            if (whole && total != row.count) {
                throw new Damage(id.toString(), row.first, row.last, "the series records " + row.count
                        + " bars, its chunks hold " + total).exception("read series " + id, null);
            }
            long[] times = new long[(int) total];
            double[][] columns = new double[fields.length][(int) total];
            int filled = 0;
            for (StoredChunk chunk : chunks) {
                filled += decodeChecked(id, chunk, times, columns, filled);
            }
            return slice(times, columns, fields, fromMillis, toMillis);
        });
    }

    private static final String SELECT_CHUNKS = "SELECT CHUNK_START, CHUNK_END, BAR_COUNT, DATA, CRC FROM TL_CHUNK"
            + " WHERE SERIES_KEY = ? AND CHUNK_START >= ? AND CHUNK_START <= ? ORDER BY CHUNK_START";

    private static Damage damage(SeriesId id, StoredChunk chunk, String what) {
        return new Damage(id.toString(), chunk.start, chunk.end, what);
    }

    /**
     * Checks a chunk's checksum and that its row agrees with its header, before anything is
     * decoded (a wrong count would otherwise overrun the arrays it is decoded into).
     */
    private static void checkHeader(SeriesId id, StoredChunk chunk, int columns) throws Damage.DamagedException {
        Damage damage = Integrity.headerDamage(id.toString(), chunk, columns);
        if (damage != null) {
            throw damage.exception("read series " + id, null);
        }
    }

    /** Decodes a checked chunk, checking that its times match its row. */
    private static int decodeChecked(SeriesId id, StoredChunk chunk, long[] times, double[][] columns, int offset)
            throws Damage.DamagedException {
        Damage damage = Integrity.headerDamage(id.toString(), chunk, columns.length);
        if (damage == null) {
            damage = Integrity.decode(id.toString(), chunk, times, columns, offset);
        }
        if (damage != null) {
            throw damage.exception("use series " + id, null);
        }
        return chunk.count;
    }

    private static SeriesData slice(long[] times, double[][] columns, Field[] fields, long from, long to) {
        int lo = lowerBound(times, from);
        int hi = lowerBound(times, to == Long.MAX_VALUE ? to : to + 1);
        Map<Field, double[]> out = new EnumMap<>(Field.class);
        long[] t = java.util.Arrays.copyOfRange(times, lo, hi);
        for (int f = 0; f < fields.length; f++) {
            out.put(fields[f], java.util.Arrays.copyOfRange(columns[f], lo, hi));
        }
        return SeriesData.of(t, out);
    }

    /** The first index whose time is >= {@code time}. */
    private static int lowerBound(long[] times, long time) {
        int lo = 0;
        int hi = times.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] < time) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public List<SeriesInfo> list() throws StoreException {
        return transaction("list series", READ, c -> {
            List<SeriesInfo> infos = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(SELECT_SERIES + " ORDER BY SERIES_ID");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    infos.add(toRow(rs).info());
                }
            }
            return List.copyOf(infos);
        });
    }

    @Override
    public Optional<SeriesInfo> info(SeriesId id) throws StoreException {
        return transaction("look up series " + id, READ, c -> find(c, id).map(SeriesRow::info));
    }

    @Override
    public boolean delete(SeriesId id) throws StoreException {
        refuseIfReadOnly();
        return transaction("delete series " + id, WRITE, c -> {
            lock(c, id);
            Optional<SeriesRow> row = find(c, id);
            if (row.isEmpty()) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM TL_CHUNK WHERE SERIES_KEY = ?")) {
                ps.setInt(1, row.get().key);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM TL_SERIES WHERE SERIES_KEY = ?")) {
                ps.setInt(1, row.get().key);
                ps.executeUpdate();
            }
            if (changeLog) {
                logChange(c, id, Change.DELETED, row.get().first, row.get().last, 0);
            }
            return true;
        });
    }

    // ---- the collector's feed health ------------------------------------------------------

    /** The longest last error kept per feed (the column's width); a longer one is cut with an ellipsis. */
    static final int FEED_ERROR_CHARS = 4000;
    /** The most characters of stale series ids kept per feed (the column's width). */
    static final int STALE_SERIES_CHARS = 32000;

    /**
     * Replaces the collector's record of its feeds with {@code feeds}, in one transaction: a
     * reader never sees half of it. A team mode reader is refused before anything is sent.
     */
    @Override
    public void recordFeeds(List<RecordedFeed> feeds) throws StoreException {
        refuseIfReadOnly();
        transaction("record the feeds' health", WRITE, c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM TL_FEED_HEALTH");
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO TL_FEED_HEALTH (SOURCE, STATE, LAST_SUCCESS,"
                    + " LAST_ERROR, SERIES, NEXT_RUN, STALE_SERIES, COLLECTOR, RECORDED_AT)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (RecordedFeed f : feeds) {
                    ps.setString(1, f.source());
                    ps.setString(2, f.health().state().name());
                    ps.setLong(3, f.health().lastSuccessMillis());
                    ps.setString(4, cut(f.health().lastError(), FEED_ERROR_CHARS));
                    ps.setInt(5, f.series());
                    ps.setLong(6, f.nextRunMillis());
                    ps.setString(7, staleSeriesText(f.staleSeries()));
                    ps.setString(8, cut(f.collector(), 256));
                    ps.setLong(9, f.recordedMillis());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<RecordedFeed> recordedFeeds() throws StoreException {
        return transaction("read the collector's feed health", READ, c -> {
            List<RecordedFeed> feeds = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT SOURCE, STATE, LAST_SUCCESS, LAST_ERROR, SERIES,"
                    + " NEXT_RUN, STALE_SERIES, COLLECTOR, RECORDED_AT FROM TL_FEED_HEALTH ORDER BY SOURCE");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    FeedHealth.State state;
                    try {
                        state = FeedHealth.State.valueOf(rs.getString(2).trim());
                    } catch (IllegalArgumentException e) {
                        // Written by a newer collector: shown, but as what this Tideline can say of it.
                        state = FeedHealth.State.UNKNOWN;
                    }
                    String stale = rs.getString(7);
                    feeds.add(new RecordedFeed(rs.getString(1), new FeedHealth(state, Math.max(0, rs.getLong(3)),
                            rs.getString(4)), Math.max(0, rs.getInt(5)), Math.max(0, rs.getLong(6)),
                            stale.isEmpty() ? List.of() : List.of(stale.split("\n")), rs.getString(8),
                            Math.max(0, rs.getLong(9))));
                }
            }
            return List.copyOf(feeds);
        });
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "\u2026";
    }

    /** The ids one per line, as many whole ids as the column holds. */
    private static String staleSeriesText(List<String> ids) {
        StringBuilder b = new StringBuilder();
        for (String id : ids) {
            if (b.length() + id.length() + 1 > STALE_SERIES_CHARS) {
                break;
            }
            if (!b.isEmpty()) {
                b.append('\n');
            }
            b.append(id.replace('\n', ' '));
        }
        return b.toString();
    }

    // ---- the change log ------------------------------------------------------------------

    /**
     * One row of the change log: a committed write ({@link #APPENDED}, the range and bar count
     * written) or delete ({@link #DELETED}) of a series, by the store instance {@code writer}.
     */
    record Change(long seq, String series, char kind, long from, long to, int count, String writer) {
        static final char APPENDED = 'A';
        static final char DELETED = 'D';
    }

    /** This instance's writer id in the change log (random, one per instance). */
    String writer() {
        return writer;
    }

    /** Whether this instance records its writes in the change log. */
    boolean logsChanges() {
        return changeLog;
    }

    /**
     * Appends a change row as the last step of a write: taking the next sequence locks the
     * counter row until commit, so sequences commit in order and without gaps (a rolled-back
     * write takes its number back). Writers of different series wait for each other only here,
     * at the end; nothing is locked after the counter, so this adds no deadlock.
     */
    private void logChange(Connection c, SeriesId id, char kind, long from, long to, int count) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE TL_CHANGE_SEQ SET LAST_SEQ = LAST_SEQ + 1")) {
            ps.executeUpdate();
        }
        long seq;
        try (PreparedStatement ps = c.prepareStatement("SELECT LAST_SEQ FROM TL_CHANGE_SEQ");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            seq = rs.getLong(1);
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO TL_CHANGE (SEQ, SERIES_ID, KIND, FROM_TIME, TO_TIME,"
                + " BAR_COUNT, WRITER) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, seq);
            ps.setString(2, id.toString());
            ps.setString(3, String.valueOf(kind));
            ps.setLong(4, from);
            ps.setLong(5, to);
            ps.setInt(6, count);
            ps.setString(7, writer);
            ps.executeUpdate();
        }
    }

    /** The newest committed change's sequence, 0 when nothing was ever logged. */
    long lastChange() throws StoreException {
        return transaction("read the change log", Connection.TRANSACTION_READ_COMMITTED, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT LAST_SEQ FROM TL_CHANGE_SEQ");
                    ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /**
     * The committed changes after {@code seq}, oldest first, at most {@code max}. A first row
     * whose sequence is not {@code seq + 1} means the rows between were pruned.
     */
    List<Change> changesAfter(long seq, int max) throws StoreException {
        return transaction("read the change log", Connection.TRANSACTION_READ_COMMITTED, c -> {
            List<Change> changes = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT SEQ, SERIES_ID, KIND, FROM_TIME, TO_TIME, BAR_COUNT,"
                    + " WRITER FROM TL_CHANGE WHERE SEQ > ? ORDER BY SEQ FETCH FIRST " + max + " ROWS ONLY")) {
                ps.setLong(1, seq);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        changes.add(new Change(rs.getLong(1), rs.getString(2), rs.getString(3).charAt(0),
                                rs.getLong(4), rs.getLong(5), rs.getInt(6), rs.getString(7)));
                    }
                }
            }
            return List.copyOf(changes);
        });
    }

    /**
     * Deletes change rows written (by the server's clock) more than {@code keepMinutes} ago,
     * and beyond the newest {@code keepRows}; the newest row always stays, so a reader can tell
     * "nothing new" from "pruned while away".
     *
     * @return how many rows were deleted
     */
    int pruneChanges(int keepMinutes, long keepRows) throws StoreException {
        if (readOnly != null) {
            return 0; // the collector prunes
        }
        return transaction("prune the change log", Connection.TRANSACTION_READ_COMMITTED, c -> {
            long last;
            try (PreparedStatement ps = c.prepareStatement("SELECT LAST_SEQ FROM TL_CHANGE_SEQ");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                last = rs.getLong(1);
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM TL_CHANGE WHERE SEQ < ? AND (SEQ <= ? OR"
                    + " WRITTEN_AT < {fn TIMESTAMPADD(SQL_TSI_MINUTE, ?, CURRENT_TIMESTAMP)})")) {
                ps.setLong(1, last);
                ps.setLong(2, last - keepRows);
                ps.setInt(3, -keepMinutes);
                return ps.executeUpdate();
            }
        });
    }

    /** Walks every series and chunk for {@code db check} (see {@link Integrity#check}). */
    Integrity.Report check() {
        return Integrity.check(source);
    }

    /** Counts of stored series, bars and chunks, for {@code db info}. */
    public long[] counts() throws StoreException {
        return transaction("count rows", READ, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT (SELECT COUNT(*) FROM TL_SERIES),"
                    + " (SELECT COALESCE(SUM(BAR_COUNT), 0) FROM TL_SERIES), (SELECT COUNT(*) FROM TL_CHUNK)"
                    + " FROM SYSIBM.SYSDUMMY1"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
            }
        });
    }

    private static final String SELECT_SERIES = "SELECT SERIES_KEY, SERIES_ID, NAME, UNIT, KIND, ASSET_CLASS,"
            + " TIMEFRAME, FIELDS, FIRST_TIME, LAST_TIME, BAR_COUNT FROM TL_SERIES";

    private static Optional<SeriesRow> find(Connection c, SeriesId id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT_SERIES + " WHERE SERIES_ID = ?")) {
            ps.setString(1, id.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(toRow(rs)) : Optional.empty();
            }
        }
    }

    private static SeriesRow toRow(ResultSet rs) throws SQLException {
        SeriesDescriptor d = new SeriesDescriptor(SeriesId.parse(rs.getString(2)), rs.getString(3), rs.getString(4),
                SeriesKind.valueOf(rs.getString(5)), AssetClass.valueOf(rs.getString(6)),
                Timeframe.parse(rs.getString(7)));
        return new SeriesRow(rs.getInt(1), d, rs.getString(8), rs.getLong(9), rs.getLong(10), rs.getLong(11));
    }

    private record SeriesRow(int key, SeriesDescriptor descriptor, String fields, long first, long last, long count) {

        SeriesInfo info() {
            return new SeriesInfo(descriptor, first, last, count);
        }

        Field[] fieldArray() {
            Set<Field> set = EnumSet.noneOf(Field.class);
            for (String f : fields.split(",")) {
                set.add(Field.valueOf(f));
            }
            return set.toArray(new Field[0]);
        }
    }

    /** One TL_CHUNK row as read. */
    record StoredChunk(long start, long end, int count, byte[] data, int crc) {

        /** The row at the cursor of a SELECT of {@link #SELECT_CHUNKS}' columns. */
        static StoredChunk of(ResultSet rs) throws SQLException {
            return new StoredChunk(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getBytes(4), rs.getInt(5));
        }
    }

    private static String fieldList(Field[] fields) {
        return java.util.Arrays.stream(fields).map(Field::name).collect(Collectors.joining(","));
    }

    /**
     * Rejects values and timestamps that must never reach the store, naming the first one (and
     * the batch, when a write has more than one).
     */
    static void validate(SeriesId id, SeriesData data, int batch) throws StoreException {
        String where = batch == 1 ? "" : "batch " + batch + ", ";
        for (int i = 0; i < data.size(); i++) {
            long t = data.time(i);
            if (t < MIN_TIME || t > MAX_TIME) {
                throw new StoreException("series " + id + ": timestamp " + t + " at " + where + "index " + i
                        + " is outside 1900-01-01 .. 2200-01-01 (epoch milliseconds expected)");
            }
        }
        for (Field f : data.fields()) {
            for (int i = 0; i < data.size(); i++) {
                double v = data.get(f, i);
                if (Double.isNaN(v) || Double.isInfinite(v)) {
                    throw new StoreException("series " + id + ": " + f + " at " + Instant.ofEpochMilli(data.time(i))
                            + " (" + where + "index " + i + ") is " + v
                            + "; leave missing observations out instead of storing NaN");
                }
            }
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException, StoreException;
    }

    /**
     * Readers run in REPEATABLE READ and read the series row first: the shared lock they hold on
     * it until commit keeps the series' writers out, so the chunks they read afterwards are one
     * consistent state. Writers run in READ COMMITTED and lock the series row first (exclusive,
     * until commit); writers of different series do not wait for each other. (SERIALIZABLE's
     * range locks made writers of neighbouring series block each other and deadlock.)
     */
    private static final int READ = Connection.TRANSACTION_REPEATABLE_READ;
    private static final int WRITE = Connection.TRANSACTION_READ_COMMITTED;

    private static void lock(Connection c, SeriesId id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE TL_SERIES SET BAR_COUNT = BAR_COUNT WHERE SERIES_ID = ?")) {
            ps.setString(1, id.toString());
            ps.executeUpdate();
        }
    }

    /**
     * Runs {@code work} in one transaction, retrying when Derby chose it as a deadlock victim,
     * timed out on a lock, or lost a race creating the same series.
     */
    private <T> T transaction(String what, int isolation, Work<T> work) throws StoreException {
        return transaction(what, null, isolation, () -> true, work);
    }

    /**
     * As above; {@code scope} is the series and range the work touches, named when Derby
     * reports damaged files (null: the store as a whole), and {@code canRetry} says whether the
     * work can still be run again.
     */
    private <T> T transaction(String what, Damage scope, int isolation, BooleanSupplier canRetry, Work<T> work)
            throws StoreException {
        try {
            return attempt(what, isolation, canRetry, work);
        } catch (OutOfMemoryError e) {
            throw outOfMemory(what, e);
        } catch (StoreException e) {
            if (!(e instanceof Damage.DamagedException) && e.getCause() != null && Damage.outOfMemory(e.getCause())) {
                throw outOfMemory(what, e.getCause());
            }
            if (!(e instanceof Damage.DamagedException) && e.getCause() != null && Damage.isDamage(e.getCause())) {
                throw damaged(what, scope, e.getCause());
            }
            throw e;
        } catch (RuntimeException e) {
            if (Damage.isDamage(e)) {
                throw damaged(what, scope, e);
            }
            throw e;
        }
    }

    private static StoreException outOfMemory(String what, Throwable cause) {
        return new StoreException("cannot " + what + ": Tideline ran out of memory; nothing of this write was stored."
                + " Give it more (e.g. TIDELINE_JAVA_OPTS=-Xmx2g) or write smaller batches", cause);
    }

    private Damage.DamagedException damaged(String what, Damage scope, Throwable cause) {
        String text = "Derby could not read the store's files at " + source.where() + " (details in derby.log)";
        if (scope == null) {
            Damage whole = new Damage("(the store)", Long.MIN_VALUE, Long.MAX_VALUE, text);
            return new Damage.DamagedException(whole, "cannot " + what + ": the store's files at " + source.where()
                    + " are damaged (details in derby.log). " + Damage.WHAT_TO_DO, cause);
        }
        return new Damage(scope.series(), scope.from(), scope.to(), text).exception(what, cause);
    }

    private <T> T attempt(String what, int isolation, BooleanSupplier canRetry, Work<T> work) throws StoreException {
        SQLException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try (Connection c = source.open()) {
                c.setAutoCommit(false);
                c.setTransactionIsolation(isolation);
                try {
                    T result = work.run(c);
                    c.commit();
                    return result;
                } catch (SQLException | StoreException | RuntimeException | Error e) {
                    // An Error too (an OutOfMemoryError in the middle of a batch): the connection
                    // goes back with nothing of this transaction left pending.
                    rollback(c, e);
                    throw e;
                }
            } catch (SQLException e) {
                if (Schema.refusedWrite(e)) {
                    // The server's roles, should this store have missed that its user only reads.
                    throw new StoreException("cannot " + what + ": the store user '" + source.user() + "' may only read"
                            + " (team mode reader); nothing was changed. Imports go through the collector", e);
                }
                if (!retryable(e) || !canRetry.getAsBoolean()) {
                    throw new StoreException("cannot " + what + " in the store at " + source.where() + ": "
                            + e.getMessage(), e);
                }
                last = e;
                try {
                    Thread.sleep(5L * attempt);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new StoreException("interrupted while trying to " + what, ie);
                }
            }
        }
        throw new StoreException("cannot " + what + " in the store at " + source.where() + " after " + ATTEMPTS
                + " attempts: " + last.getMessage(), last);
    }

    private static void rollback(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /**
     * Deadlocks, lock time-outs and a lost race creating a series; and a connection the server
     * dropped (08006, 08003: a pooled connection that outlived a server restart), which the pool
     * has discarded, so the next attempt connects afresh.
     */
    private static boolean retryable(SQLException e) {
        String state = e.getSQLState();
        return "40001".equals(state) || "40XL1".equals(state) || "40XL2".equals(state) || "23505".equals(state)
                || "08006".equals(state) || "08003".equals(state);
    }
}
