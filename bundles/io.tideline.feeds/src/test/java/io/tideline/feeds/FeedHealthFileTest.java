package io.tideline.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tideline.api.feed.FeedHealth;
import io.tideline.api.feed.FeedHealth.State;
import io.tideline.support.json.JsonFileException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedHealthFileTest {

    @TempDir
    Path dir;

    @Test
    void whatOneProcessWritesTheNextReadsBack() throws Exception {
        Path path = dir.resolve("workspace").resolve("feed-health.json");
        FeedHealth down = new FeedHealth(State.DOWN, 1_700_000_000_000L,
                "fred:DGS10: response from https://x.test/ larger than 64 MiB; reading stopped at the cap");
        new FeedHealthFile(path).write(Map.of("fred", FeedHealthFile.Saved.of(down, 1_800_000_000_000L)));

        Map<String, FeedHealthFile.Saved> read = new FeedHealthFile(path).read();
        assertThat(read.get("fred").health()).isEqualTo(down);
        assertThat(read.get("fred").recordedMillis()).isEqualTo(1_800_000_000_000L);
        assertThat(Files.list(path.getParent())).containsExactly(path); // no temporary file left behind
    }

    @Test
    void noFileMeansNothingRecorded() throws Exception {
        assertThat(new FeedHealthFile(dir.resolve("feed-health.json")).read()).isEmpty();
    }

    @Test
    void aDamagedFileIsRefusedNamingFileAndPath() throws Exception {
        Path path = dir.resolve("feed-health.json");
        Files.writeString(path, "{\"version\":1,\"feeds\":{\"fred\":{\"state\":\"SIDEWAYS\",\"lastSuccessMillis\":0,"
                + "\"lastError\":null,\"recordedMillis\":0}}}", StandardCharsets.UTF_8);
        JsonFileException e = catchThrowableOfType(JsonFileException.class, () -> new FeedHealthFile(path).read());
        assertThat(e.getMessage()).contains(path.toString(), "feeds.fred.state", "UP, DEGRADED, DOWN or UNKNOWN",
                "SIDEWAYS");

        Files.writeString(path, "{\"version\":1,\"feeds\":{},\"extra\":true}", StandardCharsets.UTF_8);
        e = catchThrowableOfType(JsonFileException.class, () -> new FeedHealthFile(path).read());
        assertThat(e.getMessage()).contains("extra", "unknown key");
    }

    @Test
    void theLiveHealthWinsOnceTheFeedFetchedAndTheRecordedOneFillsInBefore() {
        FeedHealthFile.Saved before = new FeedHealthFile.Saved("DOWN", 1000L, "HTTP 500", 5000L);
        assertThat(FeedHealthFile.merge(FeedHealth.unknown(), before)).isEqualTo(new FeedHealth(State.DOWN, 1000L,
                "HTTP 500"));
        assertThat(FeedHealthFile.merge(new FeedHealth(State.DOWN, 0L, "time-out"), before))
                .isEqualTo(new FeedHealth(State.DOWN, 1000L, "time-out"));
        assertThat(FeedHealthFile.merge(new FeedHealth(State.UP, 9000L, null), before).lastSuccessMillis())
                .isEqualTo(9000L);
        assertThat(FeedHealthFile.merge(FeedHealth.unknown(), null)).isEqualTo(FeedHealth.unknown());
    }
}
