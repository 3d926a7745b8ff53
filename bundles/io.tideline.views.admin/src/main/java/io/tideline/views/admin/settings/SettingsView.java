package io.tideline.views.admin.settings;

import io.tideline.api.ui.ViewContext;
import io.tideline.api.ui.kit.ViewBase;
import io.tideline.views.admin.Messages;
import io.tideline.views.admin.Ui;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;

/**
 * The Settings view: on the left every configurable component grouped by bundle, with a search
 * field; on the right the selected component's form with Apply and Revert (no OK/Cancel, so the
 * same view works docked and inside the workbench's Preferences dialog). Reading and writing run
 * on the view kit's {@link io.tideline.api.ui.kit.Background}, off the UI thread; results reach
 * only a live view.
 */
public final class SettingsView extends ViewBase<Messages> {

    /** The key under which the view remembers the selected PID in its layout settings. */
    static final String SETTING_PID = "pid";

    private final SettingsSource source;

    private final Text search;
    private final Tree tree;
    private final ScrolledComposite scroller;
    private final Composite form;
    private final Button apply;
    private final Button revert;
    private final Label status;
    private final Font titleFont;

    private List<SettingsEntry> entries = List.of();
    private SettingsEntry requested;
    private FormModel model;
    private final Map<String, Control> controls = new LinkedHashMap<>();
    private final Map<String, Label> errors = new HashMap<>();

    /** Builds the view inside {@code parent} and starts loading the list. Call on the UI thread. */
    public SettingsView(Composite parent, ViewContext context, SettingsSource source) {
        super(parent, context, Messages.of(context.locale()), "settings");
        this.source = source;

        root.setLayout(new GridLayout(1, false));
        SashForm sash = new SashForm(root, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));

        Composite left = new Composite(sash, SWT.NONE);
        GridLayout leftLayout = new GridLayout(1, false);
        leftLayout.marginWidth = 0;
        left.setLayout(leftLayout);
        search = new Text(left, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL | SWT.BORDER);
        search.setMessage(msg.format("settings.search"));
        search.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        search.addModifyListener(e -> fillTree());
        tree = new Tree(left, SWT.BORDER | SWT.SINGLE);
        tree.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Ui.ellipsizeItems(tree);
        tree.addListener(SWT.Selection, e -> {
            if (e.item instanceof TreeItem item && item.getData() instanceof SettingsEntry entry) {
                select(entry);
            }
        });

