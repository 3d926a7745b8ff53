package io.tideline.views.desk.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.api.alerts.Alert;
import io.tideline.api.alerts.AlertKind;
import io.tideline.api.alerts.TrackedAlert;
import io.tideline.views.desk.Messages;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every kind of the alerts bundle's alerts worded from its fields, in English, German and Chinese. */
class AlertTextTest {

    private static final Messages EN = Messages.of(Locale.ENGLISH);
    private static final Messages DE = Messages.of(Locale.GERMAN);
    private static final Messages ZH = Messages.of(Locale.CHINESE);

    private static Alert alert(AlertKind kind, String subject, String previous, String current, Double value,
            Double threshold) {
        return new Alert("1-r-" + subject, "r", kind, 1L, "2026-07-23", subject, previous, current, value, threshold,
                "", "English line");
    }

    @Test
    void eachKindReadsInTheUsersLanguage() {
        Alert regime = alert(AlertKind.REGIME_CHANGE, "regime", "NORMAL", "LIQUIDITY_SHOCK", null, null);
        assertThat(AlertText.message(EN, regime)).isEqualTo("Regime changed from Normal to Liquidity shock (as of 2026-07-23)");
        assertThat(AlertText.kind(DE, regime)).isEqualTo("Regime");

        Alert tier = alert(AlertKind.TIER_CHANGE, "tier", "2", "4", null, null);
        assertThat(AlertText.message(EN, tier)).isEqualTo("Checklist tier changed from 2 to 4 (as of 2026-07-23)");
        assertThat(AlertText.message(DE, tier)).isEqualTo("Checklisten-Stufe wechselte von 2 zu 4 (Stand 2026-07-23)");
        assertThat(AlertText.message(ZH, tier)).isEqualTo("检查清单层级由 2 变为 4（截至 2026-07-23）");

        Alert low = alert(AlertKind.THRESHOLD, "spx", "above", "below", 3912.5, 4000.0);
        assertThat(AlertText.message(EN, low)).isEqualTo("spx is below 4,000: 3,912.5 (as of 2026-07-23)");
        assertThat(AlertText.message(DE, low)).isEqualTo("spx liegt unter 4.000: 3.912,5 (Stand 2026-07-23)");
        Alert high = alert(AlertKind.THRESHOLD, "us10y change-bp(5)", "below", "above", 26.25, 25.0);
        assertThat(AlertText.message(EN, high))
                .isEqualTo("us10y change-bp(5) is at or above 25: 26.25 (as of 2026-07-23)");

        Alert stale = alert(AlertKind.STALE_FEED, "btc", "fresh", "stale", null, null);
        assertThat(AlertText.message(EN, stale))
                .isEqualTo("Role btc has no data newer than its staleness limit (as of 2026-07-23)");
        assertThat(AlertText.kind(EN, stale)).isEqualTo("stale data");

        Alert crossing = alert(AlertKind.CHECKLIST_CROSSING, "us10y change-bp(5)", "above", "below", 0.0125, 15.0);
        assertThat(AlertText.message(EN, crossing))
                .isEqualTo("us10y change-bp(5) moved below its threshold 15: now 0.0125 (as of 2026-07-23)");
        assertThat(AlertText.message(ZH, crossing)).isEqualTo("us10y change-bp(5) 移至阈值 15 之下：当前 0.0125（截至 2026-07-23）");

        Alert test = new Alert("1-test-test", "test", AlertKind.TEST, 1L, "", "test", "none", "test", null, null, "",
                "A test alert");
        assertThat(AlertText.message(DE, test)).isEqualTo("Testalarm (der Befehl alerts test)");
    }

    @Test
    void everyKindHasItsWordsInEveryLanguage() {
        for (AlertKind kind : AlertKind.values()) {
            Alert a = alert(kind, "x", "above", "below", 1.0, 2.0);
            for (Messages msg : new Messages[] {EN, DE, ZH}) {
                assertThat(AlertText.kind(msg, a)).as("%s %s", kind, msg.locale()).doesNotStartWith("alert.")
                        .doesNotStartWith("!");
                assertThat(AlertText.message(msg, a)).as("%s %s", kind, msg.locale()).doesNotContain("alert.")
                        .doesNotContain("English line");
            }
        }
    }

    @Test
    void theDeliveryCellNamesEachChannelWithItsOutcome() {
        Alert a = alert(AlertKind.TEST, "test", "none", "test", null, null);
        assertThat(AlertText.delivery(EN, new TrackedAlert(a, Map.of()))).isEqualTo("not yet");
        assertThat(AlertText.deliveryDetail(new TrackedAlert(a, Map.of()))).isNull();
        TrackedAlert mixed = new TrackedAlert(a, Map.of("webhook", "failed: HTTP 500 after 3 attempts", "banner",
                "delivered"));
        assertThat(AlertText.delivery(EN, mixed)).isEqualTo("banner \u2713, webhook \u2717");
        assertThat(AlertText.deliveryDetail(mixed))
                .isEqualTo("banner: delivered\nwebhook: failed: HTTP 500 after 3 attempts");
    }
}
