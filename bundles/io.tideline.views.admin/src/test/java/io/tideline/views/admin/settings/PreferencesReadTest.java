package io.tideline.views.admin.settings;

import static io.tideline.views.admin.SwtTesting.pumpUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.osgi.service.metatype.AttributeDefinition.STRING;

import io.tideline.views.admin.Messages;
import io.tideline.views.admin.SwtTesting;
import io.tideline.views.admin.SwtTesting.TestContext;
import io.tideline.views.admin.settings.Metatypes.Ad;
import io.tideline.views.admin.settings.Metatypes.Ocd;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Preferences as a trader reads them: Tideline's settings first under the names a trader uses,
 * the framework's under "Advanced"; text from the settings keeps its '&' (SWT mnemonics); no
 * label or list entry cut (SWT text extent against the widget).
 */
class PreferencesReadTest {

    private final Messages en = Messages.of(Locale.ENGLISH);
    private Shell shell;

    @AfterEach
    void close() {
        if (shell != null) {
            shell.dispose();
        }
    }

    private SettingsEntry entry(String bsn, String bundleName, String name) {
        return new SettingsEntry(bsn, bsn, name, OsgiSettingsSource.groupName(bsn, bundleName, en), 1, bsn);
    }

    @Test
    void tidelineSettingsComeFirstUnderTradersNamesAndTheFrameworkUnderAdvanced() {
        List<SettingsEntry> entries = new ArrayList<>(List.of(
                entry("org.apache.felix.scr", "Apache Felix Declarative Services", "SCR"),
                entry("org.apache.felix.fileinstall", "", "File install"),
                entry("io.tideline.feed.fred", "Tideline FRED connector", "FRED feed"),
                entry("io.tideline.regime", "Tideline regime checklist", "Checklist rules"),
                entry("io.tideline.views.chart", "Tideline chart views", "Charts"),
                entry("io.tideline.store.derby", "Tideline Derby store", "Store")));
        entries.sort(OsgiSettingsSource.order(en));
        assertThat(entries).extracting(SettingsEntry::group).containsExactly("Charts and views",
                "Checklist and scenarios", "Data feeds", "Data store and workspace",
                "Advanced: Apache Felix Declarative Services", "Advanced: org.apache.felix.fileinstall");
    }

    @Test
    void settingsTextKeepsItsAmpersandAndNoLabelIsCut() throws Exception {
        SettingsEntry fred = entry("io.tideline.feed.fred", "Tideline FRED connector", "FRED feed (S&P 500, VIX)");
        SettingsSource source = new SettingsSource() {
            @Override
            public List<SettingsEntry> entries(Locale locale) {
                return List.of(fred, entry("org.apache.felix.fileinstall", "", "Apache Felix File Install"));
            }

            @Override
            public FormModel open(SettingsEntry e, Locale locale) {
                return FormModel.of(e.pid(), Ocd.of("fred", e.name(), Ad.of("series", "Series (S&P, rates)", STRING, "SP500")),
                        null, Map.of());
            }

            @Override
            public void save(String pid, Dictionary<String, Object> properties) {
            }
        };
        shell = new Shell(SwtTesting.display());
        shell.setLayout(new FillLayout());
        shell.setSize(700, 460);
        SettingsView view = new SettingsView(shell, new TestContext(Locale.ENGLISH), source);
        shell.layout(true, true);
        shell.open();
        pumpUntil("the list", () -> view.tree().getItemCount() == 2);
        assertThat(view.tree().getItem(0).getText()).as("Tideline's group first").isEqualTo("Data feeds");
        view.reveal(fred);
        pumpUntil("the form", () -> view.model() != null && !view.controls().isEmpty());
        SwtTesting.pumpFor(200);
        SwtTesting.screenshot(shell, "preferences-read");

        List<Label> labels = new ArrayList<>();
        collect(shell, labels);
        assertThat(labels).extracting(Label::getText).contains("Series (S&&P, rates)", "FRED feed (S&&P 500, VIX)");
        for (Label l : labels) {
            String shown = l.getText().replace("&&", "&");
            if (shown.isEmpty() || !l.isVisible()) {
                continue;
            }
            GC gc = new GC(l);
            try {
                if ((l.getStyle() & SWT.WRAP) == 0) {
                    assertThat(gc.textExtent(shown).x).as("label '%s' is whole", shown).isLessThanOrEqualTo(l.getSize().x);
                } else {
                    assertThat(l.computeSize(l.getSize().x, SWT.DEFAULT).y).as("wrapped '%s' has its height", shown)
                            .isLessThanOrEqualTo(l.getSize().y + 1);
                }
            } finally {
                gc.dispose();
            }
        }
        GC gc = new GC(view.tree());
        int cut = 0;
        try {
            for (TreeItem group : view.tree().getItems()) {
                for (TreeItem item : group.getItems()) {
                    // What the entry shows (whole or cut with "…") ends inside the list.
                    String shown = io.tideline.views.admin.Ui.shown(gc, item.getText(),
                            io.tideline.views.admin.Ui.room(view.tree(), item.getTextBounds(0)));
                    assertThat(item.getTextBounds(0).x + gc.textExtent(shown).x).as("'%s' shown as '%s'", item.getText(), shown)
                            .isLessThanOrEqualTo(view.tree().getClientArea().width);
                    if (!shown.equals(item.getText())) {
                        assertThat(shown).endsWith("\u2026");
                        cut++;
                    }
                }
            }
        } finally {
            gc.dispose();
        }
        assertThat(cut).as("the long FRED entry is cut with an ellipsis at this width").isEqualTo(1);
        // Hovering it gives its whole name.
        TreeItem long1 = view.tree().getItem(0).getItem(0);
        org.eclipse.swt.widgets.Event move = new org.eclipse.swt.widgets.Event();
        move.x = long1.getBounds().x + 5;
        move.y = long1.getBounds().y + long1.getBounds().height / 2;
        view.tree().notifyListeners(SWT.MouseMove, move);
        assertThat(view.tree().getToolTipText()).isEqualTo("FRED feed (S&P 500, VIX)");
    }

    private static void collect(Control c, List<Label> out) {
        if (c instanceof Label l) {
            out.add(l);
        }
        if (c instanceof Composite comp) {
            for (Control child : comp.getChildren()) {
                collect(child, out);
            }
        }
    }
}
