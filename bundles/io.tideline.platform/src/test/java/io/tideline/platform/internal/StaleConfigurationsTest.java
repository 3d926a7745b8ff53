package io.tideline.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The file names FileInstall writes into configurations, read back as paths. */
class StaleConfigurationsTest {

    @Test
    void readsFileUrlsAndPlainPathsAndLeavesTheRestAlone() {
        assertThat(StaleConfigurations.fileOf("file:/opt/tideline/deploy/io.tideline.feed.fred.cfg"))
                .isEqualTo(Path.of("/opt/tideline/deploy/io.tideline.feed.fred.cfg"));
        assertThat(StaleConfigurations.fileOf("file:/tmp/a%20b/x.cfg")).isEqualTo(Path.of("/tmp/a b/x.cfg"));
        assertThat(StaleConfigurations.fileOf("/srv/deploy/x.cfg")).isEqualTo(Path.of("/srv/deploy/x.cfg"));
        assertThat(StaleConfigurations.fileOf("deploy/x.cfg")).as("relative: whose folder? not judged").isNull();
        assertThat(StaleConfigurations.fileOf("http://example.org/x.cfg")).as("not a local file").isNull();
        assertThat(StaleConfigurations.fileOf(null)).isNull();
        assertThat(StaleConfigurations.fileOf(42)).isNull();
        assertThat(StaleConfigurations.fileOf(" ")).isNull();
    }
}
