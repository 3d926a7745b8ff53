package io.tideline.support.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DataDirTest {

    @Test
    void theLaunchersDirectoryOrTheHomeDefault() {
        assertThat(DataDir.of("/srv/tideline/data")).isEqualTo(Path.of("/srv/tideline/data"));
        Path home = Path.of(System.getProperty("user.home"), ".tideline");
        assertThat(DataDir.of(null)).isEqualTo(home);
        assertThat(DataDir.of(" ")).isEqualTo(home);
    }
}
