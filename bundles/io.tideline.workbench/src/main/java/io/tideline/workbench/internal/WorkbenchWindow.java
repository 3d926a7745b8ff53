package io.tideline.workbench.internal;

import io.tideline.api.platform.BundleDiagnostics;
import io.tideline.api.platform.BundleStatus;
import java.util.List;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.BundleListener;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The Tideline window. SWT runs on its own {@code swt-ui} thread (allowed on Linux/GTK), which
 * creates the display and dispatches its events; other threads reach it only through
 * {@link Display#asyncExec}. Closing the window stops the framework, and so the process.
 * Nothing is opened when the framework runs headless.
 */
@Component(immediate = true, service = {})
public final class WorkbenchWindow implements BundleListener {

    private static final long CLOSE_WAIT_MILLIS = 5_000;

    @Reference(service = LoggerFactory.class)
    private Logger logger;

    @Reference
    private BundleDiagnostics diagnostics;

    private BundleContext context;
    private Thread uiThread;
    private volatile Display display;
    private volatile Shell shell;
    private volatile Table table;
    private volatile Label summary;
    private volatile boolean closing;

    @Activate
    void activate(BundleContext context) {
        this.context = context;
        if (Boolean.parseBoolean(context.getProperty("tideline.headless"))) {
            logger.debug("headless: no workbench window");
            return;
        }
        uiThread = new Thread(this::runUi, "swt-ui");
        uiThread.start();
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        closing = true;
        context.removeBundleListener(this);
        Display d = display;
        if (d != null && !d.isDisposed()) {
            d.asyncExec(() -> {
                if (shell != null && !shell.isDisposed()) {
                    shell.dispose();
                }
            });
            d.wake();
        }
        if (uiThread != null) {
            uiThread.join(CLOSE_WAIT_MILLIS);
        }
    }

    private void runUi() {
        Display d;
        try {
            d = new Display();
        } catch (Throwable t) {
            logger.error("cannot open the workbench window (no usable display?): {}", t.toString(), t);
            return;
        }
        display = d;
        try {
            createShell(d);
            context.addBundleListener(this);
            refresh();
            shell.open();
            logger.info("workbench window open");
            while (!shell.isDisposed()) {
                if (!d.readAndDispatch()) {
                    d.sleep();
                }
            }
        } finally {
            d.dispose();
        }
        if (!closing) {
            stopFramework();
        }
    }

    private void createShell(Display d) {
        Shell s = new Shell(d);
        s.setText("Tideline");
        s.setSize(900, 600);
        s.setLayout(new GridLayout(1, false));

        Label title = new Label(s, SWT.NONE);
        title.setText("Tideline \u2014 cross-asset risk-off workbench");
        FontData fd = title.getFont().getFontData()[0];
        Font big = new Font(d, fd.getName(), fd.getHeight() + 6, SWT.BOLD);
        title.setFont(big);
        s.addDisposeListener(e -> big.dispose());

        Label dataDir = new Label(s, SWT.NONE);
        dataDir.setText("Data directory: " + context.getProperty("tideline.data.dir")
                + "    Deploy folder: " + context.getProperty("tideline.deploy.dir"));

        Table t = new Table(s, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        t.setHeaderVisible(true);
        t.setLinesVisible(true);
        t.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        for (String[] column : new String[][] {{"ID", "50"}, {"Bundle", "420"}, {"Version", "200"}, {"State", "120"}}) {
            TableColumn c = new TableColumn(t, SWT.NONE);
            c.setText(column[0]);
            c.setWidth(Integer.parseInt(column[1]));
        }

        Label status = new Label(s, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        shell = s;
        table = t;
        summary = status;
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        Display d = display;
        if (d != null && !d.isDisposed()) {
            d.asyncExec(this::refresh);
        }
    }

    /** Rebuilds the bundle list; runs on the UI thread. */
    private void refresh() {
        Table t = table;
        if (t == null || t.isDisposed()) {
            return;
        }
        t.removeAll();
        int active = 0;
        int fragments = 0;
        List<BundleStatus> bundles = diagnostics.bundles();
        for (BundleStatus b : bundles) {
            if (b.state() == BundleStatus.State.ACTIVE) {
                active++;
            } else if (b.state() == BundleStatus.State.FRAGMENT) {
                fragments++;
            }
            TableItem item = new TableItem(t, SWT.NONE);
            item.setText(new String[] {Long.toString(b.bundleId()), b.symbolicName(), b.version(),
                b.state().name()});
        }
        int notRunning = bundles.size() - active - fragments;
        summary.setText(active + " bundles active, " + fragments + " fragments attached, " + notRunning
                + " not running. Views arrive with the workbench shell; drop bundles into the deploy folder"
                + " to add them now.");
        summary.getParent().layout();
    }

    private void stopFramework() {
        // Stopping the framework deactivates this component, which waits for the UI thread:
        // do it from another thread.
        Thread stopper = new Thread(() -> {
            try {
                context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).stop();
            } catch (BundleException | IllegalStateException e) {
                logger.error("cannot stop the framework after the window closed: {}", e.toString());
            }
        }, "tideline-stop");
        stopper.start();
    }
}
