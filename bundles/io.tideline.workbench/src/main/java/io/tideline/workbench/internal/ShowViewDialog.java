package io.tideline.workbench.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;

/** "Show view": every registered view grouped by category, filtered as the user types. UI thread only. */
final class ShowViewDialog {

    private ShowViewDialog() {
    }

    /** The chosen view id, or empty when cancelled. */
    static Optional<String> open(WorkbenchUi ui) {
        Messages m = ui.messages();
        Shell d = new Shell(ui.shell(), SWT.DIALOG_TRIM | SWT.RESIZE | SWT.APPLICATION_MODAL);
        d.setText(m.get("showView.title"));
        d.setLayout(new GridLayout(1, false));
        Text filter = new Text(d, SWT.BORDER | SWT.SEARCH | SWT.ICON_SEARCH);
        filter.setMessage(m.get("showView.filter"));
        filter.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Tree tree = new Tree(d, SWT.BORDER | SWT.SINGLE);
        GridData gd = new GridData(SWT.FILL, SWT.FILL, true, true);
        gd.heightHint = 300;
        gd.widthHint = 360;
        tree.setLayoutData(gd);
        Composite buttons = new Composite(d, SWT.NONE);
        buttons.setLayout(new GridLayout(2, true));
        buttons.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false));
        Button open = new Button(buttons, SWT.PUSH);
        open.setText(m.get("showView.open"));
        Button cancel = new Button(buttons, SWT.PUSH);
        cancel.setText(m.get("showView.cancel"));
        String[] chosen = {null};
        Runnable fill = () -> {
            tree.removeAll();
            String q = filter.getText().strip().toLowerCase(Locale.ROOT);
            Map<String, TreeItem> categories = new LinkedHashMap<>();
            for (Registry.Entry e : ui.registry().all()) {
                String title = ui.title(e.spec().id());
                if (!q.isEmpty() && !(title + " " + e.spec().id() + " " + e.spec().category())
                        .toLowerCase(Locale.ROOT).contains(q)) {
                    continue;
                }
                TreeItem cat = categories.computeIfAbsent(e.spec().category(), c -> {
                    TreeItem t = new TreeItem(tree, SWT.NONE);
                    t.setText(c);
                    return t;
                });
                TreeItem item = new TreeItem(cat, SWT.NONE);
                item.setText(title);
                item.setData(e.spec().id());
                cat.setExpanded(true);
            }
        };
        fill.run();
        filter.addListener(SWT.Modify, e -> fill.run());
        Runnable accept = () -> {
            TreeItem[] sel = tree.getSelection();
            if (sel.length == 1 && sel[0].getData() instanceof String id) {
                chosen[0] = id;
                d.close();
            }
        };
        open.addListener(SWT.Selection, e -> accept.run());
        tree.addListener(SWT.DefaultSelection, e -> accept.run());
        cancel.addListener(SWT.Selection, e -> d.close());
        d.setDefaultButton(open);
        d.pack();
        d.open();
        while (!d.isDisposed()) {
            if (!d.getDisplay().readAndDispatch()) {
                d.getDisplay().sleep();
            }
        }
        return Optional.ofNullable(chosen[0]);
    }
}
