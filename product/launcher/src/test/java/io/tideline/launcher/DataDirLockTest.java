package io.tideline.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data directory lock across processes and within one JVM. */
class DataDirLockTest {

    @TempDir
    Path dir;

    @Test
    void aSecondLockInTheSameJvmIsRefusedUntilTheFirstIsClosed() throws Exception {
        Path data = dir.resolve("data");
        try (DataDirLock first = DataDirLock.acquire(data)) {
            assertThat(Files.readString(first.file())).contains("pid=" + ProcessHandle.current().pid());
            assertThatThrownBy(() -> DataDirLock.acquire(data)).isInstanceOf(DataDirLock.InUseException.class)
                    .hasMessageStartingWith("the data directory " + data + " is in use by another Tideline (pid "
                            + ProcessHandle.current().pid() + ", since ")
                    .hasMessageEndingWith("; close it, or use another one: --data-dir DIR");
        }
        try (DataDirLock again = DataDirLock.acquire(data)) {
            assertThat(again.file()).exists();
        }
    }

    @Test
    void aRefusedSecondLockInTheSameJvmLeavesTheFirstHeldAgainstOtherProcesses() throws Exception {
        Path data = dir.resolve("data");
        try (DataDirLock first = DataDirLock.acquire(data)) {
            assertThatThrownBy(() -> DataDirLock.acquire(data)).isInstanceOf(DataDirLock.InUseException.class);
            Process other = java(Holder.class, data.toString()).redirectErrorStream(true).start();
            assertThat(other.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                    .contains("is in use by another Tideline (pid " + ProcessHandle.current().pid() + ", since ");
            assertThat(other.exitValue()).isEqualTo(3);
        }
    }

    @Test
    void anotherProcessIsNamedByPidAndItsLockEndsWithItEvenWhenKilled() throws Exception {
        Path data = dir.resolve("data");
        Process holder = java(Holder.class, data.toString()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("locked");
            assertThatThrownBy(() -> DataDirLock.acquire(data)).isInstanceOf(DataDirLock.InUseException.class)
                    .hasMessageContaining("is in use by another Tideline (pid " + holder.pid() + ", since ")
                    .satisfies(e -> assertThat(((DataDirLock.InUseException) e).holder()).hasValueSatisfying(
                            h -> assertThat(h.pid()).isEqualTo(holder.pid())));
        } finally {
            holder.destroyForcibly(); // SIGKILL: no chance to release anything itself
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        try (DataDirLock mine = DataDirLock.acquire(data)) {
            assertThat(Files.readString(mine.file())).contains("pid=" + ProcessHandle.current().pid());
        }
    }

    /** Holds the lock of the folder in {@code args[0]} until killed. */
    public static final class Holder {
        public static void main(String[] args) throws Exception {
            DataDirLock lock;
            try {
                lock = DataDirLock.acquire(Path.of(args[0]));
            } catch (DataDirLock.InUseException e) {
                System.out.println(e.getMessage());
                System.exit(3);
                return;
            }
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(600_000);
            lock.close();
        }
    }

    private static ProcessBuilder java(Class<?> main, String... args) {
        String javaBin = ProcessHandle.current().info().command().orElse(
                Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new java.util.ArrayList<>(List.of(javaBin, "-cp", System.getProperty("java.class.path"),
                main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
    }
}
