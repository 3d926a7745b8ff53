package io.tideline.api.ui.kit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.api.ui.ViewContext;
import io.tideline.api.ui.ViewSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;

class ViewKitTest {

    /** A context that records what the view saved. */
    private static final class Context implements ViewContext {
        Map<String, String> settings = new LinkedHashMap<>();
        final List<Map<String, String>> writes = new ArrayList<>();

        @Override
        public String instanceId() {
            return "test-1";
        }

        @Override
        public Map<String, String> settings() {
            return settings;
        }

        @Override
        public void updateSettings(Map<String, String> s) {
            settings = new LinkedHashMap<>(s);
            writes.add(settings);
        }

        @Override
        public void status(String message) {
        }

        @Override
        public Locale locale() {
            return Locale.ENGLISH;
        }
    }

    @Test
    void settingsAreReadStrippedWithAFallbackAndWrittenOnlyWhenChanged() {
        Context c = new Context();
        c.settings.put("window", "  60 ");
        c.settings.put("blank", " ");
        assertThat(ViewSettings.get(c, "window", "30")).isEqualTo("60");
        assertThat(ViewSettings.get(c, "blank", "x")).isEqualTo("x");
        assertThat(ViewSettings.get(c, "absent", "y")).isEqualTo("y");
        ViewSettings.put(c, "range", "1Y");
        ViewSettings.put(c, "range", "1Y");
        assertThat(c.writes).hasSize(1);
        assertThat(c.settings).containsExactly(Map.entry("window", "  60 "), Map.entry("blank", " "),
                Map.entry("range", "1Y"));
    }

    @Test
    void aSimpleFactoryDeclaresItsSpecAndBuildsWithItsConstructor() {
        ViewSpec spec = new ViewSpec("test.view", "Test", "Markets", null);
        SimpleViewFactory f = SimpleViewFactory.of(spec, (parent, context) -> {
            Label l = new Label(parent, SWT.NONE);
            l.setText(context.instanceId());
            return l;
        });
        assertThat(f.spec()).isSameAs(spec);
        Shell shell = new Shell(Display.getDefault());
        try {
            Control c = f.create(shell, new Context());
            assertThat(c.getParent()).isSameAs(shell);
            assertThat(((Label) c).getText()).isEqualTo("test-1");
        } finally {
            shell.dispose();
        }
    }

    /** The smallest view on the kit's base: one label that shows a setting. */
    private static final class NoteView extends ViewBase<Messages> {
        final Label label;

        NoteView(org.eclipse.swt.widgets.Composite parent, ViewContext context) {
            super(parent, context, Messages.of(ViewKitTest.class, context.locale(), Messages.Missing.FAIL), "note");
            label = new Label(root, SWT.NONE);
            label.setText(msg.get("named", setting("who", "nobody")));
        }

        void rename(String who) {
            saveSetting("who", who);
        }
    }

    @Test
    void aViewOnTheKitsBaseReadsItsSettingsAndStringsAndEndsItsLaterWorkWithItsControl() {
        Context c = new Context();
        c.settings.put("who", " Ann ");
        Display display = Display.getDefault();
        Shell shell = new Shell(display);
        try {
            NoteView view = new NoteView(shell, c);
            assertThat(view.control().getParent()).isSameAs(shell);
            assertThat(view.label.getText()).isEqualTo("Hello, Ann");
            view.rename("Bob");
            assertThat(c.settings).containsEntry("who", "Bob");
            List<String> ran = new ArrayList<>();
            view.onUi(() -> ran.add("live"));
            while (display.readAndDispatch()) {
                // Runs what onUi queued.
            }
            assertThat(ran).containsExactly("live");
            view.onUi(() -> ran.add("after dispose"));
            view.control().dispose();
            while (display.readAndDispatch()) {
                // Runs the queue: the disposed view's task is dropped.
            }
            assertThat(ran).containsExactly("live");
        } finally {
            shell.dispose();
        }
    }
}