        Composite right = new Composite(sash, SWT.NONE);
        GridLayout rightLayout = new GridLayout(1, false);
        rightLayout.marginWidth = 0;
        right.setLayout(rightLayout);
        scroller = new ScrolledComposite(right, SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
        scroller.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        form = new Composite(scroller, SWT.NONE);
        form.setLayout(new GridLayout(2, false));
        scroller.setContent(form);
        scroller.addListener(SWT.Resize, e -> relayout());
        titleFont = Ui.bold(form);

        Composite buttons = new Composite(right, SWT.NONE);
        buttons.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        buttons.setLayout(new GridLayout(3, false));
        status = new Label(buttons, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        revert = new Button(buttons, SWT.PUSH);
        revert.setText(msg.format("settings.revert"));
        revert.addListener(SWT.Selection, e -> {
            if (model != null) {
                draw(model);
                status.setText("");
            }
        });
        apply = new Button(buttons, SWT.PUSH);
        apply.setText(msg.format("settings.apply"));
        apply.addListener(SWT.Selection, e -> apply());
        apply.setEnabled(false);
        revert.setEnabled(false);
        sash.setWeights(30, 70);

        placeholder(msg.format("settings.loading"));
        load();
    }

    private void load() {
        background.run("entries", () -> source.entries(context.locale()), list -> {
            entries = list;
            fillTree();
            placeholder(msg.format(list.isEmpty() ? "settings.none" : "settings.pick"));
            String remembered = context.settings().get(SETTING_PID);
            list.stream().filter(en -> en.pid().equals(remembered)).findFirst().ifPresent(this::reveal);
        }, e -> placeholder(msg.format("settings.loadFailed", e.getMessage())));
    }

    private void fillTree() {
        tree.setRedraw(false);
        try {
            tree.removeAll();
            String filter = search.getText();
            Map<String, TreeItem> groups = new HashMap<>();
            for (SettingsEntry entry : entries) {
                if (!entry.matches(filter)) {
                    continue;
                }
                TreeItem group = groups.computeIfAbsent(entry.group(), g -> {
                    TreeItem item = new TreeItem(tree, SWT.NONE);
                    item.setText(g);
                    return item;
                });
                TreeItem item = new TreeItem(group, SWT.NONE);
                item.setText(entry.name());
                item.setData(entry);
            }
            for (TreeItem group : tree.getItems()) {
                group.setExpanded(true);
            }
        } finally {
            tree.setRedraw(true);
        }
    }

    /** Selects an entry in the tree and opens its form. */
    void reveal(SettingsEntry entry) {
        for (TreeItem group : tree.getItems()) {
            for (TreeItem item : group.getItems()) {
                if (entry.equals(item.getData())) {
                    tree.setSelection(item);
                    select(entry);
                    return;
                }
            }
        }
    }

    private void select(SettingsEntry entry) {
        requested = entry;
        Map<String, String> settings = new HashMap<>(context.settings());
        settings.put(SETTING_PID, entry.pid());
        context.updateSettings(settings);
        open(entry, null);
    }

    /** Loads the entry's form off the UI thread; {@code after} (may be null) is shown in the status. */
    private void open(SettingsEntry entry, String after) {
        background.run("form", () -> source.open(entry, context.locale()), loaded -> {
            if (entry.equals(requested)) {
                draw(loaded);
                status.setText(after == null ? "" : after);
            }
        }, e -> {
            if (entry.equals(requested)) {
                placeholder(msg.format("settings.loadFailed", e.getMessage()));
            }
        });
    }

    private void clearForm() {
        for (Control c : form.getChildren()) {
            c.dispose();
        }
        controls.clear();
        errors.clear();
    }

    private void placeholder(String text) {
        clearForm();
        model = null;
        apply.setEnabled(false);
        revert.setEnabled(false);
        Label label = new Label(form, SWT.WRAP);
        label.setText(Ui.literal(text));
        label.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        relayout();
    }

    /** Draws the form of a model, with the values it starts from. */
    void draw(FormModel m) {
        clearForm();
        model = m;
        Label title = new Label(form, SWT.NONE);
        title.setText(Ui.literal(m.title()));
        title.setFont(titleFont);
        title.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        if (!m.description().isEmpty()) {
            wrapped(m.description(), 2, false);
        }
        Label pid = new Label(form, SWT.NONE);
        pid.setText(Ui.literal(msg.format("settings.pid", m.pid())));
        pid.setForeground(form.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
        pid.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));

        for (FormField field : m.fields()) {
            Label name = new Label(form, SWT.NONE);
            name.setText(Ui.literal(field.name()));
            name.setLayoutData(new GridData(SWT.LEFT, field.multiple() ? SWT.TOP : SWT.CENTER, false, false));
            Control control = editor(m, field);
            controls.put(field.id(), control);
            // Spans both columns so that hiding it (exclude) leaves the grid aligned.
            Label error = new Label(form, SWT.WRAP);
            error.setForeground(form.getDisplay().getSystemColor(SWT.COLOR_RED));
            GridData errorData = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
            errorData.exclude = true;
            error.setLayoutData(errorData);
            error.setVisible(false);
            errors.put(field.id(), error);
            String help = field.description();
            if (field.kind() == FieldKind.SECRET) {
                help = (help.isEmpty() ? "" : help + " ") + msg.format("settings.secretHint");
            } else if (field.multiple()) {
                help = (help.isEmpty() ? "" : help + " ") + msg.format("settings.multiHint");
            }
            if (!help.isEmpty()) {
                new Label(form, SWT.NONE);
                wrapped(help, 1, true);
            }
        }
        apply.setEnabled(true);
        revert.setEnabled(true);
        relayout();
    }

