package io.tideline.views.desk.report;

import io.tideline.api.desk.Desk;
import io.tideline.api.ui.kit.Background;
import io.tideline.regime.api.Verdict;
import io.tideline.scenario.api.ScenarioReport;
import io.tideline.views.desk.Messages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.Consumer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;

/**
 * "Export report…": asks for a file, then gathers the scenarios of the verdict's day and the day
 * before and writes the report in the background.
 */
public final class ReportExport {

    private final Control anchor;
    private final Messages msg;
    private final Desk data;
    private final Background background;
    private final Consumer<String> done;
    private final Consumer<Exception> failed;

    /**
     * An export for a view.
     *
     * @param done told the written path's message on the UI thread
     * @param failed told the failure on the UI thread
     */
    public ReportExport(Control anchor, Messages msg, Desk data, Background background, Consumer<String> done,
            Consumer<Exception> failed) {
        this.anchor = anchor;
        this.msg = msg;
        this.data = data;
        this.background = background;
        this.done = done;
        this.failed = failed;
    }

    /** Asks where to save the report of {@code verdict} (ignored while none is loaded). */
    public void ask(Verdict verdict, String portfolioFile) {
        if (verdict == null) {
            return;
        }
        FileDialog dialog = new FileDialog(anchor.getShell(), SWT.SAVE);
        dialog.setText(msg.get("report.export"));
        dialog.setFilterExtensions(new String[] {"*.html", "*.*"});
        dialog.setFileName("tideline-report-" + verdict.asOf() + ".html");
        dialog.setOverwrite(true);
        String chosen = dialog.open();
        if (chosen != null) {
            write(verdict, portfolioFile, Path.of(chosen));
        }
    }

    /** Writes the report of {@code verdict} to {@code file} in the background. */
    public void write(Verdict verdict, String portfolioFile, Path file) {
        background.run("report", () -> {
            Files.writeString(file, html(verdict, portfolioFile), StandardCharsets.UTF_8);
            return file;
        }, path -> done.accept(msg.format("report.written", path.toString())), failed);
    }

    private String html(Verdict verdict, String portfolioFile) {
        ScenarioReport today = null;
        ScenarioReport before = null;
        String problem = null;
        try {
            LocalDate day = verdict.day();
            today = data.scenarios(day, portfolioFile);
            before = data.scenarios(day.minusDays(1), portfolioFile);
        } catch (Exception e) {
            // The checklist part stands alone; the report says why the scenarios are missing.
            problem = e.getMessage() == null ? e.toString() : e.getMessage();
        }
        return new ReportBuilder(msg).build(new ReportBuilder.Input(verdict, data.roles(), today, before, problem,
                System.currentTimeMillis()));
    }
}
