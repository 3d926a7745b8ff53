package io.tideline.itests;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.launcher.LaunchConfig;
import io.tideline.launcher.TidelineFramework;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;

/**
 * A store that failed its last integrity check is a notice in the workbench's status bar, as
 * {@code status} reports it, and the notice goes once a {@code db check} finds the store sound;
 * a plugin that cannot run is one too (after the store: the more urgent one is shown first).
 * The damage is the record a previous {@code db check} left in the data directory (how damage is
 * found is the store's own tests' business); real framework, real window under Xvfb. Own class:
 * one window per test JVM.
 */
class WorkbenchStoreHealthIT {

    /** What a db check that found a damaged chunk leaves in the data directory. */
    private static final String DAMAGED = """
            status=DAMAGED
            checked=2026-01-05T14\\:30\\:00Z
            problem.1=csv\\:ACME 2024-01-02..2024-03-29\\: chunk checksum does not match its data
            """;

    @TempDir
    Path work;

    @Test
    void aStoreThatFailedItsLastCheckIsANoticeUntilACheckFindsItSound() throws Exception {
        assertThat(System.getenv("DISPLAY")).as("a display; run the tests with ./test.sh").isNotBlank();
        Path data = Files.createDirectories(work.resolve("data"));
        Files.writeString(data.resolve("db-check.properties"), DAMAGED);
        Path deploy = Files.createDirectories(work.resolve("deploy"));
        Dist.drop(Dist.DEPLOYABLES.resolve("unresolved.jar"), deploy, "unresolved.jar");
        try (TidelineFramework t = TidelineFramework.start(new LaunchConfig(Dist.HOME.resolve("bundles"),
                work.resolve("deploy"), data, false, false, Map.of()))) {
            BundleContext c = t.context();
            Dist.await("the workbench window", () -> Dist.run(c, "workbench", "views").code() == 0);
            // Before the store has opened the plugin may be shown; the store's damage then wins.
            Dist.await("the store's damage in the status bar",
                    () -> Dist.run(c, "workbench", "status").out().contains("Series store damaged"));
            String bar = Dist.run(c, "workbench", "status").out();
            assertThat(bar).contains("Series store damaged: run db check")
                    .contains("csv:ACME 2024-01-02..2024-03-29: chunk checksum does not match its data")
                    .contains("db restore DIR");
            Dist.Result status = Dist.run(c, "status");
            assertThat(status.code()).as("status reports the same store as a problem").isEqualTo(1);
            assertThat(status.out() + status.err()).contains("csv:ACME 2024-01-02..2024-03-29");

            Dist.Result check = Dist.run(c, "db", "check");
            assertThat(check.code()).as(check.out() + check.err()).isZero();
            Dist.await("the plugin that cannot run shown once the store is sound",
                    () -> Dist.run(c, "workbench", "status").out().contains("Plugins failed to start"));
            assertThat(Dist.run(c, "workbench", "status").out()).doesNotContain("Series store damaged")
                    .contains("io.tideline.itest.unresolved");
            Files.delete(deploy.resolve("unresolved.jar"));
            Dist.await("the notice gone with the plugin",
                    () -> !Dist.run(c, "workbench", "status").out().contains("notice "));

            // Damage found again, then a backup restored: the restored store is checked at once,
            // so neither status nor the status bar goes on reporting the old store's damage.
            Path backup = work.resolve("backup-1");
            Dist.Result backedUp = Dist.run(c, "db", "backup", backup.toString());
            assertThat(backedUp.code()).as(backedUp.out() + backedUp.err()).isZero();
            Files.writeString(data.resolve("db-check.properties"), DAMAGED);
            Dist.await("the damage in the status bar again",
                    () -> Dist.run(c, "workbench", "status").out().contains("Series store damaged"));
            Dist.Result restored = Dist.run(c, "db", "restore", backup.toString(), "--force");
            assertThat(restored.code()).as(restored.out() + restored.err()).isZero();
            assertThat(Dist.run(c, "status").out()).doesNotContain("csv:ACME 2024-01-02..2024-03-29");
            Dist.await("the notice gone after the restore",
                    () -> !Dist.run(c, "workbench", "status").out().contains("Series store damaged"));
        }
    }
}
