package io.tideline.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideline.api.command.Command;
import io.tideline.api.command.CommandRequest;
import io.tideline.api.workspace.WorkspaceDate;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.log.Logger;

/** The workspace's as-of date over a real file, and the 'asof' command. */
class WorkspaceAsOfTest {

    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-12-02T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final List<String> logged = new CopyOnWriteArrayList<>();

    private Logger logger() {
        return (Logger) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Logger.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("warn") || method.getName().equals("error")) {
                        logged.add(method.getName() + " " + args[0] + " " + (args.length > 1 ? args[1] : ""));
                    }
                    return method.getReturnType() == boolean.class ? Boolean.FALSE : null;
                });
    }

    private Path file() {
        return dir.resolve("workspace/asof.json");
    }

    private WorkspaceAsOf asOf() {
        return WorkspaceAsOf.of(logger(), file());
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(WorkspaceAsOf w, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new AsOfCommand(w, TODAY).run(new CommandRequest(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void noFileMeansTheNewestData() throws Exception {
        WorkspaceAsOf w = asOf();
        assertThat(w.pinned()).isEmpty();
        assertThat(run(w).out()).startsWith("the newest data (no as-of date set); asof YYYY-MM-DD pins a day\n");
    }

    @Test
    void aPinnedDayIsSavedAndReadByAnotherInstanceOnTheSameDirectory() throws Exception {
        WorkspaceAsOf w = asOf();
        w.pin(new WorkspaceDate.Pinned(LocalDate.of(2026, 2, 6), "the sample's date"));
        assertThat(Files.readString(file())).contains("\"asOf\" : \"2026-02-06\"").contains("\"version\" : 1");
        WorkspaceAsOf other = asOf();
        assertThat(other.pinned()).contains(new WorkspaceDate.Pinned(LocalDate.of(2026, 2, 6), "the sample's date"));
        assertThat(run(other).out()).startsWith("as of 2026-02-06, the sample's date; asof latest for the newest data\n");

        // the other process moves to the newest data: the first sees it without a restart
        Run latest = run(other, "latest");
        assertThat(latest.code()).isEqualTo(Command.OK);
        assertThat(latest.out()).isEqualTo("the newest data from now on (was 2026-02-06, the sample's date);"
                + " check shows what is stale there\n");
        assertThat(w.pinned()).isEmpty();
        assertThat(file()).doesNotExist();
        assertThat(w.clear()).as("nothing left to clear").isFalse();
    }

    @Test
    void asofDatePinsItAndRefusesWhatIsNotADayOrIsAfterToday() throws Exception {
        WorkspaceAsOf w = asOf();
        Run set = run(w, "2026-03-10");
        assertThat(set.code()).isEqualTo(Command.OK);
        assertThat(set.out()).startsWith("as of 2026-03-10 from now on");
        assertThat(w.pinned()).contains(new WorkspaceDate.Pinned(LocalDate.of(2026, 3, 10), AsOfCommand.SET_BY_USER));

        Run typo = run(w, "2026-3-10");
        assertThat(typo.code()).isEqualTo(Command.USAGE);
        assertThat(typo.err()).startsWith("asof: '2026-3-10' is not a date YYYY-MM-DD, latest or clear\n");
        Run future = run(w, "2062-01-01");
        assertThat(future.code()).isEqualTo(Command.USAGE);
        assertThat(future.err()).isEqualTo("asof: 2062-01-01 is after today (2026-12-02 UTC); there is no data for it yet\n");
        assertThat(w.pinned().orElseThrow().day()).as("unchanged").isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(run(w, "clear").out()).startsWith("the newest data from now on (was 2026-03-10, set with asof)");
    }

    @Test
    void aDamagedFileMeansTheNewestDataAndIsNamedWithItsFault() throws Exception {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "{\"version\": 1, \"asOf\": \"2026-02-06\", \"reason\": \"x\", \"colour\": 3}");
        WorkspaceAsOf w = asOf();
        assertThat(w.pinned()).isEmpty();
        assertThat(logged).singleElement().asString().contains(file().toString()).contains("colour");
        assertThat(run(w).out()).startsWith("warning: " + file() + ": ").contains("colour")
                .contains("the newest data (no as-of date set)");

        Files.writeString(file(), "{\"version\": 1, \"asOf\": \"06.02.2026\", \"reason\": \"x\"}");
        assertThat(w.pinned()).isEmpty();
        assertThat(logged).last().asString().contains(file() + ": asOf: '06.02.2026' is not a date YYYY-MM-DD");

        Files.writeString(file(), "{\"version\": 1, \"asOf\": \"2026-02-06\"}");
        assertThat(w.pinned()).isEmpty();
        assertThat(logged).last().asString().contains("reason");

        run(w, "2026-02-05");
        assertThat(asOf().pinned().orElseThrow().day()).as("asof DATE replaces the damaged file")
                .isEqualTo(LocalDate.of(2026, 2, 5));
    }

    @Test
    void aReasonIsOneShortLine() {
        assertThatThrownBy(() -> new WorkspaceDate.Pinned(LocalDate.of(2026, 2, 6), "a\nb"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
