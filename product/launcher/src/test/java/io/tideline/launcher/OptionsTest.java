package io.tideline.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionsTest {

    private static final Path HOME = Path.of("/opt/tideline");
    private static final Path USER = Path.of("/home/ada");

    @Test
    void defaultsToTheUsersTidelineFolderAndTheDistributionsDeployFolder() {
        Options o = Options.parse(new String[0], HOME, Map.of(), USER);
        assertThat(o.dataDir()).isEqualTo(Path.of("/home/ada/.tideline"));
        assertThat(o.deployDir()).isEqualTo(Path.of("/opt/tideline/deploy"));
        assertThat(o.headless()).isFalse();
        assertThat(o.command()).isEmpty();
    }

    @Test
    void dataDirOptionBeatsTidelineHomeWhichBeatsTheDefault() {
        Map<String, String> env = Map.of("TIDELINE_HOME", "/data/t");
        assertThat(Options.parse(new String[0], HOME, env, USER).dataDir()).isEqualTo(Path.of("/data/t"));
        assertThat(Options.parse(new String[] {"--data-dir", "/x"}, HOME, env, USER).dataDir()).isEqualTo(Path.of("/x"));
    }

    @Test
    void everythingAfterTheCommandGoesToTheCommandUntouched() {
        Options o = Options.parse(new String[] {"--headless", "--timing", "series", "show", "fred:DGS10", "--from",
            "2020-01-01"}, HOME, Map.of(), USER);
        assertThat(o.headless()).isTrue();
        assertThat(o.timing()).isTrue();
        assertThat(o.command()).isEqualTo(List.of("series", "show", "fred:DGS10", "--from", "2020-01-01"));
    }

    @Test
    void mistakesAreNamed() {
        assertThatThrownBy(() -> Options.parse(new String[] {"--data-dir"}, HOME, Map.of(), USER))
                .hasMessageContaining("--data-dir needs a folder");
        assertThatThrownBy(() -> Options.parse(new String[] {"--data-dir", "--headless"}, HOME, Map.of(), USER))
                .hasMessageContaining("--data-dir needs a folder");
        assertThatThrownBy(() -> Options.parse(new String[] {"--verbose"}, HOME, Map.of(), USER))
                .hasMessageContaining("unknown option --verbose");
        assertThatThrownBy(() -> Options.parse(new String[] {"status"}, HOME, Map.of(), USER))
                .hasMessageContaining("needs --headless");
    }
}
