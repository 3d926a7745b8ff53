package io.tideline.views.admin.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.osgi.service.metatype.AttributeDefinition.BOOLEAN;
import static org.osgi.service.metatype.AttributeDefinition.DOUBLE;
import static org.osgi.service.metatype.AttributeDefinition.INTEGER;
import static org.osgi.service.metatype.AttributeDefinition.LONG;
import static org.osgi.service.metatype.AttributeDefinition.PASSWORD;
import static org.osgi.service.metatype.AttributeDefinition.STRING;

import io.tideline.views.admin.Messages;
import io.tideline.views.admin.settings.FormModel.Bounds;
import io.tideline.views.admin.settings.FormModel.Outcome;
import io.tideline.views.admin.settings.Metatypes.Ad;
import io.tideline.views.admin.settings.Metatypes.Ocd;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormModelTest {

    private static final Messages EN = Messages.of(Locale.ENGLISH);

    /** Shaped like the FRED connector's settings. */
    private static final Ocd FRED = Ocd.of("io.tideline.feed.fred", "FRED feed",
            Ad.of("series", "Series", STRING, "DGS10", "DGS2").cardinality(100),
            Ad.of(".apiKey", "API key", PASSWORD, "").optional(),
            Ad.of("baseUrl", "Base URL", STRING, "https://api.stlouisfed.org"),
            Ad.of("timeoutSeconds", "Time-out (seconds)", INTEGER, "30"),
            Ad.of("weight", "Weight", DOUBLE, "0.5").optional(),
            Ad.of("enabled", "Enabled", BOOLEAN, "true"),
            Ad.of("language", "Language", STRING, "en").options(new String[] {"English", "Deutsch", "中文"},
                    new String[] {"en", "de", "zh"}));

    private static final Map<String, Bounds> BOUNDS = Map.of("timeoutSeconds", new Bounds("1", "600"),
            "weight", new Bounds("0", "1"));

    private static FormModel model(Hashtable<String, Object> stored) {
        return FormModel.of("io.tideline.feed.fred", FRED, stored, BOUNDS);
    }

    private static FormField field(FormModel m, String id) {
        return m.fields().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void eachAttributeGetsTheWidgetOfItsTypeAndSecretsAreRecognisedByTypeOrName() {
        assertThat(FormModel.kindOf(Ad.of("baseUrl", "x", STRING))).isEqualTo(FieldKind.TEXT);
        assertThat(FormModel.kindOf(Ad.of("n", "x", INTEGER))).isEqualTo(FieldKind.NUMBER);
        assertThat(FormModel.kindOf(Ad.of("n", "x", LONG))).isEqualTo(FieldKind.NUMBER);
        assertThat(FormModel.kindOf(Ad.of("n", "x", DOUBLE))).isEqualTo(FieldKind.NUMBER);
        assertThat(FormModel.kindOf(Ad.of("b", "x", BOOLEAN))).isEqualTo(FieldKind.BOOLEAN);
        assertThat(FormModel.kindOf(Ad.of("b", "x", BOOLEAN).cardinality(3))).as("several booleans: one per line")
                .isEqualTo(FieldKind.TEXT);
        assertThat(FormModel.kindOf(Ad.of("mode", "x", STRING).options(new String[] {"A"}, new String[] {"a"})))
                .isEqualTo(FieldKind.CHOICE);
        assertThat(FormModel.kindOf(Ad.of("key", "x", PASSWORD))).isEqualTo(FieldKind.SECRET);
        assertThat(FormModel.kindOf(Ad.of(".apiKey", "x", STRING))).isEqualTo(FieldKind.SECRET);
        assertThat(FormModel.kindOf(Ad.of("dbPassword", "x", STRING))).isEqualTo(FieldKind.SECRET);
        assertThat(FormModel.kindOf(Ad.of("clientSecret", "x", STRING))).isEqualTo(FieldKind.SECRET);
        assertThat(FormModel.kindOf(Ad.of("binanceApiKey", "x", STRING))).isEqualTo(FieldKind.SECRET);
    }

    @Test
    void startsFromTheStoredValuesElseTheDefaults() {
        Hashtable<String, Object> stored = new Hashtable<>();
        stored.put("series", new String[] {"VIXCLS", "SP500"});
        stored.put("timeoutSeconds", 45);
        FormModel m = model(stored);
        assertThat(m.title()).isEqualTo("FRED feed");
        assertThat(m.initialText(field(m, "series"))).isEqualTo("VIXCLS\nSP500");
        assertThat(m.initialText(field(m, "timeoutSeconds"))).isEqualTo("45");
        assertThat(m.initialText(field(m, "baseUrl"))).isEqualTo("https://api.stlouisfed.org");
        assertThat(m.initialBoolean(field(m, "enabled"))).isTrue();
        assertThat(m.initialChoice(field(m, "language"))).isZero();
        assertThat(field(m, "timeoutSeconds").min()).isEqualTo("1");
    }

    @Test
    void numbersAreCheckedAgainstTypeAndBoundsAndTheErrorNamesTheField() {
        FormModel m = model(new Hashtable<>());
        Outcome below = m.apply(Map.of("timeoutSeconds", "0"), EN);
        assertThat(below.ok()).isFalse();
        assertThat(below.properties()).as("nothing to write").isEmpty();
        assertThat(below.errors()).singleElement().satisfies(e -> {
            assertThat(e.fieldId()).isEqualTo("timeoutSeconds");
            assertThat(e.message()).isEqualTo("Time-out (seconds): 0 is below the minimum 1.");
        });
        assertThat(m.apply(Map.of("timeoutSeconds", "601"), EN).errors().get(0).message())
                .isEqualTo("Time-out (seconds): 601 is above the maximum 600.");
        assertThat(m.apply(Map.of("timeoutSeconds", "thirty"), EN).errors().get(0).message())
                .startsWith("Time-out (seconds): “thirty” is not a whole number");
        assertThat(m.apply(Map.of("timeoutSeconds", "2.5"), EN).ok()).as("an integer field takes no fraction").isFalse();
        assertThat(m.apply(Map.of("timeoutSeconds", "99999999999"), EN).ok()).as("beyond int").isFalse();
        assertThat(m.apply(Map.of("weight", "1,5"), EN).errors().get(0).message())
                .isEqualTo("Weight: “1,5” is not a number (use a point for decimals, e.g. 1.5).");
        assertThat(m.apply(Map.of("weight", "1.01"), EN).errors().get(0).message())
                .isEqualTo("Weight: 1.01 is above the maximum 1.");

        Outcome ok = m.apply(Map.of("timeoutSeconds", " 600 ", "weight", "0.25"), EN);
        assertThat(ok.ok()).isTrue();
        assertThat(ok.properties().get("timeoutSeconds")).isEqualTo(600);
        assertThat((Double) ok.properties().get("weight")).isCloseTo(0.25, org.assertj.core.data.Offset.offset(0.0));
    }

    @Test
    void errorsComeInTheUsersLanguage() {
        FormModel m = model(new Hashtable<>());
        assertThat(m.apply(Map.of("timeoutSeconds", "0"), Messages.of(Locale.GERMAN)).errors().get(0).message())
                .isEqualTo("Time-out (seconds): 0 liegt unter dem Minimum 1.");
        assertThat(m.apply(Map.of("timeoutSeconds", "0"), Messages.of(Locale.CHINESE)).errors().get(0).message())
                .isEqualTo("Time-out (seconds)：0 低于最小值 1。");
    }

    @Test
    void whenTheBoundsAreUnknownTheDefinitionsOwnCheckStillRefuses() {
        Ocd ocd = Ocd.of("x", "X", Ad.of("retries", "Retries", INTEGER, "3")
                .checkedBy(v -> Integer.parseInt(v) > 10 ? "%greater than maximum" : ""));
        FormModel m = FormModel.of("x", ocd, null, Map.of());
        Outcome out = m.apply(Map.of("retries", "11"), EN);
        assertThat(out.errors()).singleElement()
                .satisfies(e -> assertThat(e.message()).isEqualTo("Retries: 11 is not accepted (greater than maximum)."));
        assertThat(m.apply(Map.of("retries", "10"), EN).properties().get("retries")).isEqualTo(10);
    }

    @Test
    void anUnchangedSecretIsNotWrittenAndATypedOneIs() {
        Hashtable<String, Object> stored = new Hashtable<>();
        stored.put(".apiKey", "s3cret");
        stored.put("timeoutSeconds", 30);
        FormModel m = model(stored);
        FormField key = field(m, ".apiKey");
        assertThat(key.kind()).isEqualTo(FieldKind.SECRET);
        assertThat(m.initialText(key)).as("a secret is never handed to a widget").isEmpty();
        assertThat(m.hasStoredValue(".apiKey")).isTrue();

        Outcome kept = m.apply(Map.of(".apiKey", "", "timeoutSeconds", "31"), EN);
        assertThat(kept.properties()).containsEntry(".apiKey", "s3cret").containsEntry("timeoutSeconds", 31);

        Outcome typed = m.apply(Map.of(".apiKey", "n3w-key", "timeoutSeconds", "31"), EN);
        assertThat(typed.properties()).containsEntry(".apiKey", "n3w-key");

        FormModel none = model(new Hashtable<>());
        assertThat(none.hasStoredValue(".apiKey")).isFalse();
        assertThat(none.apply(Map.of(".apiKey", ""), EN).properties()).doesNotContainKey(".apiKey");
    }

    @Test
    void severalValuesAreOnePerLineAndKeepTheirTypeAndShape() {
        Ocd ocd = Ocd.of("x", "X", Ad.of("series", "Series", STRING).cardinality(10),
                Ad.of("ports", "Ports", INTEGER).cardinality(-5));
        FormModel m = FormModel.of("x", ocd, null, Map.of());
        Outcome out = m.apply(Map.of("series", "DGS10\n\n  VIXCLS \r\nSP500", "ports", "80\n443"), EN);
        assertThat(out.ok()).isTrue();
        assertThat((String[]) out.properties().get("series")).containsExactly("DGS10", "VIXCLS", "SP500");
        assertThat(out.properties().get("ports")).isEqualTo(List.of(80, 443));
        assertThat(m.apply(Map.of("ports", "80\nhttp"), EN).errors().get(0).message()).contains("Ports", "“http”");
    }

    @Test
    void keepsForeignKeysDropsManagedOnesAndHandlesEmptyNumbers() {
        Hashtable<String, Object> stored = new Hashtable<>();
        stored.put("service.pid", "io.tideline.feed.fred");
        stored.put("felix.fileinstall.filename", "file:/deploy/io.tideline.feed.fred.cfg");
        stored.put("weight", 0.7);
        FormModel m = model(stored);
        Map<String, String> input = new HashMap<>();
        input.put("weight", "");
        input.put("enabled", "false");
        input.put("language", "zh");
        input.put("baseUrl", "");
        Outcome out = m.apply(input, EN);
        assertThat(out.ok()).isTrue();
        assertThat(out.properties()).doesNotContainKey("service.pid")
                .containsEntry("felix.fileinstall.filename", "file:/deploy/io.tideline.feed.fred.cfg")
                .as("an emptied optional number falls back to the default").doesNotContainKey("weight")
                .containsEntry("enabled", false).containsEntry("language", "zh")
                .as("an emptied text is written empty").containsEntry("baseUrl", "");
        assertThat(m.apply(Map.of("timeoutSeconds", " "), EN).errors().get(0).message())
                .isEqualTo("Time-out (seconds) needs a value.");
        assertThat(m.apply(Map.of("language", "fr"), EN).ok()).isFalse();
    }
}
