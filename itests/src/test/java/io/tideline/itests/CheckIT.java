package io.tideline.itests;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.launcher.TidelineFramework;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;

/** The risk-off checklist over the sample workspace, through the 'check' command, in the framework. */
class CheckIT {

    @TempDir
    Path work;

    @Test
    void theCovidShockIsACrossAssetRiskOffAndTheReplayAgreesWithAsOf() throws Exception {
        try (TidelineFramework tideline = Dist.boot(work)) {
            BundleContext context = tideline.context();
            Dist.Result day = Dist.run(context, "check", "--as-of", "2020-03-16", "--json");
            assertThat(day.code()).as(day.err()).isZero();
            assertThat(day.out()).startsWith("{\"asOf\":\"2020-03-16\",").contains("\"riskOff\":true")
                    .containsPattern("\"tier\":[45],").contains("\"id\":\"macro\"").contains("\"id\":\"execution\"");

            Dist.Result replay = Dist.run(context, "check", "--from", "2020-02-24", "--to", "2020-03-31", "--csv");
            assertThat(replay.code()).as(replay.err()).isZero();
            List<String> days = replay.out().lines().skip(1).toList();
            assertThat(days).hasSizeGreaterThan(20);
            long riskOff = days.stream().filter(l -> l.split(",")[2].equals("true")).count();
            assertThat(riskOff).as("risk-off days of the COVID shock").isGreaterThan(days.size() / 2);
            String march16 = days.stream().filter(l -> l.startsWith("2020-03-16,")).findFirst().orElseThrow();
            assertThat(march16).startsWith("2020-03-16,LIQUIDITY_SHOCK,true,5,");

            // A team's own step, hot-deployed: the verdict lists it after the five (HY spread 10.87% on 03-23).
            Dist.drop(Dist.DEPLOYABLES.resolve("checkstep.jar"), work.resolve("deploy"), "checkstep.jar");
            Dist.await("plugin step in the verdict", () -> Dist.run(context, "check", "--as-of", "2020-03-23", "--json")
                    .out().contains("\"id\":\"example.credit\",\"status\":\"RED\""));
            assertThat(Dist.run(context, "check", "--as-of", "2019-07-01", "--json").out())
                    .contains("\"id\":\"example.credit\",\"status\":\"GREEN\"");

            // A fresh sample opens on its own date, the February 2026 selloff, where every core role
            // is fresh: a whole verdict, no step UNKNOWN, and the command says which day it shows.
            Dist.await("the sample workspace loaded with its date", () -> Dist.run(context, "asof").out()
                    .startsWith("as of 2026-02-06, the sample's date"));
            Dist.Result sampleDay = Dist.run(context, "check", "--json");
            assertThat(sampleDay.code()).as(sampleDay.err()).isZero();
            assertThat(sampleDay.err()).contains("as of 2026-02-06, the sample's date; --latest for the newest data");
            assertThat(sampleDay.out()).startsWith("{\"asOf\":\"2026-02-06\",").contains("\"coverage\":1.0")
                    .contains("\"stale\":[]").doesNotContain("\"status\":\"UNKNOWN\"")
                    .doesNotContain("INSUFFICIENT_DATA");
            String missing = sampleDay.out().replaceAll("(?s).*\"missing\":\\[([^\\]]*)\\].*", "$1");
            for (String core : List.of("us10y", "dollar", "spx", "ndx", "btc", "vix", "btc.funding")) {
                assertThat(missing).as("missing roles").doesNotContain("\"" + core + "\"");
            }
            assertThat(Dist.run(context, "check").out()).startsWith("as of 2026-02-06, the sample's date;");
            assertThat(Dist.run(context, "scenarios").out()).startsWith("as of 2026-02-06, the sample's date;")
                    .contains("Scenarios as of 2026-02-06");

            // The sample's latest day (its crypto bars end 2026-08-21) has stale equities and rates:
            // the live verdict fails closed instead of reading calm, with --latest or after 'asof latest'.
            Dist.Result latest = Dist.run(context, "check", "--latest", "--json");
            assertThat(latest.err()).contains("the newest data (the workspace is as of 2026-02-06");
            assertThat(latest.out()).contains("\"regime\":\"INSUFFICIENT_DATA\"", "\"action\":\"UNKNOWN\"")
                    .contains("\"stale\":[").contains("\"coverage\":0.25").doesNotContain("\"asOf\":\"2026-02-06\"");
            assertThat(Dist.run(context, "asof", "latest").out()).startsWith("the newest data from now on (was 2026-02-06");
            Dist.Result newest = Dist.run(context, "check", "--json");
            assertThat(newest.err()).doesNotContain("as of 2026-02-06");
            assertThat(newest.out()).isEqualTo(latest.out());
            // Every calendar day of a replay has a verdict, weekends included.
            assertThat(Dist.run(context, "check", "--from", "2020-03-13", "--to", "2020-03-16", "--csv").out().lines()
                    .skip(1).map(l -> l.substring(0, 10)).toList())
                    .containsExactly("2020-03-13", "2020-03-14", "2020-03-15", "2020-03-16");

            // A regime change is announced when data or roles change: point spx and btc at steady
            // rallies that end in 2020, so the latest verdict moves from INSUFFICIENT_DATA to a
            // judged one (once the sample workspace is fully loaded, so the regime before is that
            // of the full data).
            Dist.drop(Dist.DEPLOYABLES.resolve("storeprobe.jar"), work.resolve("deploy"), "storeprobe.jar");
            Dist.await("probe", () -> Dist.run(context, "probe", "events").code() == 0);
            assertThat(Dist.run(context, "probe", "write", "test:RALLY", "300", "1000").code()).isZero();
            assertThat(Dist.run(context, "probe", "write", "test:CRYPTORALLY", "300", "9000").code()).isZero();
            assertThat(Dist.run(context, "roles", "set", "spx", "test:RALLY").code()).isZero();
            assertThat(Dist.run(context, "roles", "set", "btc", "test:CRYPTORALLY").code()).isZero();
            Dist.await("regime change announced", () -> Dist.run(context, "probe", "events").out()
                    .contains("io/tideline/regime/CHANGED regime="));
            assertThat(Dist.run(context, "roles", "set", "spx", "yahoo:SPY").code()).isZero();
            assertThat(Dist.run(context, "roles", "set", "btc", "binance:BTCUSDT").code()).isZero();

            // check score: a bad labels file is refused with its line, nothing run; the shipped labels score
            Path labels = work.resolve("labels.csv");
            Files.writeString(labels, "start,end,kind\n2020-03-23,2020-02-20,risk-off\n");
            Dist.Result refused = Dist.run(context, "check", "score", "--labels", labels.toString());
            assertThat(refused.code()).isEqualTo(2);
            assertThat(refused.err()).contains(labels + ":2: end 2020-02-20 is before start 2020-03-23")
                    .contains("nothing was run");
            Files.writeString(labels, "start,end,kind\n2020-02-20,2020-03-23,risk-off\n2019-10-15,2019-12-31,calm\n");
            Dist.Result score = Dist.run(context, "check", "score", "--labels", labels.toString(), "--json");
            assertThat(score.code()).as(score.err()).isZero();
            assertThat(score.out()).startsWith("{\"recall\":").contains("\"falseAlarmRate\":", "\"episodes\":[",
                    "\"exposure\":{\"sharpe\":");

            Files.writeString(work.resolve("data/workspace/checklist-rules.json"), "{\"steps\": {}}");
            Dist.Result bad = Dist.run(context, "check", "--as-of", "2020-03-16");
            assertThat(bad.code()).isZero();
            assertThat(bad.err()).contains("checklist-rules.json").contains("the previous valid rules stay in force");
            assertThat(bad.out()).contains("LIQUIDITY_SHOCK");
        }
    }
}
