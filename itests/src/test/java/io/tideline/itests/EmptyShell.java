package io.tideline.itests;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/**
 * The workbench benchmark's baseline, run in a JVM of its own with only SWT on the class path:
 * an empty shell of the workbench's default size is opened, and the program prints the time from
 * JVM start to the shell's first paint, then the longest hold of its UI thread over 3 s measured
 * as the workbench's watchdog does (a 20 ms timer's lateness, and the UI thread's CPU time
 * between two beats), in the workbench's own words:
 * {@code process start to first painted window N ms (at WALL)} and {@code max N ms ... most CPU in one hold: N ms}.
 */
public final class EmptyShell {

    private static final long PERIOD_MILLIS = 20;

    private EmptyShell() {
    }

    /** Opens the shell, measures, exits. */
    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Display d = new Display();
        Shell shell = new Shell(d);
        shell.setText("Tideline benchmark baseline");
        shell.setSize(1200, 800);
        d.addFilter(SWT.Paint, new org.eclipse.swt.widgets.Listener() {
            @Override
            public void handleEvent(org.eclipse.swt.widgets.Event e) {
                d.removeFilter(SWT.Paint, this);
                long now = System.currentTimeMillis();
                long ms = now - ManagementFactory.getRuntimeMXBean().getStartTime();
                System.out.println("process start to first painted window " + ms + " ms (at " + now + ")");
            }
        });
        // Measured from the shell's opening on, as the workbench's watchdog starts once its window opened.
        shell.open();
        long[] last = {System.nanoTime(), threads.getCurrentThreadCpuTime()};
        long[] max = {0, 0};
        long end = System.nanoTime() + 3_000_000_000L;
        Runnable[] beat = new Runnable[1];
        beat[0] = () -> {
            long now = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            max[0] = Math.max(max[0], now - last[0] - PERIOD_MILLIS * 1_000_000);
            max[1] = Math.max(max[1], cpu - last[1]);
            last[0] = now;
            last[1] = cpu;
            if (now < end) {
                d.timerExec((int) PERIOD_MILLIS, beat[0]);
            } else {
                shell.dispose();
            }
        };
        d.timerExec((int) PERIOD_MILLIS, beat[0]);
        while (!shell.isDisposed()) {
            if (!d.readAndDispatch()) {
                d.sleep();
            }
        }
        d.dispose();
        System.out.println("max " + max[0] / 1_000_000 + " ms; most CPU in one hold: " + max[1] / 1_000_000 + " ms");
    }
}
