package io.tideline.bench.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The row-per-bar baseline: one row per (series, timestamp) in
 * {@code BARS (SERIES INT, TS BIGINT, V DOUBLE, PRIMARY KEY (SERIES, TS))}, written with plain
 * batched {@code INSERT}s (the databases start empty, so nothing is merged: this is the
 * cheapest possible write), one {@code executeBatch} and one commit per {@link #upsert}, at
 * the engine's default durability. Subclasses say how to connect, disconnect and measure.
 */
abstract class JdbcRowsEngine implements Engine {

    static final String CREATE = "CREATE TABLE BARS (SERIES INT NOT NULL, TS BIGINT NOT NULL,"
            + " V DOUBLE NOT NULL, PRIMARY KEY (SERIES, TS))";
    static final String INSERT = "INSERT INTO BARS (SERIES, TS, V) VALUES (?, ?, ?)";
    static final String SELECT = "SELECT TS, V FROM BARS WHERE SERIES = ? AND TS BETWEEN ? AND ? ORDER BY TS";

    protected Path dir;
    private Connection connection;
    private PreparedStatement insert;
    private PreparedStatement select;

    /** A connection to the database in {@code dir}, created if absent. */
    protected abstract Connection connect(Path dir) throws SQLException;

    /** Whether the {@code BARS} table exists yet. */
    protected abstract boolean hasTable(Connection c) throws SQLException;

    /** Releases the database after its connection was closed (Derby: shuts it down). */
    protected void release(Path dir) throws SQLException {
    }

    @Override
    public void open(Path dir) throws Exception {
        this.dir = dir;
        connection = connect(dir);
        if (!hasTable(connection)) {
            try (Statement s = connection.createStatement()) {
                s.execute(CREATE);
            }
        }
        connection.setAutoCommit(false);
        connection.commit();
        insert = connection.prepareStatement(INSERT);
        select = connection.prepareStatement(SELECT);
    }

    @Override
    public void upsert(int series, long[] times, double[] values, int from, int to) throws SQLException {
        for (int i = from; i < to; i++) {
            insert.setInt(1, series);
            insert.setLong(2, times[i]);
            insert.setDouble(3, values[i]);
            insert.addBatch();
        }
        insert.executeBatch();
        connection.commit();
    }

    @Override
    public Bars read(int series, long from, long to) throws SQLException {
        Bars.Builder bars = new Bars.Builder();
        select.setInt(1, series);
        select.setLong(2, from);
        select.setLong(3, to);
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                bars.add(rs.getLong(1), rs.getDouble(2));
            }
        }
        connection.commit();
        return bars.build();
    }

    @Override
    public void close() throws SQLException {
        if (connection == null) {
            return;
        }
        try {
            connection.rollback(); // nothing is pending; ends the read transaction
            connection.close();
        } finally {
            connection = null;
            insert = null;
            select = null;
            release(dir);
        }
    }
}
