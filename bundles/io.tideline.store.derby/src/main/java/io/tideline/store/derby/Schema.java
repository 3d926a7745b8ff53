package io.tideline.store.derby;

import io.tideline.api.store.StoreException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Creates the store's tables on first start and migrates older schemas step by step; refuses a
 * schema newer than this code knows, leaving it untouched.
 */
final class Schema {

    /** The schema version this code writes. */
    static final int CURRENT = 4;

    /** One migration step, run inside the migration's transaction. */
    @FunctionalInterface
    private interface Step {
        void run(Connection c) throws SQLException;
    }

    /** Migrations: element {@code i} takes a database from version {@code i} to {@code i + 1}. */
    private static final List<List<Step>> MIGRATIONS = List.of(
            // 0 -> 1: the first schema.
            sql(List.of(
                    "CREATE TABLE TL_SCHEMA (VERSION INT NOT NULL)",
                    "INSERT INTO TL_SCHEMA (VERSION) VALUES (0)",
                    "CREATE TABLE TL_SERIES (SERIES_KEY INT NOT NULL GENERATED ALWAYS AS IDENTITY,"
                            + " SERIES_ID VARCHAR(256) NOT NULL, NAME VARCHAR(512) NOT NULL,"
                            + " UNIT VARCHAR(64) NOT NULL, KIND VARCHAR(32) NOT NULL,"
                            + " ASSET_CLASS VARCHAR(32) NOT NULL, TIMEFRAME VARCHAR(8) NOT NULL,"
                            + " FIELDS VARCHAR(128) NOT NULL, FIRST_TIME BIGINT NOT NULL,"
                            + " LAST_TIME BIGINT NOT NULL, BAR_COUNT BIGINT NOT NULL,"
                            + " CONSTRAINT TL_SERIES_PK PRIMARY KEY (SERIES_KEY),"
                            + " CONSTRAINT TL_SERIES_ID UNIQUE (SERIES_ID))",
                    // One row per chunk (see ChunkedSeriesStore.CHUNK_VALUE_BYTES); chunks of a
                    // series never overlap, so (series, first time) orders and finds them.
                    // Chunks are written whole and never grow in place, so the table's pages
                    // need no space reserved for updates: 32 KB pages, none reserved.
                    "CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.storage.pageSize', '32768')",
                    "CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.storage.pageReservedSpace', '0')",
                    "CREATE TABLE TL_CHUNK (SERIES_KEY INT NOT NULL, CHUNK_START BIGINT NOT NULL,"
                            + " CHUNK_END BIGINT NOT NULL, BAR_COUNT INT NOT NULL, DATA BLOB(64M) NOT NULL,"
                            + " CONSTRAINT TL_CHUNK_PK PRIMARY KEY (SERIES_KEY, CHUNK_START))",
                    "CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.storage.pageSize', NULL)",
                    "CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.storage.pageReservedSpace', NULL)")),
            // 1 -> 2: a CRC32C of every chunk's DATA, checked on every read; computed here for
            // the chunks stored before (it vouches for them from now on, not for the past).
            List.of(
                    c -> execute(c, "ALTER TABLE TL_CHUNK ADD COLUMN CRC INT NOT NULL DEFAULT 0"),
                    Schema::checksumExistingChunks),
            // 2 -> 3: the change log that carries change notices between processes sharing a
            // server (see ChangePoller). SEQ is dense and commits in order: it is taken from
            // TL_CHANGE_SEQ's one row, updated (and so locked until commit) as the last step of
            // each logged write, so a reader that saw SEQ n has seen every row below n, and a
            // jump in SEQ means rows were pruned. WRITTEN_AT is the server's clock, for pruning.
            sql(List.of(
                    "CREATE TABLE TL_CHANGE_SEQ (LAST_SEQ BIGINT NOT NULL)",
                    "INSERT INTO TL_CHANGE_SEQ (LAST_SEQ) VALUES (0)",
                    "CREATE TABLE TL_CHANGE (SEQ BIGINT NOT NULL, SERIES_ID VARCHAR(256) NOT NULL,"
                            + " KIND CHAR(1) NOT NULL, FROM_TIME BIGINT NOT NULL, TO_TIME BIGINT NOT NULL,"
                            + " BAR_COUNT INT NOT NULL, WRITER VARCHAR(36) NOT NULL,"
                            + " WRITTEN_AT TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,"
                            + " CONSTRAINT TL_CHANGE_PK PRIMARY KEY (SEQ))")),
            // 3 -> 4: the collector's record of its feeds' health, one row per feed, so that the
            // workbenches sharing the store, which run no feeds, show it (see recordFeeds).
            // STALE_SERIES holds the stale series' ids one per line; times are epoch ms.
            sql(List.of(
                    "CREATE TABLE TL_FEED_HEALTH (SOURCE VARCHAR(256) NOT NULL, STATE VARCHAR(16) NOT NULL,"
                            + " LAST_SUCCESS BIGINT NOT NULL, LAST_ERROR VARCHAR(4000), SERIES INT NOT NULL, NEXT_RUN BIGINT NOT NULL,"
                            + " STALE_SERIES VARCHAR(32000) NOT NULL, COLLECTOR VARCHAR(256) NOT NULL,"
                            + " RECORDED_AT BIGINT NOT NULL, CONSTRAINT TL_FEED_HEALTH_PK PRIMARY KEY (SOURCE))")));

