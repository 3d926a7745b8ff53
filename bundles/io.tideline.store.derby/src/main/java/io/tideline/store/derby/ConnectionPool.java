package io.tideline.store.derby;

import io.tideline.api.store.StoreException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.ConnectionEvent;
import javax.sql.ConnectionEventListener;
import javax.sql.PooledConnection;
import org.apache.derby.jdbc.ClientConnectionPoolDataSource;

/**
 * A small bounded pool of connections to a Derby Network Server, over Derby's own
 * {@link ClientConnectionPoolDataSource}: at most {@link #SIZE} connections, kept open between
 * operations (a network connection costs a round trip and a login; an embedded one costs
 * nothing, so embedded stores are not pooled). {@link #open()} hands out an idle one or opens
 * one, and waits up to {@link #WAIT_SECONDS} s when all are in use. A connection that Derby
 * reports broken (the server restarted, the network dropped) is discarded, with every idle one
 * (they went with it), so the next {@link #open()} connects afresh; the store retries an
 * operation that met a dropped connection (see {@code ChunkedSeriesStore}). Thread-safe.
 */
final class ConnectionPool implements ConnectionSource {

    /** The most connections one Tideline keeps to the server. */
    static final int SIZE = 4;
    /** How long {@link #open()} waits for a connection when all {@link #SIZE} are in use. */
    static final int WAIT_SECONDS = 30;
    /**
     * Statements Derby's client keeps prepared per connection: preparing one it has seen costs
     * no round trip. A reader's year of hourly bars took 29 round trips, 20 with the cache, and
     * its p99 under 20 readers over TLS fell from 110-157 ms to 40-66 ms (issue 16 note).
     */
    static final int CACHED_STATEMENTS = 64;
    /** How long Derby's client may take to log in, once connected: a silent server never hangs a store. */
    static final int LOGIN_TIMEOUT_SECONDS = 20;

    private static final Pattern URL = Pattern.compile("jdbc:derby://([^:/;]+)(?::(\\d+))?/([^;]+)(?:;(.*))?");

    private final String url;
    private final String user;
    /** The schema every connection works in, or null for the user's own. */
    private final String schema;
    private final ServerTrust trust;
    private final TlsTunnel tunnel;
    private final ClientConnectionPoolDataSource data = new ClientConnectionPoolDataSource();
    private final Semaphore permits = new Semaphore(SIZE, true);
    private final Deque<PooledConnection> idle = new ConcurrentLinkedDeque<>();
    private final Set<PooledConnection> inUse = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;
    private final ConnectionEventListener events = new ConnectionEventListener() {
        @Override
        public void connectionClosed(ConnectionEvent event) {
            PooledConnection pooled = (PooledConnection) event.getSource();
            if (inUse.remove(pooled)) {
                if (closed) {
                    closeQuietly(pooled);
                } else {
                    idle.offerFirst(pooled);
                }
                permits.release();
            }
        }

        @Override
        public void connectionErrorOccurred(ConnectionEvent event) {
            PooledConnection broken = (PooledConnection) event.getSource();
            if (inUse.remove(broken)) {
                permits.release();
            }
            closeQuietly(broken);
            for (PooledConnection p = idle.pollFirst(); p != null; p = idle.pollFirst()) {
                closeQuietly(p);
            }
        }
    };

    /**
     * A pool for {@code url} ({@code jdbc:derby://HOST[:PORT]/DATABASE[;ATTRIBUTES]}) in plain
     * TCP, which only a server on this computer (a loopback address) may be reached with.
     *
     * @throws StoreException naming the URL and the expected form when it is not one
     */
    ConnectionPool(String url, String user, String password) throws StoreException {
        this(url, user, password, null, null);
    }

