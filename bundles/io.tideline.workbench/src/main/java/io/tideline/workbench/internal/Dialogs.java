package io.tideline.workbench.internal;

import java.util.Optional;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/** A small modal text prompt (JFace's InputDialog does not run on Felix). UI thread only. */
final class Dialogs {

    private Dialogs() {
    }

    /** Asks for a non-blank text; empty when cancelled. */
    static Optional<String> ask(Shell parent, Messages m, String title, String prompt, String initial) {
        Shell d = new Shell(parent, SWT.DIALOG_TRIM | SWT.APPLICATION_MODAL);
        d.setText(title);
        d.setLayout(new GridLayout(1, false));
        new Label(d, SWT.NONE).setText(prompt);
        Text text = new Text(d, SWT.BORDER | SWT.SINGLE);
        text.setText(initial == null ? "" : initial);
        text.selectAll();
        GridData gd = new GridData(SWT.FILL, SWT.CENTER, true, false);
        gd.widthHint = 320;
        text.setLayoutData(gd);
        Composite buttons = new Composite(d, SWT.NONE);
        buttons.setLayout(new GridLayout(2, true));
        buttons.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false));
        Button ok = new Button(buttons, SWT.PUSH);
        ok.setText(m.get("dialog.ok"));
        Button cancel = new Button(buttons, SWT.PUSH);
        cancel.setText(m.get("dialog.cancel"));
        String[] result = {null};
        ok.addListener(SWT.Selection, e -> {
            if (!text.getText().isBlank()) {
                result[0] = text.getText().strip();
                d.close();
            }
        });
        cancel.addListener(SWT.Selection, e -> d.close());
        text.addListener(SWT.Modify, e -> ok.setEnabled(!text.getText().isBlank()));
        d.setDefaultButton(ok);
        d.pack();
        d.open();
        while (!d.isDisposed()) {
            if (!d.getDisplay().readAndDispatch()) {
                d.getDisplay().sleep();
            }
        }
        return Optional.ofNullable(result[0]);
    }
}
