package io.tideline.support.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Waiting for something a command needs: what came, what did not, and an interrupted wait. */
class AppearingTest {

    @Test
    void whatArrivesWhileWaitingIsReturnedOnceItIsReady() {
        AtomicInteger reads = new AtomicInteger();
        String found = Appearing.await(() -> reads.incrementAndGet() < 4 ? null : "fred", v -> v != null, 60_000);
        assertThat(found).isEqualTo("fred");
        assertThat(reads.get()).as("read until ready, not after").isEqualTo(4);
    }

    @Test
    void whatNeverArrivesIsReturnedAsItWasWhenTheTimeRanOut() {
        AtomicInteger reads = new AtomicInteger();
        Integer last = Appearing.await(reads::incrementAndGet, v -> v < 0, 100);
        assertThat(last).isEqualTo(reads.get()).isGreaterThan(1);
    }

    @Test
    void anInterruptedWaitEndsWithTheLastValueAndKeepsTheInterrupt() {
        Thread.currentThread().interrupt();
        try {
            String last = Appearing.await(() -> "not yet", v -> false, 60_000);
            assertThat(last).isEqualTo("not yet");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
