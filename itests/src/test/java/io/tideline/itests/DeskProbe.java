package io.tideline.itests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;

/** The desk of a running Tideline as {@code desk --json} sent from a second process shows it. */
final class DeskProbe {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DeskProbe() {
    }

    /**
     * Starts {@code serve} on {@code work}'s data folder (the sample is loaded into it) and waits
     * until it serves and its desk has a snapshot of the sample (the first may be of an empty
     * store while the sample loads).
     *
     * @return the running process; stop it with {@link Launch#stop}
     */
    static Process serveTheSample(Path work) throws Exception {
        Files.createDirectories(work.resolve("deploy"));
        Path serveLog = work.resolve("logs/serve");
        Process running = Launch.start(serveLog, null, Launch.env(), "--headless", "--data-dir",
                Launch.data(work).toString(), "--deploy-dir", work.resolve("deploy").toString(), "serve");
        Launch.await("serve to say it serves", 180,
                () -> Launch.read(serveLog.resolve("out.txt")).contains("tideline: serving " + Launch.data(work)));
        Launch.await("the desk's snapshot of the sample", 120, () -> hasValue(work, "btc.vol20"));
        return running;
    }

    /** {@code desk --json ARGS} answered by the Tideline running on {@code work}'s data folder. */
    static JsonNode desk(Path work, String name, String... args) throws Exception {
        String[] line = new String[args.length + 2];
        line[0] = "desk";
        line[1] = "--json";
        System.arraycopy(args, 0, line, 2, args.length);
        Launch.Outcome o = Launch.command(work, name, null, line);
        assertThat(o.code()).as(o.err()).isZero();
        return JSON.readTree(o.out());
    }

    /** The revision of the desk's newest snapshot, 0 while it has none or cannot be asked. */
    static long revision(Path work) {
        try {
            return desk(work, "poll", new String[0]).get("revision").asLong();
        } catch (Exception | AssertionError e) {
            return 0;
        }
    }

    /** The live reading {@code node} of a snapshot; fails naming the snapshot when it has none. */
    static JsonNode reading(JsonNode desk, String node) {
        for (JsonNode r : desk.get("readings")) {
            if (r.get("node").asText().equals(node)) {
                return r;
            }
        }
        throw new AssertionError("no live reading " + node + " in " + desk);
    }

    /** Whether the snapshot has a value for the live reading {@code node} (the sample is loaded). */
    static boolean hasValue(Path work, String node) {
        try {
            return reading(desk(work, "poll-sample"), node).get("value").isNumber();
        } catch (Exception | AssertionError e) {
            return false;
        }
    }
}
