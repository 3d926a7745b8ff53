package io.tideline.platform.internal;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.api.platform.DeployTrust;
import io.tideline.api.platform.DeployTrust.Mode;
import io.tideline.support.testing.Fuzz;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzes the deploy trust setting: the bytes of {@code io.tideline.deploy.trust.cfg} and the
 * values of its keys. Every file is sound or reported naming it; every value is read or reported
 * quoting it printable and short; a setting with any problem means trust is checked (never off);
 * nothing throws.
 */
class TrustSettingCheckFuzzTest {

    private static final Path DIR = Fuzz.scratch("trust-fuzz-");

    @Provide
    Arbitrary<byte[]> files() {
        return Fuzz.inputs(Fuzz.seeds("mode=trusted\n", "# admin\nmode=off\ntruststore=/opt/trust/store.p12\n",
                "mode = trusted\r\nallowlist=/opt/trust/allowed-sha256.txt\r\n_truststore_password=changeit\r\n",
                "mode=\\u0074rusted\n"), 4096);
    }

    @Provide
    Arbitrary<String> keys() {
        return Arbitraries.of("mode", "truststore", "allowlist");
    }

    @Provide
    Arbitrary<String> values() {
        return Fuzz.inputs(Fuzz.seeds("off", "trusted", " TRUSTED ", "", "/opt/trust/store.p12",
                "C:\\trust\\store.p12", "~/trust", "trust/allowed-sha256.txt"), 256).map(b -> new String(b, UTF_8));
    }

    @Property
    void any_cfg_file_is_sound_or_reported_naming_it(@ForAll("files") byte[] input) throws IOException {
        // One file, rewritten per try: a folder per try left a million to remove at exit.
        Path file = DIR.resolve(TrustSettingCheck.CFG_FILE);
        Files.write(file, input);
        Fuzz.run(input, Fuzz.Reported.class, 64L << 20, m -> m.startsWith(file + " ") && printable(m), () -> {
            List<String> problems = TrustSettingCheck.checkCfg(file);
            if (problems.isEmpty()) {
                // Sound: ConfigAdmin reads it the same way; its mode must read too.
                Properties p = new Properties();
                p.load(new StringReader(new String(input, ISO_8859_1)));
                List<String> modeProblems = new ArrayList<>();
                TrustSettingCheck.mode(p.getProperty("mode"), modeProblems);
                assertThat(modeProblems).allSatisfy(m -> assertThat(printable(m)).as(m).isTrue());
                return;
            }
            assertThat(problems).allSatisfy(m -> assertThat(m.length()).isLessThan(Fuzz.MAX_MESSAGE_CHARS));
            throw new Fuzz.Reported(problems.get(0));
        });
    }

    @Property
    void any_value_is_read_or_reported_quoting_it_and_trust_stays_on(@ForAll("keys") String key,
            @ForAll("values") String value) {
        Fuzz.run(value.getBytes(UTF_8), Fuzz.Reported.class, 64L << 20,
                m -> m.startsWith(key + " '") && m.contains("' in " + DeployTrust.PID + " is ") && printable(m),
                () -> {
                    List<String> problems = new ArrayList<>();
                    if (key.equals("mode")) {
                        Mode mode = TrustSettingCheck.mode(value, problems);
                        assertThat(problems.isEmpty() || mode == Mode.TRUSTED).isTrue();
                    } else {
                        Path fallback = DIR.resolve("fallback");
                        Path p = TrustSettingCheck.path(key, value, fallback, problems);
                        assertThat(problems.isEmpty() || p.equals(fallback)).isTrue();
                    }
                    if (!problems.isEmpty()) {
                        throw new Fuzz.Reported(problems.get(0));
                    }
                });
    }

    /** One line a terminal shows as it is: no control or bidi characters, no Java names. */
    private static boolean printable(String m) {
        return Fuzz.noJavaNames(m) && m.chars().noneMatch(c -> Character.isISOControl(c)
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069));
    }
}
