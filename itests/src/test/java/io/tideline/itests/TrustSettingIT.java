package io.tideline.itests;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.launcher.TidelineFramework;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged trust setting fails closed in the real distribution: an empty or binary
 * {@code deploy/io.tideline.deploy.trust.cfg}, or a garbled stored copy in
 * {@code DATA_DIR/config}, means mode trusted; {@code status} names the file and what is wrong
 * and exits 1; an unsigned jar in deploy/ never starts. Without any setting trust stays off.
 */
class TrustSettingIT {

    private static final String INDICATOR = "io.tideline.example.indicator";

    @TempDir
    Path work;

    private TidelineFramework tideline;

    @AfterEach
    void shutdown() throws Exception {
        if (tideline != null) {
            tideline.close();
        }
    }

    @Test
    void anEmptyTrustFileInDeployMeansTrusted() throws Exception {
        Path cfg = Files.writeString(Files.createDirectories(work.resolve("deploy")).resolve("io.tideline.deploy.trust.cfg"), "");
        bootWithAnUnsignedJarAndExpectStrict(cfg + " is empty; expected a line mode=trusted or mode=off");
    }

    @Test
    void aBinaryTrustFileInDeployMeansTrusted() throws Exception {
        Path cfg = Files.write(Files.createDirectories(work.resolve("deploy")).resolve("io.tideline.deploy.trust.cfg"),
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d});
        bootWithAnUnsignedJarAndExpectStrict(cfg + " is not a text file (control byte 0x1a at offset 6)");
    }

    @Test
    void aGarbledStoredTrustSettingMeansTrusted() throws Exception {
        Path stored = Files.createDirectories(work.resolve("data/config/io/tideline/deploy")).resolve("trust.config");
        Files.write(stored, new byte[] {'m', 'o', 'd', 'e', '=', 0, 0, 0x7f, 0x01, '"'});
        bootWithAnUnsignedJarAndExpectStrict(stored + " is not a text file (control byte 0x00 at offset 5)");
    }

    @Test
    void withoutAnySettingTrustStaysOff() throws Exception {
        tideline = Dist.boot(work);
        Dist.drop(Dist.DEPLOYABLES.resolve("momentum.jar"), work.resolve("deploy"), "momentum.jar");
        Dist.await("unsigned indicator started with trust off", this::indicatorActive);
        assertThat(Dist.run(tideline.context(), "trust").out()).contains("mode         off")
                .doesNotContain("checking trust until it is fixed");
        assertThat(Dist.run(tideline.context(), "status").out()).doesNotContain("deploy trust setting");
    }

    private void bootWithAnUnsignedJarAndExpectStrict(String problem) throws Exception {
        Dist.drop(Dist.DEPLOYABLES.resolve("momentum.jar"), work.resolve("deploy"), "momentum.jar");
        tideline = Dist.boot(work);
        Dist.await("unsigned jar refused", () -> Files.exists(work.resolve("data/refused/momentum.jar.reason.txt")));
        assertThat(indicatorActive()).isFalse();

        Dist.Result trust = Dist.run(tideline.context(), "trust");
        assertThat(trust.out()).contains("mode         trusted", "problem      " + problem);
        Dist.Result status = Dist.run(tideline.context(), "status");
        assertThat(status.code()).as(status.out()).isEqualTo(1);
        assertThat(status.out()).contains("deploy trust setting: " + problem, "trust is checked (mode trusted)");
    }

    private boolean indicatorActive() {
        return Arrays.stream(tideline.context().getBundles())
                .anyMatch(b -> INDICATOR.equals(b.getSymbolicName()) && b.getState() == org.osgi.framework.Bundle.ACTIVE);
    }
}
