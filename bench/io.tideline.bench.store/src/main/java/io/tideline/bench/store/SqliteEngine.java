package io.tideline.bench.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The row-per-bar baseline on SQLite ({@code org.xerial:sqlite-jdbc}), in the file
 * {@code bars.db} of the database directory, with SQLite's defaults (rollback journal,
 * {@code synchronous=FULL}).
 */
final class SqliteEngine extends JdbcRowsEngine {

    static final String NAME = "sqlite";

    private final org.sqlite.JDBC driver = new org.sqlite.JDBC();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected Connection connect(Path dir) throws SQLException {
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new SQLException("cannot create " + dir, e);
        }
        return driver.connect("jdbc:sqlite:" + file(dir), new Properties());
    }

    @Override
    protected boolean hasTable(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'BARS'")) {
            return rs.next();
        }
    }

    @Override
    public DiskSize sizeOnDisk() {
        return new DiskSize(Dirs.size(dir), Dirs.size(file(dir)));
    }

    private static Path file(Path dir) {
        return dir.resolve("bars.db").toAbsolutePath();
    }
}
