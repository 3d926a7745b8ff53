package io.tideline.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.api.command.Command;
import io.tideline.api.command.CommandRequest;
import io.tideline.api.store.RecordedFeed;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * {@code feeds run SOURCE} when the connector is not there yet: it waits for one that arrives
 * (a plugin started after the command, a connector activated again with new settings) and names
 * one that never does.
 */
class FeedsCommandTest {

    /** A desk whose connectors come and go as the test says; records which sources it ran. */
    private static final class Desk implements FeedDesk {
        final Set<String> sources = ConcurrentHashMap.newKeySet();
        final List<String> ran = new CopyOnWriteArrayList<>();

        @Override
        public Set<String> sources() {
            return Set.copyOf(sources);
        }

        @Override
        public List<Feed> feeds() {
            return List.of();
        }

        @Override
        public List<RecordedFeed> collectorsFeeds() {
            return List.of();
        }

        @Override
        public Optional<FeedRun.Outcome> run(String source, Consumer<String> progress) {
            ran.add(source);
            return Optional.empty();
        }

        @Override
        public boolean automatic() {
            return false;
        }

        @Override
        public boolean collects() {
            return true;
        }

        @Override
        public int refreshMinutes() {
            return 60;
        }
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Desk desk, String... args) {
        return new FeedsCommand(desk).run(new CommandRequest(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)));
    }

    @Test
    void aConnectorThatArrivesWhileTheCommandWaitsIsRun() throws Exception {
        Desk desk = new Desk();
        desk.sources.add("yahoo");
        Thread late = Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            desk.sources.add("fred");
        });

        int exit = run(desk, "run", "fred", "yahoo");
        late.join();

        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(exit).isEqualTo(Command.OK);
        assertThat(desk.ran).containsExactlyInAnyOrder("fred", "yahoo");
    }

    @Test
    void aConnectorThatNeverArrivesIsNamedWithTheInstalledOnesAndNothingRuns() {
        Desk desk = new Desk();
        desk.sources.add("yahoo");

        FeedsCommand command = new FeedsCommand(desk);
        assertThat(command.awaitSources(List.of("fred"), 100)).containsExactly("yahoo");
        int exit = run(desk, "run", "fred", "yahoo");

        assertThat(exit).isEqualTo(Command.FAILED);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no connector for source 'fred'; installed: yahoo");
        assertThat(desk.ran).isEmpty();
    }
}
