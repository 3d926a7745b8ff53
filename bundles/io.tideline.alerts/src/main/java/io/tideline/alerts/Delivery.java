package io.tideline.alerts;

import io.tideline.api.alerts.Alert;
import io.tideline.api.alerts.TrackedAlert;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Fires alerts: suppresses one that comes too soon after the last of its rule and subject,
 * writes {@code fired} to the ledger, then delivers it through every channel, writing
 * {@code delivered} or {@code failed} per channel. All of it runs on one background thread, in
 * order: {@link #fire} only queues, so an event thread is never held by a disk or a receiver.
 *
 * <p>State survives restarts through the ledger: on construction the ledger is read back, which
 * restores the recent alerts with their delivery state and the time each rule and subject last
 * fired. Thread-safe.
 */
final class Delivery implements AutoCloseable {

    private static final int RECENT = 200;

    private final Ledger ledger;
    private final List<Channel> channels;
    private final Consumer<String> warn;
    private final ExecutorService thread;
    /** Alert id to its delivery states, in firing order; guarded by this. */
    private final LinkedHashMap<String, Map<String, String>> states = new LinkedHashMap<>();
    private final Map<String, Alert> alerts = new HashMap<>();
    /** {@code rule \0 subject} to the time it last fired; guarded by this. */
    private final Map<String, Long> lastFired = new HashMap<>();

    /**
     * @param warn receives warnings for the log (unreadable ledger lines, a ledger that cannot be
     *        written); never a secret
     */
    Delivery(Ledger ledger, List<Channel> channels, Consumer<String> warn) {
        this.ledger = ledger;
        this.channels = List.copyOf(channels);
        this.warn = warn;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "tideline-alerts-delivery");
            t.setDaemon(true);
            return t;
        });
        Ledger.Loaded loaded = ledger.load();
        loaded.warnings().forEach(warn);
        for (Ledger.Entry e : loaded.entries()) {
            apply(e);
        }
    }

    /** The channels, in delivery order. */
    List<Channel> channels() {
        return channels;
    }

    /**
     * Queues {@code alert} unless its rule fired about the same subject less than the rule's
     * minimum interval ago (then it is dropped, returning null).
     *
     * @return the delivery, done when every channel has been tried, or null when suppressed
     */
    Future<?> fire(Alert alert, AlertRule rule) {
        synchronized (this) {
            Long last = lastFired.get(key(alert));
            if (rule != null && last != null && alert.timeMillis() - last < rule.minInterval().toMillis()) {
                return null;
            }
            lastFired.put(key(alert), alert.timeMillis());
        }
        return thread.submit(() -> deliver(alert));
    }

    /** Runs {@code task} on the delivery thread, after everything queued before it. */
    Future<?> submit(Runnable task) {
        return thread.submit(task);
    }

    private void deliver(Alert alert) {
        record(new Ledger.Entry(alert.timeMillis(), alert.id(), Ledger.State.FIRED, null, null, alert));
        String json = AlertJson.of(alert);
        for (Channel c : channels) {
            Ledger.Entry outcome;
            try {
                c.deliver(alert, json);
                outcome = new Ledger.Entry(System.currentTimeMillis(), alert.id(), Ledger.State.DELIVERED, c.name(),
                        null, null);
            } catch (Channel.DeliveryException e) {
                outcome = new Ledger.Entry(System.currentTimeMillis(), alert.id(), Ledger.State.FAILED, c.name(),
                        e.getMessage(), null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                record(new Ledger.Entry(System.currentTimeMillis(), alert.id(), Ledger.State.FAILED, c.name(),
                        "Tideline stopped during the delivery", null));
                return;
            } catch (RuntimeException e) {
                outcome = new Ledger.Entry(System.currentTimeMillis(), alert.id(), Ledger.State.FAILED, c.name(),
                        "unexpected error: " + e.getMessage(), null);
            }
            record(outcome);
        }
    }

    private void record(Ledger.Entry e) {
        apply(e);
        try {
            ledger.append(e);
        } catch (IOException x) {
            warn.accept(ledger.path() + ": cannot record that alert " + e.alertId() + " " + e.state().word()
                    + (e.channel() == null ? "" : " (" + e.channel() + ")") + ": " + x.getMessage());
        }
    }

    private synchronized void apply(Ledger.Entry e) {
        if (e.state() == Ledger.State.FIRED) {
            alerts.put(e.alertId(), e.alert());
            states.putIfAbsent(e.alertId(), new LinkedHashMap<>());
            lastFired.merge(key(e.alert()), e.alert().timeMillis(), Math::max);
            while (states.size() > RECENT) {
                String oldest = states.keySet().iterator().next();
                states.remove(oldest);
                alerts.remove(oldest);
            }
            return;
        }
        Map<String, String> s = states.get(e.alertId());
        if (s != null) {
            s.put(e.channel(), e.state() == Ledger.State.DELIVERED ? "delivered" : "failed: " + e.reason());
        }
    }

    /** The newest {@code max} alerts with their delivery state, newest first. */
    synchronized List<TrackedAlert> recent(int max) {
        List<TrackedAlert> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> e : states.entrySet()) {
            out.add(new TrackedAlert(alerts.get(e.getKey()), e.getValue()));
        }
        out.sort(Comparator.comparingLong((TrackedAlert t) -> t.alert().timeMillis()).reversed());
        return List.copyOf(out.subList(0, Math.min(max, out.size())));
    }

    private static String key(Alert a) {
        return a.rule() + '\u0000' + a.subject();
    }

    /** Stops taking alerts, waits a little for the one being delivered, then closes the channels. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
        channels.forEach(Channel::close);
    }
}
