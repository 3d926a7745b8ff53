package io.tideline.alerts;

import java.util.Map;
import java.util.function.Supplier;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * The window's banner: posts {@value #TOPIC} with the alert's id, rule, kind, subject and message
 * (and the whole alert as {@code json}); a window subscribed to the topic shows it. Delivered
 * once the event is posted, whether or not a window is open.
 */
final class BannerChannel implements Channel {

    /** The EventAdmin topic posted for every alert. */
    static final String TOPIC = "io/tideline/alerts/FIRED";

    private final Supplier<EventAdmin> events;

    BannerChannel(Supplier<EventAdmin> events) {
        this.events = events;
    }

    @Override
    public String name() {
        return "banner";
    }

    @Override
    public void deliver(Alert alert, String json) throws DeliveryException {
        EventAdmin ea = events.get();
        if (ea == null) {
            throw new DeliveryException("no event service is running");
        }
        ea.postEvent(new Event(TOPIC, Map.of("id", alert.id(), "rule", alert.rule(), "kind", alert.kind().word(),
                "subject", alert.subject(), "message", alert.message(), "json", json)));
    }
}
