package io.tideline.alerts;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.tideline.api.alerts.Alert;
import io.tideline.api.alerts.AlertKind;
import io.tideline.support.json.JsonValueException;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * An alert as JSON: the body of a webhook's POST, the standard input of the command hook, and the
 * {@code fired} object of a ledger line. Keys: {@code id}, {@code rule}, {@code kind},
 * {@code time} (ISO-8601 UTC), {@code timeMillis}, {@code asOf}, {@code subject},
 * {@code previous}, {@code current}, {@code value}, {@code threshold} (numbers or null),
 * {@code source} (the roles with their series and the checklist's rule, or empty), {@code message}.
 * A ledger line written before {@code source} existed reads as an empty source.
 */
final class AlertJson {

    private static final JsonFactory JSON = new JsonFactory();

    private AlertJson() {
    }

    /** The alert as one line of JSON. */
    static String of(Alert a) {
        StringWriter text = new StringWriter(256);
        try (JsonGenerator g = JSON.createGenerator(text)) {
            write(g, a);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write an alert as JSON", e);
        }
        return text.toString();
    }

    static void write(JsonGenerator g, Alert a) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", a.id());
        g.writeStringField("rule", a.rule());
        g.writeStringField("kind", a.kind().word());
        g.writeStringField("time", Instant.ofEpochMilli(a.timeMillis()).toString());
        g.writeNumberField("timeMillis", a.timeMillis());
        g.writeStringField("asOf", a.asOf());
        g.writeStringField("subject", a.subject());
        g.writeStringField("previous", a.previous());
        g.writeStringField("current", a.current());
        number(g, "value", a.value());
        number(g, "threshold", a.threshold());
        g.writeStringField("source", a.source());
        g.writeStringField("message", a.message());
        g.writeEndObject();
    }

    private static void number(JsonGenerator g, String name, Double value) throws IOException {
        if (value == null || !Double.isFinite(value)) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value);
        }
    }

    /** An alert as read back from the ledger. */
    record Doc(String id, String rule, String kind, String time, Long timeMillis, String asOf, String subject,
            String previous, String current, Double value, Double threshold, String source, String message) {

        private static final List<String> KINDS = Arrays.stream(AlertKind.values()).map(AlertKind::word)
                .toList();

        Doc {
            JsonValueException.required("id", id, "the alert's id");
            JsonValueException.required("rule", rule, "the rule's id");
            JsonValueException.oneOf("kind", kind, KINDS);
            JsonValueException.required("timeMillis", timeMillis, "a time in epoch milliseconds");
            JsonValueException.required("asOf", asOf, "a day or an empty text");
            JsonValueException.required("subject", subject, "a text");
            JsonValueException.required("previous", previous, "a text");
            JsonValueException.required("current", current, "a text");
            JsonValueException.required("message", message, "a text");
        }

        Alert alert() {
            return new Alert(id, rule, AlertKind.of(kind), timeMillis, asOf, subject, previous, current, value,
                    threshold, source, message);
        }
    }
}