    /**
     * A pool for {@code url}, over TLS checked by {@code trust} (null: plain TCP, refused for a
     * host that is not loopback), working in {@code schema} (null: the user's own).
     *
     * @throws StoreException naming the URL, the cfg key and what was expected when they do not fit
     */
    ConnectionPool(String url, String user, String password, ServerTrust trust, String schema) throws StoreException {
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            throw new StoreException("store url '" + url + "' is not a Derby network URL"
                    + " (expected jdbc:derby://HOST:PORT/DATABASE)");
        }
        String attributes = m.group(4) == null ? "" : m.group(4);
        if (attributes.toLowerCase(java.util.Locale.ROOT).matches("(.*;)?\\s*(ssl|securitymechanism)\\s*=.*")) {
            throw new StoreException("store url '" + url + "': leave ssl= and securityMechanism= out of the url; set"
                    + " certificateFingerprint= (or truststore=) in " + DerbyStoreComponent.PID + ".cfg for TLS"
                    + " (docs/team-mode-security.md)");
        }
        this.url = url;
        this.user = user;
        this.schema = schema == null || schema.isBlank() ? null : schemaName(schema.strip());
        this.trust = trust;
        String host = m.group(1);
        int port = m.group(2) == null ? 1527 : Integer.parseInt(m.group(2));
        if (trust == null && !loopback(host)) {
            throw new StoreException("the store server " + host + " is not on this computer: set certificateFingerprint="
                    + " (as tideline-db-server prints it) or truststore= in " + DerbyStoreComponent.PID + ".cfg, so"
                    + " that the password and the data cross the network over TLS (docs/team-mode-security.md)");
        }
        if (trust != null) {
            try {
                tunnel = new TlsTunnel(host, port, trust);
            } catch (java.io.IOException e) {
                throw new StoreException("cannot open a loopback port for the store's TLS connection: "
                        + e.getMessage(), e);
            }
            data.setServerName(InetAddress.getLoopbackAddress().getHostAddress());
            data.setPortNumber(tunnel.localPort());
        } else {
            tunnel = null;
            data.setServerName(host);
            data.setPortNumber(port);
        }
        data.setDatabaseName(m.group(3));
        if (!attributes.isBlank()) {
            data.setConnectionAttributes(attributes);
        }
        data.setLoginTimeout(LOGIN_TIMEOUT_SECONDS);
        data.setMaxStatements(CACHED_STATEMENTS);
        if (user != null && !user.isBlank()) {
            data.setUser(user);
        }
        if (password != null) {
            data.setPassword(password);
        }
    }

    /** Derby's name of a schema: an ordinary identifier, upper case; a quoted one as written. */
    private static String schemaName(String name) throws StoreException {
        if (name.length() > 2 && name.startsWith("\"") && name.endsWith("\"")) {
            return name.substring(1, name.length() - 1);
        }
        if (!name.matches("[A-Za-z][A-Za-z0-9_]{0,127}")) {
            throw new StoreException(DerbyStoreComponent.PID + ".cfg: schema '" + name + "' is not a schema name"
                    + " (expected the collector's store user, e.g. schema=tideline)");
        }
        return name.toUpperCase(java.util.Locale.ROOT);
    }

    /** Whether {@code host} is this computer's loopback, without asking a name server for other names. */
    static boolean loopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!host.matches("[0-9.]+|\\[?[0-9A-Fa-f:]+\\]?")) {
            return false;
        }
        try {
            return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public Connection open() throws SQLException {
        try {
            if (!permits.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new SQLException("all " + SIZE + " connections to the store at " + url + " stayed in use for "
                        + WAIT_SECONDS + " s", "08004");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a connection to the store at " + url, "08004", e);
        }
        PooledConnection pooled = idle.pollFirst();
        try {
            if (pooled == null) {
                pooled = data.getPooledConnection();
                pooled.addConnectionEventListener(events);
            }
            inUse.add(pooled);
            Connection c = pooled.getConnection();
            if (schema != null) {
                // Derby resets a pooled session to the user's own schema whenever it is handed
                // out again, so a reader names the store's schema on every connection.
                // A failure here discards the connection below, as any other.
                try (PreparedStatement s = c.prepareStatement("SET SCHEMA ?")) {
                    s.setString(1, schema);
                    s.execute();
                }
            }
            return c;
        } catch (SQLException | RuntimeException e) {
            if (pooled != null) {
                inUse.remove(pooled);
                closeQuietly(pooled);
            }
            permits.release();
            throw e;
        }
    }

    @Override
    public String where() {
        return url;
    }

    @Override
    public String user() {
        return user;
    }

    @Override
    public String transport() {
        return trust == null ? "plain TCP (loopback only)" : trust.description();
    }

    @Override
    public String transportProblem() {
        return tunnel == null ? null : tunnel.lastFailure();
    }

    /** Closes the idle connections; those in use are closed as they come back. */
    @Override
    public void close() {
        closed = true;
        if (tunnel != null) {
            tunnel.close();
        }
        for (PooledConnection p = idle.pollFirst(); p != null; p = idle.pollFirst()) {
            closeQuietly(p);
        }
    }

    /** How many connections are open and idle (for tests). */
    int idle() {
        return idle.size();
    }

    private static void closeQuietly(PooledConnection p) {
        try {
            p.close();
        } catch (SQLException alreadyBroken) {
            // A broken connection may fail to close; it is dropped either way.
        }
    }
}
