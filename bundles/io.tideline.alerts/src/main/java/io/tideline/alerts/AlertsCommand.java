package io.tideline.alerts;

import io.tideline.api.alerts.Alert;
import io.tideline.api.alerts.TrackedAlert;
import io.tideline.api.command.Command;
import io.tideline.api.command.CommandRequest;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code alerts [--last N]} lists the newest alerts with their delivery state per channel;
 * {@code alerts test} sends a test alert through every channel and prints how each went (exit 1
 * when one failed). A thin command over {@link AlertDesk}.
 */
@Component(service = Command.class)
public final class AlertsCommand implements Command {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    /** Long enough for a webhook's attempts with their waits and a command's limit at the defaults. */
    private static final long TEST_WAIT_SECONDS = 120;

    private final AlertDesk desk;

    /** Activated by SCR with the running alerts. */
    @Activate
    public AlertsCommand(@Reference AlertDesk desk) {
        this.desk = desk;
    }

    @Override
    public String name() {
        return "alerts";
    }

    @Override
    public String summary() {
        return "list recent alerts with their delivery state, or send a test alert through every channel";
    }

    @Override
    public String usage() {
        return "alerts [--last N] | alerts test";
    }

    @Override
    public int run(CommandRequest request) throws Exception {
        List<String> args = request.args();
        if (args.size() == 1 && args.get(0).equals("test")) {
            return test(request.out(), request.err());
        }
        int last = 20;
        if (args.size() == 2 && args.get(0).equals("--last")) {
            try {
                last = Integer.parseInt(args.get(1));
            } catch (NumberFormatException e) {
                last = -1;
            }
            if (last < 1) {
                request.err().println("alerts: --last expects a whole number of at least 1, got " + args.get(1));
                return USAGE;
            }
        } else if (!args.isEmpty()) {
            request.err().println("usage: " + usage());
            return USAGE;
        }
        list(request.out(), last);
        return OK;
    }

    private void list(PrintStream out, int last) {
        List<TrackedAlert> recent = desk.recent(last);
        for (String problem : desk.refusals()) {
            out.println("warning: " + problem);
        }
        if (recent.isEmpty()) {
            out.println("no alerts yet (ledger " + desk.ledger() + "; channels " + String.join(", ", desk.channels())
                    + ")");
            return;
        }
        for (TrackedAlert t : recent) {
            Alert a = t.alert();
            out.println(TIME.format(Instant.ofEpochMilli(a.timeMillis())) + "  " + a.rule() + "  " + a.message());
            if (t.states().isEmpty()) {
                out.println("    fired, not delivered yet");
            }
            for (Map.Entry<String, String> s : t.states().entrySet()) {
                out.println("    " + s.getKey() + ": " + s.getValue());
            }
        }
    }

    private int test(PrintStream out, PrintStream err) throws InterruptedException {
        long now = System.currentTimeMillis();
        Future<?> done = desk.test(now);
        try {
            done.get(TEST_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            err.println("alerts test: the delivery stopped: " + e.getCause().getMessage());
            return FAILED;
        } catch (TimeoutException e) {
            err.println("alerts test: no outcome within " + TEST_WAIT_SECONDS + " s; see 'alerts' later");
            return FAILED;
        }
        boolean failed = false;
        for (TrackedAlert t : desk.recent(50)) {
            if (t.alert().rule().equals("test") && t.alert().timeMillis() == now) {
                for (Map.Entry<String, String> s : t.states().entrySet()) {
                    out.println(s.getKey() + ": " + s.getValue());
                    failed |= !s.getValue().equals("delivered");
                }
            }
        }
        return failed ? FAILED : OK;
    }
}
