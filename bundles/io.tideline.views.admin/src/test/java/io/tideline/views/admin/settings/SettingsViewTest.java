package io.tideline.views.admin.settings;

import static io.tideline.views.admin.SwtTesting.pumpUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.osgi.service.metatype.AttributeDefinition.BOOLEAN;
import static org.osgi.service.metatype.AttributeDefinition.INTEGER;
import static org.osgi.service.metatype.AttributeDefinition.PASSWORD;
import static org.osgi.service.metatype.AttributeDefinition.STRING;

import io.tideline.views.admin.SwtTesting;
import io.tideline.views.admin.SwtTesting.TestContext;
import io.tideline.views.admin.settings.FormModel.Bounds;
import io.tideline.views.admin.settings.Metatypes.Ad;
import io.tideline.views.admin.settings.Metatypes.Ocd;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Settings view in a real shell, over an in-memory settings source. */
class SettingsViewTest {

    private static final SettingsEntry FRED = new SettingsEntry("io.tideline.feed.fred", "io.tideline.feed.fred",
            "FRED feed", "Tideline FRED connector", 12, "fred");
    private static final SettingsEntry WORKBENCH = new SettingsEntry("io.tideline.workbench", "io.tideline.workbench",
            "Workbench", "Tideline workbench", 5, "workbench");

    /** Keeps configurations in memory and records what was saved and on which thread. */
    static final class MemorySource implements SettingsSource {
        final Map<String, Hashtable<String, Object>> stored = Collections.synchronizedMap(new HashMap<>());
        final List<Hashtable<String, Object>> saves = Collections.synchronizedList(new ArrayList<>());
        final List<String> threads = Collections.synchronizedList(new ArrayList<>());

        @Override
        public List<SettingsEntry> entries(Locale locale) {
            threads.add(Thread.currentThread().getName());
            return List.of(FRED, WORKBENCH);
        }

        @Override
        public FormModel open(SettingsEntry entry, Locale locale) {
            threads.add(Thread.currentThread().getName());
            Ocd ocd = entry == FRED
                    ? Ocd.of("fred", "FRED feed", Ad.of("series", "Series", STRING, "DGS10", "VIXCLS").cardinality(50),
                            Ad.of(".apiKey", "API key", PASSWORD, "").optional(),
                            Ad.of("timeoutSeconds", "Time-out (seconds)", INTEGER, "30"),
                            Ad.of("baseUrl", "Base URL", STRING, "https://api.stlouisfed.org"))
                    : Ocd.of("workbench", "Workbench",
                            Ad.of("language", "Language", STRING, "en").options(
                                    new String[] {"English", "Deutsch", "中文"}, new String[] {"en", "de", "zh"}),
                            Ad.of("restoreLayout", "Restore the last layout", BOOLEAN, "true"));
            return FormModel.of(entry.pid(), ocd, stored.get(entry.pid()),
                    Map.of("timeoutSeconds", new Bounds("1", "600")));
        }

        @Override
        public void save(String pid, Dictionary<String, Object> properties) {
            threads.add(Thread.currentThread().getName());
            Hashtable<String, Object> copy = new Hashtable<>();
            for (Enumeration<String> k = properties.keys(); k.hasMoreElements();) {
                String key = k.nextElement();
                copy.put(key, properties.get(key));
            }
            stored.put(pid, copy);
            saves.add(copy);
        }
    }

    private Display display;
    private Shell shell;
    private MemorySource source;

    @BeforeEach
    void open() {
        display = SwtTesting.display();
        shell = new Shell(display);
        shell.setLayout(new FillLayout());
        shell.setSize(1000, 680);
        source = new MemorySource();
        Hashtable<String, Object> fred = new Hashtable<>();
        fred.put(".apiKey", "s3cret-key");
        fred.put("timeoutSeconds", 30);
        source.stored.put(FRED.pid(), fred);
    }

    @AfterEach
    void close() {
        shell.dispose();
    }

    private SettingsView view(TestContext context) {
        SettingsView view = new SettingsView(shell, context, source);
        shell.layout(true, true);
        shell.open();
        pumpUntil("the list of components", () -> view.tree().getItemCount() == 2);
        return view;
    }

    private static void openForm(SettingsView view, SettingsEntry entry) {
        view.reveal(entry);
        pumpUntil("the form of " + entry.pid(),
                () -> view.model() != null && view.model().pid().equals(entry.pid()) && !view.controls().isEmpty());
    }

