package io.tideline.feeds;

import io.tideline.api.command.Command;
import io.tideline.api.command.CommandRequest;
import io.tideline.api.store.RecordedFeed;
import io.tideline.api.store.StoreException;
import io.tideline.feed.http.Printable;
import io.tideline.support.command.Appearing;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code feeds status | feeds run [SOURCE...]}: every feed connector with its health, and fetching
 * now what the store lacks (exit 1 when a series failed). A thin command over {@link FeedDesk};
 * every text a connector or its server supplies is echoed through {@link Printable}.
 */
@Component(service = Command.class)
public final class FeedsCommand implements Command {

    private final FeedDesk desk;

    /** Activated by SCR with the running feed scheduler. */
    @Activate
    public FeedsCommand(@Reference FeedDesk desk) {
        this.desk = desk;
    }

    @Override
    public String name() {
        return "feeds";
    }

    @Override
    public String summary() {
        return "every feed connector with its health; fetch now what the store lacks";
    }

    @Override
    public String usage() {
        return "feeds status | feeds run [SOURCE...]";
    }

    @Override
    public int run(CommandRequest request) {
        List<String> args = request.args();
        if (args.equals(List.of("status")) || args.isEmpty()) {
            status(request.out());
            return OK;
        }
        if (args.get(0).equals("run")) {
            List<String> wanted = args.subList(1, args.size());
            Set<String> sources = awaitSources(wanted, APPEAR_MILLIS);
            for (String source : wanted) {
                if (!sources.contains(source)) {
                    request.err().println("feeds: no connector for source '" + source + "'; installed: "
                            + String.join(", ", sources));
                    return FAILED;
                }
            }
            if (!desk.collects()) {
                request.out().println("note: feeds are run by the collector; fetching here anyway, as asked");
            }
            boolean failed = false;
            for (String source : sources) {
                if (wanted.isEmpty() || wanted.contains(source)) {
                    request.out().println(source + ":");
                    Optional<FeedRun.Outcome> o = desk.run(source,
                            msg -> request.out().println("  " + Printable.of(msg)));
                    failed |= o.isPresent() && !o.get().errors().isEmpty();
                }
            }
            return failed ? FAILED : OK;
        }
        request.err().println("usage: " + usage());
        return USAGE;
    }

    /**
     * How long a named connector may take to appear: a plugin's connector in deploy/ is started
     * on a thread of its own after the command's bundles, and a connector whose settings changed
     * is away while it is activated again.
     */
    static final long APPEAR_MILLIS = 5_000L;

    /** The installed sources once every wanted one is among them, or as they are after {@code maxMillis}. */
    Set<String> awaitSources(List<String> wanted, long maxMillis) {
        return Appearing.await(desk::sources, sources -> sources.containsAll(wanted), maxMillis);
    }

    private void status(PrintStream out) {
        if (!desk.collects() && collectorsStatus(out)) {
            return;
        }
        out.printf("%-10s  %-9s  %-7s  %-20s  %-20s  %s%n", "SOURCE", "HEALTH", "SERIES", "LAST SUCCESS", "NEXT RUN",
                "LAST ERROR");
        boolean automatic = desk.automatic();
        boolean collects = desk.collects();
        List<FeedDesk.Feed> feeds = desk.feeds();
        for (FeedDesk.Feed f : feeds) {
            String error = f.health().lastError() == null ? "-" : Printable.shortened(f.health().lastError(), 2000);
            if (f.recordedBefore().isPresent()) {
                error += " (recorded " + time(f.recordedBefore().getAsLong()) + ", before this process)";
            }
            long success = f.health().lastSuccessMillis();
            out.printf("%-10s  %-9s  %7d  %-20s  %-20s  %s%n", Printable.of(f.source()), f.health().state(), f.series(),
                    !collects && success <= 0 ? "by the collector" : time(success),
                    !collects ? "by the collector" : automatic && f.nextRun() > 0 ? time(f.nextRun()) : "on demand",
                    error);
        }
        out.printf("%d feeds; %s%n", feeds.size(), !collects
                ? "feeds are run by the collector (team mode): this Tideline fetches nothing by itself; its health"
                        + " is the collector's to show ('feeds status' there)"
                : "refresh " + (automatic ? "every " + desk.refreshMinutes() + " min" : "on demand (feeds run)"));
    }

    /**
     * A Tideline that is not the collector: the feeds as the collector recorded them in the
     * shared store, said to be the collector's and how old. False when there is no record to show
     * (the store is not shared, or no collector recorded yet), after saying why.
     */
    private boolean collectorsStatus(PrintStream out) {
        List<RecordedFeed> recorded;
        try {
            recorded = desk.collectorsFeeds();
        } catch (StoreException e) {
            out.println("the collector's feed health cannot be read from the shared store: "
                    + Printable.shortened(e.getMessage(), 2000) + "; this Tideline's own feeds, which it does not run:");
            return false;
        }
        if (recorded.isEmpty()) {
            out.println("no collector has recorded feed health in the shared store yet (the collector records it"
                    + " after each feed run); this Tideline's own feeds, which it does not run:");
            return false;
        }
        long now = System.currentTimeMillis();
        out.printf("%-10s  %-9s  %-7s  %-20s  %-20s  %s%n", "SOURCE", "HEALTH", "SERIES", "LAST SUCCESS", "NEXT RUN",
                "LAST ERROR");
        RecordedFeed newest = recorded.get(0);
        for (RecordedFeed f : recorded) {
            String error = f.health().lastError() == null ? "-" : Printable.shortened(f.health().lastError(), 2000);
            out.printf("%-10s  %-9s  %7d  %-20s  %-20s  %s%n", Printable.of(f.source()), f.health().state(), f.series(),
                    time(f.health().lastSuccessMillis()), f.nextRunMillis() > 0 ? time(f.nextRunMillis()) : "on demand",
                    error);
            if (!f.staleSeries().isEmpty()) {
                out.println("            stale series: " + Printable.shortened(String.join(", ", f.staleSeries()), 2000));
            }
            if (f.recordedMillis() > newest.recordedMillis()) {
                newest = f;
            }
        }
        out.printf("%d feeds, as %s; feeds are run by the collector (team mode): this Tideline fetches nothing by"
                + " itself%n", recorded.size(), FeedProblems.collectorsRecord(newest, now));
        return true;
    }

    private static String time(long millis) {
        return millis <= 0 ? "never" : Instant.ofEpochMilli(millis).toString().substring(0, 19) + "Z";
    }
}
