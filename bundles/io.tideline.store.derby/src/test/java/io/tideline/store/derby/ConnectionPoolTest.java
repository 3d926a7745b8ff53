package io.tideline.store.derby;

import static io.tideline.store.derby.StoreFixture.daily;
import static io.tideline.store.derby.StoreFixture.descriptor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideline.api.series.SeriesId;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connection pool of server mode, against a real Derby Network Server in its own process. */
class ConnectionPoolTest {

    @TempDir
    Path home;

    private DerbyServerProcess server;
    private ConnectionPool pool;

    @BeforeEach
    void start() throws Exception {
        server = new DerbyServerProcess(home);
        server.start();
        pool = new ConnectionPool(server.url(), DerbyServerProcess.USER, DerbyServerProcess.PASSWORD);
    }

    @AfterEach
    void stop() throws Exception {
        pool.close();
        server.close();
    }

    @Test
    void connectionsAreKeptAndComeBackInTheirDefaultState() throws Exception {
        try (Connection c = pool.open()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.commit();
        }
        assertThat(pool.idle()).isEqualTo(1);
        try (Connection c = pool.open()) {
            assertThat(pool.idle()).as("the idle one was handed out").isZero();
            assertThat(c.getAutoCommit()).isTrue();
            assertThat(c.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
        }
    }

    @Test
    void atMostSizeConnectionsAreKeptOpen() throws Exception {
        List<Connection> open = new ArrayList<>();
        for (int i = 0; i < ConnectionPool.SIZE; i++) {
            open.add(pool.open());
        }
        for (Connection c : open) {
            c.close();
        }
        assertThat(pool.idle()).isEqualTo(ConnectionPool.SIZE);
        ChunkedSeriesStore store = new ChunkedSeriesStore(pool, true);
        for (int i = 0; i < 20; i++) {
            store.upsert(descriptor("fred:DGS10"), daily(i, 1, 1));
        }
        assertThat(pool.idle()).isEqualTo(ConnectionPool.SIZE);
    }

    @Test
    void aStoreOutlivesAServerRestartWithoutAnError() throws Exception {
        ChunkedSeriesStore store = new ChunkedSeriesStore(pool, true);
        store.upsert(descriptor("fred:DGS10"), daily(0, 10, 1));
        assertThat(pool.idle()).isEqualTo(1);
        server.stop();
        server.start();
        // The kept connection died with the server: the read meets it, it is dropped, and the
        // read is retried on a new one.
        assertThat(store.read(SeriesId.parse("fred:DGS10"), Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(daily(0, 10, 1));
        store.upsert(descriptor("fred:DGS10"), daily(10, 1, 1));
        assertThat(store.info(SeriesId.parse("fred:DGS10")).orElseThrow().count()).isEqualTo(11);
    }

    @Test
    void aUrlThatIsNotADerbyNetworkUrlIsNamed() {
        assertThatThrownBy(() -> new ConnectionPool("jdbc:derby:/tmp/x", "u", "p"))
                .hasMessage("store url 'jdbc:derby:/tmp/x' is not a Derby network URL (expected jdbc:derby://HOST:PORT/DATABASE)");
    }
}