    @Test
    void drawsTheFormRefusesABadNumberInlineAndWritesAGoodOneKeepingTheSecret() throws Exception {
        TestContext context = new TestContext(Locale.ENGLISH);
        SettingsView view = view(context);
        openForm(view, FRED);

        Text secret = (Text) view.controls().get(".apiKey");
        assertThat(secret.getStyle() & SWT.PASSWORD).as("password style").isNotZero();
        assertThat(secret.getText()).as("the stored secret is never shown").isEmpty();
        assertThat(secret.getMessage()).isEqualTo("(unchanged)");
        Text series = (Text) view.controls().get("series");
        assertThat(series.getText()).isEqualTo("DGS10\nVIXCLS");

        Text timeout = (Text) view.controls().get("timeoutSeconds");
        assertThat(timeout.getText()).isEqualTo("30");
        timeout.setText("0");
        view.apply();
        pumpUntil("the inline error", () -> view.errors().get("timeoutSeconds").isVisible());
        assertThat(view.errors().get("timeoutSeconds").getText()).isEqualTo("Time-out (seconds): 0 is below the minimum 1.");
        assertThat(view.status().getText()).isEqualTo("Not saved: 1 field(s) need attention.");
        SwtTesting.pumpFor(200);
        assertThat(source.saves).as("nothing written while a field is wrong").isEmpty();
        SwtTesting.screenshot(shell, "settings");

        timeout.setText("45");
        view.apply();
        pumpUntil("the save", () -> source.saves.size() == 1 && context.statuses.contains("Saved “FRED feed”."));
        assertThat(source.saves.get(0)).containsEntry("timeoutSeconds", 45).containsEntry(".apiKey", "s3cret-key");
        assertThat(view.errors().get("timeoutSeconds").isVisible()).isFalse();

        pumpUntil("the reloaded form", () -> view.status().getText().equals("Saved “FRED feed”."));
        ((Text) view.controls().get(".apiKey")).setText("n3w-key");
        view.apply();
        pumpUntil("the second save", () -> source.saves.size() == 2);
        assertThat(source.saves.get(1)).containsEntry(".apiKey", "n3w-key").containsEntry("timeoutSeconds", 45);
        assertThat(source.threads).as("reads and writes happen off the UI thread").isNotEmpty()
                .allMatch(name -> name.matches("tideline-view-settings-\\d+"));
        assertThat(context.settings()).as("the selection is remembered with the layout")
                .containsEntry(SettingsView.SETTING_PID, FRED.pid());
    }

    @Test
    void choicesAndCheckBoxesWriteTheirValuesAndSearchFilters() {
        TestContext context = new TestContext(Locale.ENGLISH);
        SettingsView view = view(context);
        openForm(view, WORKBENCH);
        Combo language = (Combo) view.controls().get("language");
        assertThat(language.getItems()).containsExactly("English", "Deutsch", "中文");
        assertThat(language.getSelectionIndex()).isZero();
        language.select(1);
        ((Button) view.controls().get("restoreLayout")).setSelection(false);
        view.apply();
        pumpUntil("the save", () -> source.saves.size() == 1);
        assertThat(source.saves.get(0)).containsEntry("language", "de").containsEntry("restoreLayout", false);

        view.search().setText("fred");
        assertThat(view.tree().getItemCount()).isEqualTo(1);
        assertThat(view.tree().getItem(0).getItem(0).getText()).isEqualTo("FRED feed");
        view.search().setText("");
        assertThat(view.tree().getItemCount()).isEqualTo(2);
    }

    @Test
    void speaksTheContextsLanguageAndReopensTheRememberedComponent() throws Exception {
        TestContext context = new TestContext(Locale.GERMAN);
        context.updateSettings(Map.of(SettingsView.SETTING_PID, FRED.pid()));
        SettingsView view = view(context);
        pumpUntil("the remembered form", () -> view.model() != null && !view.controls().isEmpty());
        assertThat(view.model().pid()).isEqualTo(FRED.pid());
        assertThat(((Text) view.controls().get(".apiKey")).getMessage()).isEqualTo("(unverändert)");
        ((Text) view.controls().get("timeoutSeconds")).setText("601");
        view.apply();
        pumpUntil("the inline error", () -> view.errors().get("timeoutSeconds").isVisible());
        assertThat(view.errors().get("timeoutSeconds").getText())
                .isEqualTo("Time-out (seconds): 601 liegt über dem Maximum 600.");
        SwtTesting.screenshot(shell, "settings-de");
    }
}
