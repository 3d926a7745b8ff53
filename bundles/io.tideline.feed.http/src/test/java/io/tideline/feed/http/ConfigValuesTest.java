package io.tideline.feed.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigValuesTest {

    private static final String PID = "io.tideline.feed.test";
    private static final Path CFG = Path.of("/opt/tideline/deploy/io.tideline.feed.test.cfg");

    private static ConfigValues values(String key, Object raw) {
        return ConfigValues.of(PID, Map.of(key, raw, ConfigValues.FILE_PROPERTY, CFG.toUri().toString()));
    }

    @Test
    void aValueTheAnnotationCannotCoerceIsNamedWithFileKeyAndExpectation() {
        SettingsException e = catchThrowableOfType(SettingsException.class, () -> values("timeoutSeconds", "abc")
                .integer("timeoutSeconds", () -> Integer.parseInt("abc"), 1, 600, "seconds"));
        assertThat(e.getMessage()).isEqualTo(CFG + ": timeoutSeconds = 'abc': expected a whole number of seconds "
                + "from 1 to 600");
        assertThat(e.file()).isEqualTo(CFG.toString());
        assertThat(e.key()).isEqualTo("timeoutSeconds");
        assertThat(e.value()).isEqualTo("abc");
    }

    @Test
    void aValueOutOfRangeIsRefused() {
        SettingsException e = catchThrowableOfType(SettingsException.class, () -> values("timeoutSeconds", "-1")
                .integer("timeoutSeconds", () -> -1, 1, 600, "seconds"));
        assertThat(e.getMessage()).endsWith("timeoutSeconds = '-1': expected a whole number of seconds from 1 to 600");
        assertThat(values("timeoutSeconds", "30").integer("timeoutSeconds", () -> 30, 1, 600, "seconds")).isEqualTo(30);
    }

    @Test
    void aFileUrlIsRefused() {
        SettingsException e = catchThrowableOfType(SettingsException.class, () -> values("baseUrl", "file:///etc/passwd")
                .url("baseUrl", "file:///etc/passwd", "https://api.example.com", "http", "https"));
        assertThat(e.getMessage()).isEqualTo(CFG + ": baseUrl = 'file:///etc/passwd': expected an absolute http or "
                + "https URL such as https://api.example.com");
    }

    @Test
    void aSchemeRelativeUrlIsRefusedNotANullPointer() {
        SettingsException e = catchThrowableOfType(SettingsException.class, () -> values("baseUrl", "//x.test/a")
                .url("baseUrl", "//x.test/a", "https://api.example.com", "http", "https"));
        assertThat(e.getMessage()).isEqualTo(CFG + ": baseUrl = '//x.test/a': expected an absolute http or "
                + "https URL such as https://api.example.com");
    }

    @Test
    void aHundredThousandCharacterUrlIsRefusedWithoutBeingEchoed() {
        String url = "https://x.test/" + "a".repeat(100_000);
        SettingsException e = catchThrowableOfType(SettingsException.class,
                () -> values("baseUrl", url).url("baseUrl", url, "https://api.example.com", "http", "https"));
        assertThat(e.getMessage()).contains("baseUrl = 'https://x.test/aaa", "… (100015 characters)'",
                "of at most 2048 characters");
        assertThat(e.getMessage().length()).isLessThan(400);
    }

    @Test
    void withoutAFileTheConfigurationIsNamedByItsPid() {
        SettingsException e = ConfigValues.of(PID, Map.of()).reject("maxAttempts", 0, "a whole number from 1 to 10");
        assertThat(e.getMessage()).startsWith("the configuration " + PID + ": maxAttempts = '0'");
    }

    @Test
    void readTurnsARefusalIntoOneLineAndAcceptsGoodSettings() {
        ConfigValues.Configured<URI> bad = ConfigValues.read(PID, Map.of(ConfigValues.FILE_PROPERTY,
                CFG.toUri().toString()), v -> {
                    throw new IllegalArgumentException(PID + ": series 'a b' is not a series id\nsecond line");
                });
        assertThat(bad.settings()).isNull();
        assertThat(bad.problem()).isEqualTo("settings rejected: " + CFG + ": " + PID
                + ": series 'a b' is not a series id second line; the connector fetches nothing until this is fixed");
        ConfigValues.Configured<URI> good = ConfigValues.read(PID, Map.of(),
                v -> v.url("baseUrl", "https://x.test/", "https://x.test", "http", "https"));
        assertThat(good.settings()).isEqualTo(URI.create("https://x.test"));
        assertThat(good.problem()).isNull();
    }
}
