package io.tideline.store.derby;

import io.tideline.api.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.apache.derby.jdbc.ClientDriver;
import org.apache.derby.jdbc.EmbeddedDriver;

/**
 * Connections to a Derby database: embedded in this process (the default, a folder under the
 * data directory) or through Derby's network client to a Derby Network Server shared by a team.
 *
 * <p>Drivers are instantiated directly rather than found through {@code DriverManager}, which
 * does not see drivers inside OSGi bundles.
 */
final class DerbyDatabase {

    private DerbyDatabase() {
    }

    /**
     * An embedded database in {@code folder}, created on first use. Boots Derby now, so that a
     * locked or damaged folder is reported here, by name, rather than on the first write.
     */
    static ConnectionSource embedded(Path folder) throws StoreException {
        Path parent = folder.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (java.io.IOException e) {
            throw new StoreException("cannot create the data directory " + parent + ": " + e.getMessage(), e);
        }
        if (System.getProperty("derby.stream.error.file") == null) {
            // Derby writes derby.log into the working directory unless told otherwise.
            System.setProperty("derby.stream.error.file", parent.resolve("derby.log").toString());
        }
        String url = "jdbc:derby:" + folder.toAbsolutePath() + ";create=true";
        EmbeddedDriver driver = new EmbeddedDriver();
        ConnectionSource source = new ConnectionSource() {
            @Override
            public Connection open() throws SQLException {
                return driver.connect(url, new Properties());
            }

            @Override
            public String where() {
                return folder.toAbsolutePath().toString();
            }
        };
        try (Connection c = source.open()) {
            return source;
        } catch (SQLException e) {
            throw bootFailure(folder.toAbsolutePath().toString(), e);
        }
    }

    /** A database on a Derby Network Server, e.g. {@code jdbc:derby://host:1527/tideline;create=true}. */
    static ConnectionSource network(String url, String user, String password) throws StoreException {
        if (!url.startsWith("jdbc:derby://")) {
            throw new StoreException("store url '" + url + "' is not a Derby network URL"
                    + " (expected jdbc:derby://HOST:PORT/DATABASE)");
        }
        ClientDriver driver = new ClientDriver();
        Properties props = new Properties();
        if (user != null && !user.isBlank()) {
            props.setProperty("user", user);
        }
        if (password != null) {
            props.setProperty("password", password);
        }
        ConnectionSource source = new ConnectionSource() {
            @Override
            public Connection open() throws SQLException {
                return driver.connect(url, props);
            }

            @Override
            public String where() {
                return url;
            }
        };
        try (Connection c = source.open()) {
            return source;
        } catch (SQLException e) {
            throw bootFailure(url + (user == null ? "" : " as user " + user), e);
        }
    }

    /** Shuts an embedded database down cleanly (Derby answers a clean shutdown with 08006). */
    static void shutdownEmbedded(Path folder) {
        try {
            new EmbeddedDriver().connect("jdbc:derby:" + folder.toAbsolutePath() + ";shutdown=true", new Properties());
        } catch (SQLException expected) {
            // 08006: database shut down; XJ004: it was not booted. Either way it is closed.
        }
    }

    /** Turns Derby's boot errors into what a user can act on. */
    static StoreException bootFailure(String where, SQLException e) {
        String states = chainStates(e);
        String detail = deepestMessage(e);
        if (states.contains("XSDB6")) {
            return new StoreException("the store at " + where + " is in use by another Tideline (or Derby) process;"
                    + " close it, use another data directory (--data-dir), or share the store through a Derby"
                    + " Network Server (mode=server)", e);
        }
        if (states.contains("08001") || states.contains("08004") || states.contains("08006")) {
            return new StoreException("cannot connect to the store at " + where + ": " + detail, e);
        }
        return new StoreException("cannot open the store at " + where + " (its files were left as they are): "
                + detail, e);
    }

    private static String chainStates(SQLException e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                sb.append(sql.getSQLState()).append(' ');
                for (SQLException n = sql.getNextException(); n != null; n = n.getNextException()) {
                    sb.append(n.getSQLState()).append(' ');
                }
            }
        }
        return sb.toString();
    }

    private static String deepestMessage(SQLException e) {
        Throwable deepest = e;
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            deepest = t;
        }
        return deepest == e ? e.getMessage() : e.getMessage() + " / " + deepest.getMessage();
    }
}
