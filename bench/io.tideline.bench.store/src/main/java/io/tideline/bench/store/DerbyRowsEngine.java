package io.tideline.bench.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import org.apache.derby.jdbc.EmbeddedDriver;

/** The row-per-bar baseline on embedded Derby (the same Derby the store runs on). */
final class DerbyRowsEngine extends JdbcRowsEngine {

    static final String NAME = "derby-rows";

    private final EmbeddedDriver driver = new EmbeddedDriver();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected Connection connect(Path dir) throws SQLException {
        return driver.connect("jdbc:derby:" + dir.toAbsolutePath() + ";create=true", new Properties());
    }

    @Override
    protected boolean hasTable(Connection c) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, "APP", "BARS", null)) {
            return rs.next();
        }
    }

    /** Shuts the database down; Derby answers a clean shutdown with SQLState 08006. */
    @Override
    protected void release(Path dir) throws SQLException {
        try {
            driver.connect("jdbc:derby:" + dir.toAbsolutePath() + ";shutdown=true", new Properties());
        } catch (SQLException e) {
            if ("08006".equals(e.getSQLState())) {
                return;
            }
            throw e;
        }
        throw new IllegalStateException("Derby did not report the shutdown of " + dir);
    }

    @Override
    public DiskSize sizeOnDisk() {
        return new DiskSize(Dirs.size(dir), Dirs.size(dir.resolve("seg0")));
    }
}
