package io.tideline.store.derby;

import static io.tideline.store.derby.StoreFixture.DAY;
import static io.tideline.store.derby.StoreFixture.T0;
import static io.tideline.store.derby.StoreFixture.daily;
import static io.tideline.store.derby.StoreFixture.descriptor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideline.api.series.SeriesId;
import io.tideline.api.store.StoreException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Change notices across processes: a real Derby Network Server in its own process on loopback,
 * and two store instances on it standing for two Tidelines (each with its own writer id), the
 * second with a {@link ChangePoller} whose notices go into a queue. Waits are bounded at 10 s
 * to fail rather than hang; no test asserts how fast a notice comes.
 */
class ChangeNoticesTest {

    private static final long WAIT_SECONDS = 10;

    @TempDir
    Path home;

    private DerbyServerProcess server;
    private ChunkedSeriesStore alice;
    private ChunkedSeriesStore bob;
    private ChangePoller bobPoller;
    private final BlockingQueue<String> bobSees = new LinkedBlockingQueue<>();
    private final List<String> connection = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws Exception {
        server = new DerbyServerProcess(home);
        server.start();
        alice = ChunkedSeriesStore.openNetwork(server.url(), DerbyServerProcess.USER, DerbyServerProcess.PASSWORD);
        bob = ChunkedSeriesStore.openNetwork(server.url(), DerbyServerProcess.USER, DerbyServerProcess.PASSWORD);
    }

    @AfterEach
    void stopServer() throws Exception {
        if (bobPoller != null) {
            bobPoller.stop();
        }
        server.close();
    }

