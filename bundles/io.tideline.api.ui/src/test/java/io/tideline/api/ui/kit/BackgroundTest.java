package io.tideline.api.ui.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** On a real SWT display (the build runs the tests under Xvfb). */
class BackgroundTest {

    private Display display;
    private Shell shell;

    @BeforeEach
    void open() {
        display = Display.getDefault();
        shell = new Shell(display);
    }

    @AfterEach
    void close() {
        shell.dispose();
    }

    private void pumpUntil(BooleanSupplier done, String what) {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(end);
            if (!display.readAndDispatch()) {
                display.timerExec(5, () -> { });
                display.sleep();
            }
        }
    }

    @Test
    void workRunsOffTheUiThreadAndTheResultComesBackOnIt() {
        Composite owner = new Composite(shell, SWT.NONE);
        Background background = new Background(owner, "test");
        AtomicReference<Thread> worker = new AtomicReference<>();
        AtomicReference<Thread> receiver = new AtomicReference<>();
        background.run("k", () -> {
            worker.set(Thread.currentThread());
            return 42;
        }, v -> receiver.set(Thread.currentThread()), e -> { });
        pumpUntil(() -> receiver.get() != null, "the result");
        assertThat(worker.get()).isNotSameAs(display.getThread());
        assertThat(worker.get().getName()).startsWith("tideline-view-test-");
        assertThat(receiver.get()).isSameAs(display.getThread());
    }

    @Test
    void theViewsShareTheirPlacesSoAtMostOneFewerThanTheCoresRunAtOnce() {
        // More short runs than places, each in a view of its own: never more at once than the places.
        int runs = Background.SHARED_RUNS + 3;
        java.util.concurrent.atomic.AtomicInteger now = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
        List<Integer> done = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            int n = i;
            new Background(new Composite(shell, SWT.NONE), "v" + i).run("k", () -> {
                most.accumulateAndGet(now.incrementAndGet(), Math::max);
                Thread.sleep(200);
                now.decrementAndGet();
                return n;
            }, done::add, e -> done.add(-1));
        }
        pumpUntil(() -> done.size() == runs, "every run");
        assertThat(done).doesNotContain(-1);
        assertThat(most.get()).as("runs at once, of " + runs + " each in a view of its own").isBetween(1,
                Background.SHARED_RUNS);
        assertThat(Background.SHARED_RUNS).isEqualTo(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
    }

    @Test
    void aRunPastItsLeaseLetsTheNextOneStartBesideIt() throws Exception {
        // Runs that block hold every place; one more run still ends, once their leases are up.
        CountDownLatch release = new CountDownLatch(1);
        Background slow = new Background(new Composite(shell, SWT.NONE), "slow");
        Background quick = new Background(new Composite(shell, SWT.NONE), "quick");
        for (int i = 0; i < Background.SHARED_RUNS; i++) {
            slow.run("slow" + i, () -> {
                release.await();
                return "slow";
            }, v -> { }, e -> { });
        }
        List<String> shown = new ArrayList<>();
        quick.run("k", () -> "quick", shown::add, e -> shown.add("error " + e));
        pumpUntil(() -> !shown.isEmpty(), "the quick run beside the slow ones");
        release.countDown();
        assertThat(shown).containsExactly("quick");
        pumpUntil(() -> !slow.busy(), "the slow runs to end");
    }

    @Test
    void aNewerRequestOfTheSameKeyDropsTheOlderResult() throws Exception {
        Composite owner = new Composite(shell, SWT.NONE);
        Background background = new Background(owner, "stale");
        CountDownLatch release = new CountDownLatch(1);
        List<String> shown = new ArrayList<>();
        background.run("k", () -> {
            release.await();
            return "slow and old";
        }, shown::add, e -> shown.add("error " + e));
        background.run("k", () -> "new", shown::add, e -> shown.add("error " + e));
        background.run("other", () -> "other key", shown::add, e -> shown.add("error " + e));
        pumpUntil(() -> shown.size() == 2, "the two current results");
        release.countDown();
        pumpUntil(() -> !background.busy(), "the old work to end");
        display.readAndDispatch();
        assertThat(shown).containsExactlyInAnyOrder("new", "other key");
    }

    @Test
    void aResultForADisposedViewIsDropped() throws Exception {
        Composite owner = new Composite(shell, SWT.NONE);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Background background = new Background(owner, executor);
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            List<Object> shown = new ArrayList<>();
            background.run("k", () -> {
                started.countDown();
                release.await();
                return "late";
            }, shown::add, shown::add);
            assertThat(started.await(20, TimeUnit.SECONDS)).isTrue();
            owner.dispose();
            release.countDown();
            pumpUntil(() -> !background.busy(), "the work to end");
            display.readAndDispatch();
            assertThat(shown).isEmpty();
            background.run("k", () -> "after", shown::add, shown::add);
            assertThat(background.busy()).as("no work taken after dispose").isFalse();
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void workHandedToTheUiThreadFailsInsteadOfFreezingTheWindow() {
        Composite owner = new Composite(shell, SWT.NONE);
        Background background = new Background(owner, Runnable::run);
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Boolean> ran = new ArrayList<>();
        background.run("k", () -> ran.add(true), v -> { }, failure::set);
        pumpUntil(() -> failure.get() != null, "the failure");
        assertThat(ran).isEmpty();
        assertThat(failure.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("UI thread");
    }

    @Test
    void theBusyListenerHearsStartAndEnd() {
        Composite owner = new Composite(shell, SWT.NONE);
        Background background = new Background(owner, "busy");
        List<Boolean> states = new ArrayList<>();
        background.onBusy(states::add);
        List<String> shown = new ArrayList<>();
        background.run("a", () -> "a", shown::add, e -> { });
        background.<String>run("b", () -> {
            throw new IllegalArgumentException("bad");
        }, shown::add, e -> shown.add(e.getMessage()));
        pumpUntil(() -> shown.size() == 2 && !background.busy(), "both results");
        assertThat(shown).containsExactlyInAnyOrder("a", "bad");
        assertThat(states).containsExactly(true, false);
    }
}
