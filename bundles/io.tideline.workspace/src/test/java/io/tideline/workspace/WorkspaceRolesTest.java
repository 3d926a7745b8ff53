package io.tideline.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideline.api.command.Command;
import io.tideline.api.command.CommandRequest;
import io.tideline.api.series.SeriesId;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.log.Logger;

/** The role bindings component and the 'roles' command over real files. */
class WorkspaceRolesTest {

    @TempDir
    Path dir;

    /** Every warning and error logged, as "level format args". */
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
        return dir.resolve("workspace/roles.json");
    }

    private WorkspaceRoles roles() {
        return WorkspaceRoles.of(logger(), new RolesOnDisk(file()));
    }

    /** What a command run printed. */
    private record Run(int code, String out, String err) {
    }

    private static Run run(WorkspaceRoles roles, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new RolesCommand(roles).run(new CommandRequest(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aMistypedRoleIsRefusedWithTheClosestKnownRoleAndNothingIsSaved() throws Exception {
        WorkspaceRoles roles = roles();
        Run r = run(roles, "set", "vixx", "fred:VIXCLS");
        assertThat(r.code()).isEqualTo(Command.USAGE);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("vixx is not a known role; did you mean vix?")
                .contains("Known roles: us10y, us2y, dollar, spx, ndx, vix,")
                .contains("roles set vixx SERIES --new").contains("usage: roles | roles set ROLE SERIES [--new]");
        assertThat(roles.all()).isEmpty();
        assertThat(file()).doesNotExist();
    }

    @Test
    void aNewRoleIsAddedWithNewAndIsKnownFromThenOn() throws Exception {
        WorkspaceRoles roles = roles();
        Run added = run(roles, "set", "desk.hedge", "csv:HEDGE", "--new");
        assertThat(added.code()).as(added.err()).isZero();
        assertThat(added.out()).isEqualTo("desk.hedge -> csv:HEDGE" + System.lineSeparator());
        // Bound now, so rebinding needs no --new; another process sees it too.
        Run again = run(roles, "set", "desk.hedge", "csv:HEDGE2");
        assertThat(again.code()).as(again.err()).isZero();
        WorkspaceRoles other = roles();
        assertThat(other.get("desk.hedge")).contains(SeriesId.parse("csv:HEDGE2"));
        // A typo of one's own role is caught like a typo of a shipped one.
        Run typo = run(other, "set", "desk.hegde", "csv:X");
        assertThat(typo.code()).isEqualTo(Command.USAGE);
        assertThat(typo.err()).contains("did you mean desk.hedge?").contains("your own roles: desk.hedge");
        assertThat(run(other, "").code()).isEqualTo(Command.USAGE);
    }

    @Test
    void knownRolesNeedNoFlagAndOptionsAreChecked() throws Exception {
        WorkspaceRoles roles = roles();
        assertThat(run(roles, "set", "vix", "fred:VIXCLS").code()).isZero();
        assertThat(run(roles, "set", "--new", "spx", "yahoo:SPY").code()).isZero();
        assertThat(roles.all()).containsOnlyKeys("vix", "spx");
        Run bad = run(roles, "set", "btc", "binance:BTCUSDT", "--force");
        assertThat(bad.code()).isEqualTo(Command.USAGE);
        assertThat(bad.err()).contains("unknown option --force");
        Run noName = run(roles, "set", "--new", "x.y");
        assertThat(noName.code()).isEqualTo(Command.USAGE);
        assertThat(roles.all()).containsOnlyKeys("vix", "spx");
    }

    @Test
    void aNameFarFromEveryRoleGetsNoGuessButTheList() throws Exception {
        Run r = run(roles(), "set", "bitcoinprice", "binance:BTCUSDT");
        assertThat(r.code()).isEqualTo(Command.USAGE);
        assertThat(r.err()).doesNotContain("did you mean").contains("Known roles: ");
    }

    @Test
    void cmeOpenInterestBoundAsPerpetualOpenInterestIsNamedButNeverMoved() throws Exception {
        // A roles.json as a sample loaded before btc.cme.oi existed left it.
        Files.createDirectories(file().getParent());
        String before = "{\"version\": 1, \"roles\": {\"btc.oi\": \"cftc:133741:oi\"}}";
        Files.writeString(file(), before);
        WorkspaceRoles roles = roles();

        assertThat(roles.get("btc.oi")).as("the user's binding stays").contains(SeriesId.parse("cftc:133741:oi"));
        assertThat(roles.get("btc.cme.oi")).isEmpty();
        assertThat(logged).singleElement().asString().startsWith("warn role bindings: {} btc.oi (perpetual open interest")
                .contains("cftc:133741:oi");
        Run listing = run(roles);
        assertThat(listing.out()).contains("btc.oi                    cftc:133741:oi")
                .contains("btc.cme.oi                (unbound)                       CME bitcoin futures open interest")
                .contains("note: btc.oi (perpetual open interest, USD) is bound to cftc:133741:oi")
                .contains("roles unset btc.oi, then roles set btc.cme.oi cftc:133741:oi");
        assertThat(Files.readString(file())).as("starting and listing change nothing on disk").isEqualTo(before);

        // Done as the note says, the note goes; perpetual open interest from another source draws none.
        assertThat(run(roles, "unset", "btc.oi").code()).isZero();
        assertThat(run(roles, "set", "btc.cme.oi", "cftc:133741:oi").code()).isZero();
        assertThat(run(roles, "set", "btc.oi", "binance:BTCUSDT:oi").out()).doesNotContain("note:");
        assertThat(run(roles).out()).doesNotContain("note:");
        assertThat(run(roles, "set", "btc.oi", "cftc:133741:oi").out()).contains("note: btc.oi (perpetual");
    }

    @Test
    void bindingsFromTheBackupCopyAreReportedInTheLogAndByTheRolesCommand() throws Exception {
        WorkspaceRoles first = roles();
        assertThat(run(first, "set", "us10y", "fred:DGS10").code()).isZero();
        assertThat(run(first, "set", "btc", "binance:BTCUSDT").code()).isZero();
        Files.writeString(file(), "{\"version\": 1, \"roles\": {\"us10y\": \"fred:DG");

        WorkspaceRoles after = roles();

        assertThat(after.get("us10y")).contains(SeriesId.parse("fred:DGS10"));
        assertThat(after.get("btc")).isEmpty(); // the backup copy is one save older
        assertThat(logged).singleElement().asString().startsWith("warn role bindings: ").contains(file().toString())
                .contains("(line 1").contains("The backup copy roles.json.bak");
        Run listing = run(after);
        assertThat(listing.code()).isZero();
        assertThat(listing.out()).contains("us10y                     fred:DGS10")
                .contains("warning: " + file() + ": ").contains("kept as roles.json.bad-")
                .contains("The backup copy roles.json.bak (saved ");
    }

    @Test
    void bothFilesUnreadableAreAnErrorAndTheWorkspaceStartsUnbound() throws Exception {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "not json");
        Files.writeString(file().resolveSibling("roles.json.bak"), "{\"version\": 1, \"roles\": {\"BTC\": \"x:y\"}}");
        WorkspaceRoles roles = roles();
        assertThat(roles.all()).isEmpty();
        assertThat(logged).singleElement().asString().startsWith("error role bindings: ")
                .contains("roles.BTC").contains("starts without role bindings");
        assertThat(run(roles).out()).contains("us10y                     (unbound)").contains("warning: ");
        assertThat(Map.copyOf(roles.all())).isEmpty();
    }

    @Test
    void aRoleOrSeriesIdResolvesByTheColonOverTheSavedBindings() throws Exception {
        WorkspaceRoles roles = roles();
        assertThat(run(roles, "set", "us10y", "fred:DGS10").code()).isZero();
        WorkspaceRoles reopened = roles();
        assertThat(reopened.resolve("us10y")).contains(SeriesId.parse("fred:DGS10"));
        assertThat(reopened.resolve("yahoo:SPY")).contains(SeriesId.parse("yahoo:SPY"));
        assertThat(reopened.resolve("spx")).isEmpty();
        assertThatThrownBy(() -> reopened.resolve("US 10Y")).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("'US 10Y' is neither a role");
    }

    @Test
    void aRoleNameWithAColonIsRefusedByTheCommandAndInTheFile() throws Exception {
        // The arguments swapped: the series id typed where the role goes.
        WorkspaceRoles roles = roles();
        Run swapped = run(roles, "set", "fred:DGS10", "us10y");
        assertThat(swapped.code()).isEqualTo(Command.USAGE);
        assertThat(swapped.err()).isEqualTo("roles: role 'fred:DGS10' contains ':', which only a series id has"
                + " (source:symbol[:field], e.g. fred:DGS10); a role is lower-case words joined by dots, e.g. btc.funding"
                + System.lineSeparator());
        assertThat(file()).doesNotExist();

        Files.createDirectories(file().getParent());
        Files.writeString(file(), "{\"version\": 1, \"roles\": {\"fred:DGS10\": \"fred:DGS10\"}}");
        WorkspaceRoles fromFile = roles();
        assertThat(fromFile.all()).isEmpty();
        assertThat(logged).singleElement().asString().contains(file() + ": roles.fred:DGS10: role 'fred:DGS10'"
                + " contains ':', which only a series id has");
    }
}
