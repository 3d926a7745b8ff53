package io.tideline.feeds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Which process runs the feeds: the {@code collector} setting against the store's mode and {@code serve}. */
class CollectorSettingTest {

    @Test
    void byDefaultAWindowOnASharedStoreLeavesTheFeedsToTheCollector() {
        assertThat(FeedScheduler.collects("auto", true, false)).isFalse();
        assertThat(FeedScheduler.collects("auto", true, true)).as("serve is the natural collector").isTrue();
    }

    @Test
    void byDefaultAStoreOfItsOwnIsFedByItsOwnTideline() {
        assertThat(FeedScheduler.collects("auto", false, false)).isTrue();
        assertThat(FeedScheduler.collects("", false, true)).isTrue();
    }

    @Test
    void anExplicitSettingWins() {
        assertThat(FeedScheduler.collects("true", true, false)).as("a workbench made the collector").isTrue();
        assertThat(FeedScheduler.collects(" FALSE ", true, true)).as("a second serve that must not fetch").isFalse();
        assertThat(FeedScheduler.collects("false", false, false)).isFalse();
    }

    @Test
    void aWrongValueIsNamedWithWhatWasExpected() {
        assertThatThrownBy(() -> FeedScheduler.collects("yes please", true, false))
                .hasMessage("deploy/io.tideline.feeds.cfg: collector = 'yes please': expected auto, true or false");
    }
}