    private static List<Step> sql(List<String> statements) {
        return statements.stream().<Step>map(sql -> c -> execute(c, sql)).toList();
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void checksumExistingChunks(Connection c) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT SERIES_KEY, CHUNK_START, DATA FROM TL_CHUNK");
                PreparedStatement update = c.prepareStatement(
                        "UPDATE TL_CHUNK SET CRC = ? WHERE SERIES_KEY = ? AND CHUNK_START = ?");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                update.setInt(1, ChunkCodec.crc(rs.getBytes(3)));
                update.setInt(2, rs.getInt(1));
                update.setLong(3, rs.getLong(2));
                update.executeUpdate();
            }
        }
    }

    private Schema() {
    }

    /**
     * Brings the database to {@link #CURRENT} in one transaction.
     *
     * @param where the database, for messages (a folder or a URL)
     * @throws StoreException if the schema is newer than this code, or the DDL fails
     */
    static int prepare(Connection c, String where) throws StoreException {
        return prepare(c, where, CURRENT);
    }

    /**
     * Brings the database to {@code target} (at most {@link #CURRENT}); tests build stores of
     * an earlier schema with it, to migrate them forward.
     */
    static int prepare(Connection c, String where, int target) throws StoreException {
        try {
            c.setAutoCommit(false);
            int version = version(c);
            if (version > CURRENT) {
                c.rollback();
                throw new StoreException("the store at " + where + " has schema version " + version
                        + ", newer than this Tideline understands (" + CURRENT + "); it was left untouched."
                        + " Use a newer Tideline, or another data directory (--data-dir)");
            }
            for (int v = version; v < target; v++) {
                for (Step step : MIGRATIONS.get(v)) {
                    step.run(c);
                }
                execute(c, "UPDATE TL_SCHEMA SET VERSION = " + (v + 1));
            }
            c.commit();
            return version;
        } catch (SQLException e) {
            try {
                c.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new StoreException("cannot prepare the store schema at " + where + ": " + e.getMessage(), e);
        }
    }

    /**
     * The store's tables, every one of which a reader reads (the change log too, for its poller,
     * and the collector's feed health).
     */
    private static final List<String> TABLES = List.of("TL_SCHEMA", "TL_SERIES", "TL_CHUNK", "TL_CHANGE_SEQ", "TL_CHANGE",
            "TL_FEED_HEALTH");

    /**
     * Who works on the store through a connection.
     *
     * @param user the session's user (Derby's case: an ordinary name in upper case)
     * @param schema the schema the connection works in
     * @param owner the schema's owner, or null when the schema does not exist yet
     */
    record Access(String user, String schema, String owner) {

        /** An embedded store: its one user owns everything. */
        static final Access OWNER = new Access("APP", "APP", "APP");

        /** Whether the store is another user's: with SQL authorization this user only reads it. */
        boolean reader() {
            return owner != null && !owner.equals(user);
        }
    }

    /** The connection's user, schema and the schema's owner. */
    static Access access(Connection c) throws SQLException {
        String user;
        String schema;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("VALUES (CURRENT_USER, CURRENT SCHEMA)")) {
            rs.next();
            user = rs.getString(1);
            schema = rs.getString(2);
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT AUTHORIZATIONID FROM SYS.SYSSCHEMAS WHERE SCHEMANAME = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                return new Access(user, schema, rs.next() ? rs.getString(1) : null);
            }
        }
    }

    /**
     * For a reader, which never migrates: the store must exist at this code's schema version.
     *
     * @param readOnly the sentence saying that the user only reads, for the messages
     */
    static void checkReadable(Connection c, String where, String readOnly) throws StoreException {
        int version;
        try {
            version = version(c);
        } catch (SQLException e) {
            throw new StoreException("cannot read the store schema at " + where + ": " + e.getMessage(), e);
        }
        if (version == 0) {
            throw new StoreException("the store at " + where + " has no Tideline tables yet, and " + readOnly
                    + ": start the collector once, which creates them");
        }
        if (version < CURRENT) {
            throw new StoreException("the store at " + where + " has schema version " + version + ", older than this"
                    + " Tideline's (" + CURRENT + "), and " + readOnly + ": start the collector with this Tideline"
                    + " version once, which migrates the store, then start this one again");
        }
        if (version > CURRENT) {
            throw new StoreException("the store at " + where + " has schema version " + version
                    + ", newer than this Tideline understands (" + CURRENT + "); use a newer Tideline");
        }
    }

    /**
     * Lets every user the server admits read the store (the writer's connection; a server
     * admits only its writer and its readers). A server without SQL authorization (42Z60:
     * Derby refuses GRANT) has no readers to grant to.
     */
    static void grantReading(Connection c) throws StoreException {
        try {
            c.setAutoCommit(false);
            if (grantedToAll(c)) {
                // Granting again would change nothing but invalidate every reader's prepared statements.
                c.commit();
                return;
            }
            for (String table : TABLES) {
                execute(c, "GRANT SELECT ON TABLE " + table + " TO PUBLIC");
            }
            c.commit();
        } catch (SQLException e) {
            try {
                c.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (!"42Z60".equals(e.getSQLState())) {
                throw new StoreException("cannot grant the store's readers SELECT: " + e.getMessage(), e);
            }
        }
    }

    /** Whether every store table of the current schema already grants SELECT to PUBLIC. */
    private static boolean grantedToAll(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM SYS.SYSTABLEPERMS p"
                + " JOIN SYS.SYSTABLES t ON p.TABLEID = t.TABLEID JOIN SYS.SYSSCHEMAS s ON t.SCHEMAID = s.SCHEMAID"
                + " WHERE p.GRANTEE = 'PUBLIC' AND p.SELECTPRIV IN ('y', 'Y') AND s.SCHEMANAME = CURRENT SCHEMA"
                + " AND t.TABLENAME IN ('" + String.join("', '", TABLES) + "')");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getInt(1) == TABLES.size();
        }
    }

    /**
     * Whether Derby refused a change because the connection only reads (a reader's: 25502 data,
     * 25503 DDL, 25505 a read-only transaction).
     */
    static boolean refusedWrite(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            String state = s.getSQLState();
            if ("25502".equals(state) || "25503".equals(state) || "25505".equals(state)) {
                return true;
            }
        }
        return false;
    }

    /** The stored schema version, or 0 for an empty database. */
    static int version(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet tables = meta.getTables(null, null, "TL_SCHEMA", null)) {
            boolean found = false;
            while (tables.next()) {
                // Only the connection's own schema counts (APP embedded, the user's on a server).
                found |= tables.getString("TABLE_SCHEM").equalsIgnoreCase(currentSchema(c));
            }
            if (!found) {
                return 0;
            }
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(VERSION) FROM TL_SCHEMA")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static String currentSchema(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("VALUES CURRENT SCHEMA")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
