package io.tideline.feed.http.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.tideline.feed.http.ConfigValues;
import io.tideline.support.testing.Fuzz;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * The connectors' shared fuzzing of {@code .cfg} values: numbers, URLs, ids, control characters,
 * 100,000-character values and random bytes for any one key, read as a connector reads its
 * configuration. Every value is accepted or refused with the documented one-line message naming
 * the file, the key, the value (printable, shortened) and what was expected — never an unchecked
 * exception, a Java class name or a control character in the message.
 */
public final class SettingsFuzz {

    /** The {@code .cfg} file the values are said to come from, as FileInstall names it. */
    public static final Path CFG = Path.of("/opt/tideline/deploy/fuzz.cfg");

    private static final String END = "; the connector fetches nothing until this is fixed";

    private static final List<byte[]> SEEDS = Fuzz.seeds("5", "30", "-1", "600", "2147483648", "0x1F", "1e3",
            " 30 ", "+7", "https://api.stlouisfed.org", "http://127.0.0.1:8080/fred/", "wss://fstream.binance.com",
            "file:///etc/passwd", "https://user:secret@x.test:99999/a?b=c#d", "https://[::1]/", "DGS10",
            "BTCUSDT", "^GSPC", "DX-Y.NYB", "1d", "4h", "", "true");

    private SettingsFuzz() {
    }

    /** Values as a {@code .cfg} file could hold them (any bytes, decoded as UTF-8). */
    public static Arbitrary<String> values() {
        return Fuzz.inputs(SEEDS, 256).map(b -> new String(b, UTF_8));
    }

    /** One of {@code keys}. */
    public static Arbitrary<String> keys(String... keys) {
        return Arbitraries.of(keys);
    }

    /**
     * Reads a configuration holding {@code value} for {@code key} with {@code read} (which returns
     * what {@link ConfigValues#read} returned) and checks the outcome.
     */
    public static void check(String key, String value,
            Function<Map<String, Object>, ConfigValues.Configured<?>> read) {
        Map<String, Object> properties = Map.of(key, value, ConfigValues.FILE_PROPERTY, CFG.toUri().toString());
        Fuzz.run(value.getBytes(UTF_8), Fuzz.Reported.class, 64L << 20, m -> refusal(m, key), () -> {
            String problem = read.apply(properties).problem();
            if (problem != null) {
                throw new Fuzz.Reported(problem);
            }
        });
    }

    /** The documented refusal: file, key, a printable value, the expectation, on one line. */
    private static boolean refusal(String message, String key) {
        boolean placed = message.startsWith("settings rejected: " + CFG + ": ") && message.endsWith(END)
                && message.contains(key);
        boolean expectation = message.contains("expected") || message.contains(" is not ")
                || message.contains(" must be ");
        return placed && expectation && Fuzz.noJavaNames(message)
                && message.chars().noneMatch(SettingsFuzz::unprintable);
    }

    private static boolean unprintable(int c) {
        return Character.isISOControl(c) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }
}
