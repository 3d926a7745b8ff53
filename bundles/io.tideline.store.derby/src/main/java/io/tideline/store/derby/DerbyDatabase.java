package io.tideline.store.derby;

import io.tideline.api.store.StoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;
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
     *
     * <p>A first start is made safe to kill at any moment by a marker, {@code folder.creating}
     * beside the folder: it is written and forced to disk before Derby creates anything, and
     * removed (again durably) only once the schema is committed. A folder found with its marker
     * was never complete and never held data, so it is deleted and created again; a folder
     * without a marker is never deleted, however damaged (it is reported instead). The marker
     * rather than creating in a temporary folder and renaming it into place: one Derby boot
     * instead of two (a rename needs the new database shut down and booted again), and the
     * database is created where it lives, so Derby's messages name the real folder.
     */
    static ConnectionSource embedded(Path folder) throws StoreException {
        Path absolute = folder.toAbsolutePath();
        Path parent = absolute.getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new StoreException("cannot create the data directory " + parent + ": " + e.getMessage(), e);
        }
        if (System.getProperty("derby.stream.error.file") == null) {
            // Derby writes derby.log into the working directory unless told otherwise.
            System.setProperty("derby.stream.error.file", parent.resolve("derby.log").toString());
        }
        Path marker = creationMarker(absolute);
        boolean create;
        try {
            if (Files.exists(marker)) {
                discardHalfCreated(absolute, marker);
            }
            create = !Files.exists(absolute);
            if (create) {
                writeDurably(marker, "Tideline is creating the store in " + absolute.getFileName()
                        + "; if this file is left, that first start was interrupted and the folder is created again\n");
            }
        } catch (IOException e) {
            throw new StoreException("cannot prepare the store folder " + absolute + ": " + e.getMessage(), e);
        }
        // Only the first boot may create: a folder that vanished later is reported, not silently
        // replaced by an empty store.
        String url = "jdbc:derby:" + absolute;
        EmbeddedDriver driver = new EmbeddedDriver();
        ConnectionSource source = new ConnectionSource() {
            @Override
            public Connection open() throws SQLException {
                return driver.connect(url, new Properties());
            }

            @Override
            public String where() {
                return absolute.toString();
            }
        };
        try (Connection c = create ? driver.connect(url + ";create=true", new Properties()) : source.open()) {
            if (create) {
                Schema.prepare(c, source.where());
                deleteDurably(marker);
            }
            return source;
        } catch (SQLException e) {
            throw bootFailure(absolute, e);
        } catch (IOException e) {
            throw new StoreException("cannot finish creating the store in " + absolute + ": " + e.getMessage(), e);
        }
    }

    /** The marker of a first start in progress: {@code db.creating} beside {@code db}. */
    static Path creationMarker(Path folder) {
        return folder.resolveSibling(folder.getFileName() + ".creating");
    }

    /** Deletes a folder whose creation was interrupted (its marker says so), then the marker. */
    private static void discardHalfCreated(Path folder, Path marker) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        deleteDurably(marker);
    }

    private static void writeDurably(Path file, String text) throws IOException {
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
            out.force(true);
        }
        forceDirectory(file.getParent());
    }

    private static void deleteDurably(Path file) throws IOException {
        Files.deleteIfExists(file);
        forceDirectory(file.getParent());
    }

    /**
     * Makes a directory's entries (a created or deleted marker) durable. Linux and macOS allow
     * opening a directory to force it; Windows does not, and commits directory entries itself.
     */
    private static void forceDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (AccessDeniedException windows) {
            // nothing to do: see above
        }
    }

    /** A database on a Derby Network Server, e.g. {@code jdbc:derby://host:1527/tideline;create=true}. */
    static ConnectionSource network(String url, String user, String password) throws StoreException {
        return network(url, user, password, null, null);
    }

    /**
     * A database on a Derby Network Server, reached over TLS checked by {@code trust} (null:
     * plain TCP, loopback only) and worked on in {@code schema} (null: the user's own).
     */
    static ConnectionSource network(String url, String user, String password, ServerTrust trust, String schema)
            throws StoreException {
        if (!url.startsWith("jdbc:derby://")) {
            throw new StoreException("store url '" + url + "' is not a Derby network URL"
                    + " (expected jdbc:derby://HOST:PORT/DATABASE)");
        }
        ConnectionPool source = new ConnectionPool(url, user, password, trust, schema);
        try (Connection c = source.open()) {
            return source;
        } catch (SQLException e) {
            String where = url + (user == null || user.isBlank() ? "" : " as user " + user);
            String below = source.transportProblem();
            source.close();
            if (below != null) {
                // Derby's client only saw its connection end; the tunnel knows why.
                throw new StoreException("cannot connect to the store at " + where + ": " + below, e);
            }
            if ("08004".equals(e.getSQLState()) && String.valueOf(e.getMessage()).contains("Database connection refused")) {
                // Derby's answer to a valid user the server's access lists do not name.
                throw new StoreException("cannot connect to the store at " + where + ": the server does not admit this"
                        + " store user; it admits its writer (tideline-db-server --user) and its readers (--reader)", e);
            }
            if ("42Y07".equals(e.getSQLState()) && schema != null) {
                throw new StoreException("cannot open the store at " + where + ": the schema '" + schema + "' (schema="
                        + " in " + DerbyStoreComponent.PID + ".cfg) does not exist on the server; expected the"
                        + " collector's store user, whose schema holds the store", e);
            }
            throw bootFailure(where, e);
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

    /**
     * A boot failure of an embedded store: a folder without {@code service.properties} was
     * left incomplete (by a Tideline older than the creation marker, or by hand), which the
     * message says, with what to do; it is never deleted automatically.
     */
    private static StoreException bootFailure(Path folder, SQLException e) {
        StoreException failure = bootFailure(folder.toString(), e);
        if (Files.isDirectory(folder) && !Files.exists(folder.resolve("service.properties"))) {
            return new StoreException("cannot open the store at " + folder + ": the folder is incomplete (it has no"
                    + " service.properties) and was left as it is. If it was never used (an interrupted first"
                    + " start of an older Tideline), move it aside and start again; otherwise restore a backup"
                    + " (tideline --headless db restore DIR)", e);
        }
        return failure;
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
        if (Damage.isDamage(e)) {
            return new StoreException("cannot open the store at " + where + ": its files are damaged (details in"
                    + " derby.log); they were left as they are. Restore the latest backup"
                    + " (tideline --headless db restore DIR)", e);
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
