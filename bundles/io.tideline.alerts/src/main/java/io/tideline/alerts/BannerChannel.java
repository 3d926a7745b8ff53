package io.tideline.alerts;

import io.tideline.api.alerts.Alert;
import io.tideline.api.alerts.AlertEvents;
import java.util.Map;
import java.util.function.Supplier;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

/**
 * The window's banner: posts {@link AlertEvents#TOPIC_FIRED} with the alert's id, rule, kind,
 * subject and message (and the whole alert as {@code json}); the desk views subscribed to the
 * topic show it. Delivered once the event is posted, whether or not a window is open.
 */
final class BannerChannel implements Channel {

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
        ea.postEvent(new Event(AlertEvents.TOPIC_FIRED, Map.of(AlertEvents.ID, alert.id(), AlertEvents.RULE,
                alert.rule(), AlertEvents.KIND, alert.kind().word(), AlertEvents.SUBJECT, alert.subject(),
                AlertEvents.MESSAGE, alert.message(), AlertEvents.JSON, json)));
    }
}