    private Control editor(FormModel m, FormField field) {
        GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
        Control control;
        switch (field.kind()) {
            case BOOLEAN -> {
                Button check = new Button(form, SWT.CHECK);
                check.setSelection(m.initialBoolean(field));
                control = check;
            }
            case CHOICE -> {
                Combo combo = new Combo(form, SWT.READ_ONLY | SWT.DROP_DOWN);
                combo.setItems(field.optionLabels().toArray(String[]::new));
                int index = m.initialChoice(field);
                if (index >= 0) {
                    combo.select(index);
                }
                control = combo;
            }
            case SECRET -> {
                Text text = new Text(form, SWT.BORDER | SWT.SINGLE | SWT.PASSWORD);
                // The stored secret is never put into the widget; the placeholder only says whether one exists.
                text.setMessage(msg.format(m.hasStoredValue(field.id()) ? "settings.unchanged" : "settings.notSet"));
                control = text;
            }
            default -> {
                int style = SWT.BORDER | (field.multiple() ? SWT.MULTI | SWT.V_SCROLL | SWT.WRAP : SWT.SINGLE);
                Text text = new Text(form, style);
                text.setText(m.initialText(field));
                if (field.multiple()) {
                    data.heightHint = text.getLineHeight() * 4;
                    data.verticalAlignment = SWT.FILL;
                }
                control = text;
            }
        }
        data.widthHint = 240;
        control.setLayoutData(data);
        control.setToolTipText(field.id());
        return control;
    }

    private void wrapped(String text, int span, boolean small) {
        Label label = new Label(form, SWT.WRAP);
        label.setText(Ui.literal(text));
        if (small) {
            label.setForeground(form.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
        }
        GridData data = new GridData(SWT.FILL, SWT.TOP, true, false, span, 1);
        data.widthHint = 240;
        label.setLayoutData(data);
    }

    /** What the user entered, per field id, in the form {@link FormModel#apply} takes. */
    Map<String, String> input() {
        Map<String, String> input = new HashMap<>();
        for (FormField field : model.fields()) {
            Control c = controls.get(field.id());
            if (c instanceof Button check) {
                input.put(field.id(), Boolean.toString(check.getSelection()));
            } else if (c instanceof Combo combo) {
                int i = combo.getSelectionIndex();
                if (i >= 0) {
                    input.put(field.id(), field.optionValues().get(i));
                }
            } else if (c instanceof Text text) {
                input.put(field.id(), text.getText());
            }
        }
        return input;
    }

    /** Checks the form and, if it passes, writes it in the background. */
    void apply() {
        if (model == null) {
            return;
        }
        FormModel current = model;
        FormModel.Outcome outcome = current.apply(input(), msg);
        for (Map.Entry<String, Label> e : errors.entrySet()) {
            showError(e.getValue(), null);
        }
        if (!outcome.ok()) {
            List<String> lines = new ArrayList<>();
            for (FormModel.FieldError error : outcome.errors()) {
                showError(errors.get(error.fieldId()), error.message());
                lines.add(error.message());
            }
            status.setText(msg.format("settings.notSaved", outcome.errors().size()));
            status.setToolTipText(String.join("\n", lines));
            relayout();
            return;
        }
        apply.setEnabled(false);
        status.setText(msg.format("settings.saving"));
        SettingsEntry entry = requested;
        background.run("save", () -> {
            source.save(current.pid(), outcome.properties());
            return msg.format("settings.saved", current.title());
        }, saved -> {
            context.status(saved);
            if (entry != null && entry.pid().equals(current.pid())) {
                // Reload so secret placeholders and values show what is now stored.
                open(entry, saved);
            }
        }, e -> {
            apply.setEnabled(true);
            String failed = msg.format("settings.saveFailed", current.title(), e.getMessage());
            status.setText(failed);
            context.status(failed);
        });
    }

    private void showError(Label label, String message) {
        if (label == null || label.isDisposed()) {
            return;
        }
        ((GridData) label.getLayoutData()).exclude = message == null;
        label.setVisible(message != null);
        label.setText(Ui.literal(message));
    }

    private void relayout() {
        form.layout(true, true);
        int width = Math.max(scroller.getClientArea().width, 300);
        Point size = form.computeSize(width, SWT.DEFAULT);
        scroller.setMinSize(size);
        status.getParent().layout(true);
    }

    // Accessors for the tests in this package.

    Tree tree() {
        return tree;
    }

    Map<String, Control> controls() {
        return controls;
    }

    Map<String, Label> errors() {
        return errors;
    }

    Label status() {
        return status;
    }

    Text search() {
        return search;
    }

    FormModel model() {
        return model;
    }
}