    /** Starts Bob's poller with {@code gate} run before each notice, and waits until it has read the log once. */
    private void pollBob(Runnable gate) throws InterruptedException {
        bobPoller = ChangePoller.start(bob, new ChangePoller.Listener() {
            @Override
            public void appended(String series, long from, long to, int count) {
                gate.run();
                bobSees.add("appended " + series + " " + day(from) + ".." + day(to) + " " + count);
            }

            @Override
            public void deleted(String series) {
                gate.run();
                bobSees.add("deleted " + series);
            }

            @Override
            public void connection(String problem, String detail) {
                connection.add(problem == null ? "resumed" : problem);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (bobPoller.position() < 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(bobPoller.position()).as("the poller read the log").isGreaterThanOrEqualTo(0);
    }

    private void pollBob() throws InterruptedException {
        pollBob(() -> { });
    }

    private static long day(long millis) {
        return (millis - T0) / DAY;
    }

    private String next() throws InterruptedException {
        String seen = bobSees.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertThat(seen).as("a notice within " + WAIT_SECONDS + " s").isNotNull();
        return seen;
    }

    @Test
    void aWriteInOneProcessIsANoticeInTheOtherAndItsOwnWritesAreNot() throws Exception {
        alice.upsert(descriptor("fred:DGS2"), daily(0, 10, 1)); // before Bob started: not news to him
        pollBob();

        bob.upsert(descriptor("fred:DGS5"), daily(0, 7, 1));
        alice.upsert(descriptor("fred:DGS10"), daily(3, 5, 1));
        assertThat(next()).as("Bob's own write came first, and is not told back to him")
                .isEqualTo("appended fred:DGS10 3..7 5");

        alice.delete(SeriesId.parse("fred:DGS2"));
        assertThat(next()).isEqualTo("deleted fred:DGS2");
        assertThat(bobSees).isEmpty();
        assertThat(connection).isEmpty();
    }

    @Test
    void aRolledBackBatchIsNoNotice() throws Exception {
        pollBob();
        alice.setFaultPoint(series -> {
            throw new SQLException("injected failure half-way", "XX000");
        });
        assertThatThrownBy(() -> alice.upsert(descriptor("fred:DGS10"), daily(0, 10, 1)))
                .isInstanceOf(StoreException.class);
        alice.setFaultPoint(ChunkedSeriesStore.FaultPoint.NONE);
        alice.upsert(descriptor("fred:DGS30"), daily(0, 1, 1));
        assertThat(next()).isEqualTo("appended fred:DGS30 0..0 1");
        assertThat(bob.info(SeriesId.parse("fred:DGS10"))).isEmpty();
    }

    @Test
    void afterAServerRestartTheNextNoticeStillComes() throws Exception {
        pollBob();
        alice.upsert(descriptor("fred:DGS10"), daily(0, 1, 1));
        assertThat(next()).isEqualTo("appended fred:DGS10 0..0 1");

        server.stop();
        awaitTrue(() -> bobPoller.problem() != null, "the poller notices the server is away");
        assertThat(bobPoller.problem()).isEqualTo("change notices from other Tidelines paused: the server of "
                + server.url() + " cannot be reached; retrying by itself");
        server.start();
        // Alice opens a connection per operation, so she reconnects by herself too.
        alice.upsert(descriptor("fred:DGS10"), daily(1, 1, 1));
        assertThat(next()).isEqualTo("appended fred:DGS10 1..1 1");
        awaitTrue(() -> bobPoller.problem() == null, "the poller says it is back");
        assertThat(connection).hasSize(2).last().isEqualTo("resumed");
    }

    @Test
    void changesPrunedWhileAwayAreAnnouncedAsEverythingChanged() throws Exception {
        alice.upsert(descriptor("fred:DGS2"), daily(0, 4, 1));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch holding = new CountDownLatch(1);
        pollBob(() -> {
            // Bob is held on his first notice, as a client asleep or cut off would be.
            holding.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        alice.upsert(descriptor("fred:DGS10"), daily(0, 2, 1));
        assertThat(holding.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        alice.delete(SeriesId.parse("fred:DGS2"));
        alice.upsert(descriptor("fred:DGS30"), daily(0, 3, 1));
        alice.upsert(descriptor("fred:DGS30"), daily(3, 1, 1));
        assertThat(alice.pruneChanges(0, 0)).as("all but the newest row pruned").isEqualTo(4);
        release.countDown();

        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            seen.add(next());
        }
        assertThat(seen).containsExactlyInAnyOrder("appended fred:DGS10 0..1 2", "appended fred:DGS10 0..1 2",
                "appended fred:DGS30 0..3 4", "deleted fred:DGS2");
        assertThat(seen.get(0)).as("the notice read before the gap").isEqualTo("appended fred:DGS10 0..1 2");
        Thread.sleep(2 * ChangePoller.PERIOD_MILLIS);
        assertThat(bobSees).as("the newest row, read with the gap, is not told twice").isEmpty();
    }

    @Test
    void concurrentWritersOfDifferentSeriesLeaveADenseLogAndEveryNoticeArrives() throws Exception {
        pollBob();
        int threads = 4;
        int writes = 25;
        List<Thread> writers = new ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int w = 0; w < threads; w++) {
            String series = "fred:W" + w;
            Thread t = new Thread(() -> {
                try {
                    for (int i = 0; i < writes; i++) {
                        alice.upsert(descriptor(series), daily(i, 1, 1));
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            writers.add(t);
            t.start();
        }
        for (Thread t : writers) {
            t.join(TimeUnit.SECONDS.toMillis(120));
        }
        assertThat(failures).isEmpty();
        assertThat(alice.changesAfter(0, 1_000)).extracting(ChunkedSeriesStore.Change::seq)
                .as("one row per write, numbered without gaps")
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, threads * writes).boxed().toList());
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < threads * writes; i++) {
            seen.add(next());
        }
        for (int w = 0; w < threads; w++) {
            String series = "fred:W" + w;
            assertThat(seen.stream().filter(n -> n.startsWith("appended " + series + " ")).toList())
                    .as("every write of " + series + ", in order").containsExactlyElementsOf(
                            java.util.stream.IntStream.range(0, writes).mapToObj(i -> "appended " + series + " " + i
                                    + ".." + i + " 1").toList());
        }
    }

    /**
     * Measures (does not assert) the delay from a committed write in one process to its notice
     * in the other, over 200 writes, and prints p50/p99; asserts that none was lost.
     */
    @Test
    void noticeLatencyOver200Writes() throws Exception {
        Map<Long, Long> committedAt = new ConcurrentHashMap<>();
        Map<Long, Long> noticedAt = new ConcurrentHashMap<>();
        bobPoller = ChangePoller.start(bob, new ChangePoller.Listener() {
            @Override
            public void appended(String series, long from, long to, int count) {
                noticedAt.put(from, System.nanoTime());
            }

            @Override
            public void deleted(String series) {
            }

            @Override
            public void connection(String problem, String detail) {
            }
        });
        awaitTrue(() -> bobPoller.position() >= 0, "the poller read the log");
        int writes = 200;
        java.util.Random random = new java.util.Random(16);
        for (int i = 0; i < writes; i++) {
            alice.upsert(descriptor("fred:DGS10"), daily(i, 1, 1));
            committedAt.put(T0 + i * DAY, System.nanoTime());
            Thread.sleep(random.nextInt(40));
        }
        awaitTrue(() -> noticedAt.size() == writes, "every write noticed");
        long[] millis = new long[writes];
        for (int i = 0; i < writes; i++) {
            long from = T0 + i * DAY;
            millis[i] = Math.max(0, TimeUnit.NANOSECONDS.toMillis(noticedAt.get(from) - committedAt.get(from)));
        }
        Arrays.sort(millis);
        System.out.printf("change notice latency over %d writes (poll every %d ms): p50 %d ms, p99 %d ms, max %d ms%n",
                writes, ChangePoller.PERIOD_MILLIS, millis[writes / 2], millis[writes * 99 / 100 - 1],
                millis[writes - 1]);
    }

    /** Measures (does not assert) what the change log adds to a write over the network, and prints it. */
    @Test
    void writeCostOfTheChangeLog() throws Exception {
        ChunkedSeriesStore unlogged = new ChunkedSeriesStore(
                DerbyDatabase.network(server.url(), DerbyServerProcess.USER, DerbyServerProcess.PASSWORD), false);
        int writes = 300;
        long[] with = new long[writes];
        long[] without = new long[writes];
        for (int i = 0; i < writes; i++) {
            // Interleaved, so both see the same machine load.
            long t0 = System.nanoTime();
            alice.upsert(descriptor("fred:LOGGED"), daily(i, 1, 1));
            long t1 = System.nanoTime();
            unlogged.upsert(descriptor("fred:UNLOGGED"), daily(i, 1, 1));
            long t2 = System.nanoTime();
            with[i] = t1 - t0;
            without[i] = t2 - t1;
        }
        assertThat(alice.info(SeriesId.parse("fred:LOGGED")).orElseThrow().count()).isEqualTo(writes);
        assertThat(alice.info(SeriesId.parse("fred:UNLOGGED")).orElseThrow().count()).isEqualTo(writes);
        Arrays.sort(with);
        Arrays.sort(without);
        System.out.printf("one-bar upsert over the network, median of %d: %.2f ms with the change log, %.2f ms"
                + " without%n", writes, with[writes / 2] / 1e6, without[writes / 2] / 1e6);
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT_SECONDS + " s: " + what);
            }
            Thread.sleep(20);
        }
    }
}
