package io.tideline.itests;

import static io.tideline.itests.Launch.await;
import static io.tideline.itests.Launch.command;
import static io.tideline.itests.Launch.data;
import static io.tideline.itests.Launch.env;
import static io.tideline.itests.Launch.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.tideline.launcher.TidelineFramework;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * Alerts reach people without a window: the real distribution's {@code serve} with
 * {@code deploy/io.tideline.alerts.cfg} pointing its webhook at a loopback server of this test;
 * an {@code import} sent from a second process changes the checklist's regime, another crosses a
 * threshold rule of {@code alerts-rules.json}, and the webhook receives each alert (with its
 * secret header) while the ledger records them fired and delivered; {@code alerts} lists it and
 * {@code alerts test} reaches the webhook too. And in the real framework without a window: the
 * desk views' alert list is what the alerts bundle fires, and says alerts are off without it.
 */
class AlertsIT {

    private static final long START_SECONDS = 180;
    private static final String SECRET = "it-secret-never-in-a-log";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    private Process running;
    private HttpServer server;
    private final List<String> bodies = Collections.synchronizedList(new ArrayList<>());
    private final List<String> secrets = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() throws InterruptedException {
        Launch.stop(running);
        if (server != null) {
            server.stop(0);
        }
    }

    private List<JsonNode> received(String rule) {
        List<JsonNode> out = new ArrayList<>();
        synchronized (bodies) {
            for (String b : bodies) {
                try {
                    JsonNode n = JSON.readTree(b);
                    if (rule.equals(n.path("rule").asText())) {
                        out.add(n);
                    }
                } catch (java.io.IOException e) {
                    throw new AssertionError("the webhook received something that is not JSON: " + b, e);
                }
            }
        }
        return out;
    }

