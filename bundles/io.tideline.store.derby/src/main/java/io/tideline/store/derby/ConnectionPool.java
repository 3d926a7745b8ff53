package io.tideline.store.derby;

import io.tideline.api.store.StoreException;
import java.sql.Connection;
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

    private static final Pattern URL = Pattern.compile("jdbc:derby://([^:/;]+)(?::(\\d+))?/([^;]+)(?:;(.*))?");

    private final String url;
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
     * A pool for {@code url} ({@code jdbc:derby://HOST[:PORT]/DATABASE[;ATTRIBUTES]}).
     *
     * @throws StoreException naming the URL and the expected form when it is not one
     */
    ConnectionPool(String url, String user, String password) throws StoreException {
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            throw new StoreException("store url '" + url + "' is not a Derby network URL"
                    + " (expected jdbc:derby://HOST:PORT/DATABASE)");
        }
        this.url = url;
        data.setServerName(m.group(1));
        data.setPortNumber(m.group(2) == null ? 1527 : Integer.parseInt(m.group(2)));
        data.setDatabaseName(m.group(3));
        if (m.group(4) != null && !m.group(4).isBlank()) {
            data.setConnectionAttributes(m.group(4));
        }
        if (user != null && !user.isBlank()) {
            data.setUser(user);
        }
        if (password != null) {
            data.setPassword(password);
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
            return pooled.getConnection();
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

    /** Closes the idle connections; those in use are closed as they come back. */
    @Override
    public void close() {
        closed = true;
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