    private List<JsonNode> ledger(String alertId) throws java.io.IOException {
        List<JsonNode> out = new ArrayList<>();
        Path file = data(work).resolve("workspace/alerts.jsonl");
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            JsonNode n = JSON.readTree(line);
            if (alertId.equals(n.path("alert").asText())) {
                out.add(n);
            }
        }
        return out;
    }

    private boolean delivered(String alertId) {
        try {
            return ledger(alertId).stream().anyMatch(n -> n.path("state").asText().equals("delivered")
                    && n.path("channel").asText().equals("webhook"));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @Test
    void importsIntoARunningServeFireARegimeChangeAndAThresholdAlertDeliveredToALoopbackWebhookAndLedger()
            throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            secrets.add(exchange.getRequestHeaders().getFirst("X-Tideline-Secret"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        Path deploy = Files.createDirectories(work.resolve("deploy"));
        Dist.write(deploy, "io.tideline.alerts.cfg", "webhook.url = http://127.0.0.1:" + server.getAddress().getPort()
                + "/hook\n.webhook.secret = " + SECRET + "\nwebhook.backoffMillis = 200\n");

        Path serveLog = work.resolve("logs/serve");
        running = Launch.start(serveLog, null, env(), "--headless", "--data-dir", data(work).toString(), "--deploy-dir",
                deploy.toString(), "serve");
        await("serve to say it serves", START_SECONDS,
                () -> read(serveLog.resolve("out.txt")).contains("tideline: serving " + data(work)));

        // The regime now, as a user would look: the sample's newest day has too little data.
        Launch.Outcome before = command(work, "check", null, "check", "--latest");
        assertThat(before.code()).as(before.err()).isZero();
        assertThat(before.out()).contains("INSUFFICIENT_DATA");

        // The rules as a user writes them while Tideline runs: read again on the next evaluation.
        Files.writeString(data(work).resolve("workspace/alerts-rules.json"), """
                {"version": 1, "rules": [
                  {"id": "regime", "kind": "regime-change"},
                  {"id": "ctl-high", "kind": "threshold", "role": "ctl", "above": 100}
                ]}
                """);
        Path folder = Files.createDirectories(work.resolve("elsewhere"));

        // A regime change: binding btc
        // to a series that ends with the equities (Yahoo's BTC-USD, exported and imported as a
        // CSV) gives the checklist a day it can judge.
        Launch.Outcome shown = command(work, "show", null, "series", "show", "yahoo:BTC-USD", "--from", "2025-01-01");
        assertThat(shown.code()).as(shown.err()).isZero();
        Files.writeString(folder.resolve("btc.csv"), shown.out().lines().filter(l -> l.startsWith("time,")
                || Character.isDigit(l.isEmpty() ? 'x' : l.charAt(0)) && l.contains(",")).reduce("", (a, b) -> a + b
                + "\n"));
        Launch.Outcome btc = command(work, "import-btc", folder, "import", "btc.csv", "--series", "csv:btc", "--role",
                "btc");
        assertThat(btc.code()).as(btc.err()).isZero();
        await("the webhook to receive the regime-change alert", 120, () -> !received("regime").isEmpty());
        JsonNode regime = received("regime").get(0);
        assertThat(regime.get("kind").asText()).isEqualTo("regime-change");
        assertThat(regime.get("previous").asText()).isEqualTo("INSUFFICIENT_DATA");
        assertThat(regime.get("current").asText()).isNotEqualTo("INSUFFICIENT_DATA");
        String regimeId = regime.get("id").asText();
        await("the ledger to record the regime change delivered", 60, () -> delivered(regimeId));
        assertThat(ledger(regimeId).get(0).get("state").asText()).isEqualTo("fired");


        Files.writeString(folder.resolve("ctl.csv"), "date,value\n2024-01-02,50\n2024-01-03,150\n");
        Launch.Outcome imported = command(work, "import", folder, "import", "ctl.csv", "--series", "csv:ctl", "--role",
                "ctl");
        assertThat(imported.code()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("imported 2 bars of csv:ctl");

        await("the webhook to receive the ctl-high alert", 120, () -> !received("ctl-high").isEmpty());
        JsonNode alert = received("ctl-high").get(0);
        assertThat(alert.get("kind").asText()).isEqualTo("threshold");
        assertThat(alert.get("subject").asText()).isEqualTo("ctl");
        assertThat(alert.get("current").asText()).isEqualTo("above");
        assertThat(alert.get("value").asDouble()).isEqualTo(150.0);
        assertThat(alert.get("threshold").asDouble()).isEqualTo(100.0);
        assertThat(alert.get("asOf").asText()).isEqualTo("2024-01-03");
        assertThat(secrets).contains(SECRET);

        String id = alert.get("id").asText();
        await("the ledger to record the delivery", 60, () -> delivered(id));
        List<JsonNode> states = ledger(id);
        assertThat(states.get(0).get("state").asText()).isEqualTo("fired");
        assertThat(states.get(0).get("fired").get("rule").asText()).isEqualTo("ctl-high");
        assertThat(states).extracting(n -> n.path("state").asText() + " " + n.path("channel").asText())
                .contains("delivered banner", "delivered webhook");

        Launch.Outcome listed = command(work, "alerts", null, "alerts");
        assertThat(listed.code()).as(listed.err()).isZero();
        assertThat(listed.out()).contains("ctl-high  ctl (csv:ctl) is above 100: 150 on 2024-01-03",
                "    webhook: delivered");

        Launch.Outcome tested = command(work, "alerts-test", null, "alerts", "test");
        assertThat(tested.code()).as(tested.out() + tested.err()).isZero();
        assertThat(tested.out()).contains("banner: delivered", "webhook: delivered");
        assertThat(received("test")).hasSize(1);

        // Standing states at start (the sample's stale roles) are not news: no alert of theirs.
        assertThat(received("stale")).isEmpty();
        for (Path log : List.of(serveLog.resolve("out.txt"), serveLog.resolve("err.txt"))) {
            assertThat(read(log)).as("the secret stays off " + log).doesNotContain(SECRET);
        }
    }

    /** The desk (the views' one data service), found by its component name. */
    private static final String DESK_DATA = "(component.name=io.tideline.desk.DeskComponent)";
    private static final String ALERTS = "(objectClass=io.tideline.api.alerts.Alerts)";

    @Test
    void theDesksAlertListIsWhatTheAlertsBundleFiresAndSaysAlertsAreOffWithoutIt() throws Exception {
        TidelineFramework tideline = Dist.boot(work);
        try {
            BundleContext context = tideline.context();
            Dist.await("the desk data and the alerts service",
                    () -> !Dist.services(context, DESK_DATA).isEmpty() && !Dist.services(context, ALERTS).isEmpty());
            ServiceReference<?> ref = Dist.services(context, DESK_DATA).get(0);
            Object desk = context.getService(ref);
            // A view's listener, as the feeds view subscribes (its interface is the API's).
            List<String> heard = Collections.synchronizedList(new ArrayList<>());
            Class<?> listenerType = Dist.bundle(context, "io.tideline.api")
                    .loadClass("io.tideline.api.desk.DeskListener");
            Object listener = Proxy.newProxyInstance(listenerType.getClassLoader(), new Class<?>[] {listenerType},
                    (proxy, method, args) -> {
                        if (method.getDeclaringClass() == Object.class) {
                            return method.getName().equals("equals") ? proxy == args[0]
                                    : method.getName().equals("hashCode") ? System.identityHashCode(proxy)
                                    : "listener";
                        }
                        heard.add(method.getName() + (args == null ? "" : " " + rule(args[0])));
                        return null;
                    });
            AutoCloseable subscription = (AutoCloseable) desk.getClass().getMethod("subscribe", listenerType)
                    .invoke(desk, listener);
            try {
                Dist.Result sent = Dist.run(context, "alerts", "test");
                assertThat(sent.code()).as(sent.out() + sent.err()).isZero();
                assertThat(sent.out()).contains("banner: delivered");

                // The listener hears of it from the fired event, and the list has it with its delivery.
                Dist.await("the desk's listener to hear of the test alert", () -> heard.contains("alert test"));
                Optional<?> listed = (Optional<?>) desk.getClass().getMethod("alerts").invoke(desk);
                assertThat(listed).isPresent();
                Object newest = ((List<?>) listed.get()).get(0);
                assertThat(rule(newest)).isEqualTo("test");
                assertThat(newest.getClass().getMethod("states").invoke(newest))
                        .isEqualTo(Map.of("banner", "delivered"));

                // Without the alerts bundle the views are told, and the list is "off", not empty.
                Dist.bundle(context, "io.tideline.alerts").stop();
                Dist.await("the desk's listener to hear alerts went away", () -> heard.contains("alertsChanged"));
                assertThat((Optional<?>) desk.getClass().getMethod("alerts").invoke(desk)).isEmpty();
            } finally {
                subscription.close();
                context.ungetService(ref);
            }
        } finally {
            tideline.close();
        }
    }

    /** The rule of a TrackedAlert (read through reflection: this class path has no API classes). */
    private static String rule(Object tracked) {
        try {
            Object alert = tracked.getClass().getMethod("alert").invoke(tracked);
            return (String) alert.getClass().getMethod("rule").invoke(alert);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("not a TrackedAlert: " + tracked, e);
        }
    }
}
