package io.tideline.views.admin.plugins;

import static io.tideline.views.admin.SwtTesting.pumpUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.api.platform.BundleStatus.State;
import io.tideline.api.platform.RefusedJar;
import io.tideline.views.admin.SwtTesting;
import io.tideline.views.admin.SwtTesting.TestContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Plugins view in a real shell, over an in-memory framework. */
class PluginsViewTest {

    private static final String MISSING = "imports package com.acme.missing [1.0,2.0) which no installed bundle exports";
    private static final String DAMAGED = "damaged.jar is not a jar: zip END header not found; it is not installed:"
            + " replace it with a sound bundle or remove it";

    /** Three bundles, a deploy folder on disk, a trust service with one refusal. */
    final class MemorySource implements PluginsSource {
        final List<PluginRow> rows = new CopyOnWriteArrayList<>();
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger snapshots = new AtomicInteger();
        volatile Runnable listener;

        MemorySource() {
            rows.add(new PluginRow(0, "org.apache.felix.framework", "Apache Felix Framework", "7.0.5", State.ACTIVE,
                    List.of("org.osgi.service.packageadmin.PackageAdmin"), "", "System Bundle"));
            rows.add(new PluginRow(5, "io.tideline.feed.fred", "Tideline FRED connector", "0.1.0", State.ACTIVE,
                    List.of("io.tideline.api.feed.FeedConnector"), "", "file:/dist/bundles/fred.jar"));
            rows.add(new PluginRow(7, "com.acme.broken", "Acme broken", "1.0.0", State.INSTALLED, List.of(), MISSING,
                    "file:/work/deploy/broken.jar"));
        }

        @Override
        public PluginsSnapshot snapshot() {
            snapshots.incrementAndGet();
            List<DeployFile> files = new ArrayList<>();
            try (var list = Files.list(deploy)) {
                for (Path p : list.sorted().toList()) {
                    files.add(new DeployFile(p.getFileName().toString(), Files.size(p), Instant.parse("2026-03-02T10:15:00Z"),
                            p.getFileName().toString().equals("broken.jar") ? 7 : -1,
                            p.getFileName().toString().equals("damaged.jar") ? DAMAGED : ""));
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return new PluginsSnapshot(rows, deploy, files, null, "TRUSTED", List.of(new RefusedJar("evil.jar",
                    "ab12cd", "not signed", Instant.parse("2026-03-01T09:00:00Z"), deploy.resolve("../refused/evil.jar"))));
        }

        private void replace(long id, State state) {
            rows.replaceAll(r -> r.bundleId() == id ? new PluginRow(id, r.symbolicName(), r.name(), r.version(), state,
                    r.services(), r.problem(), r.location()) : r);
            listener.run();
        }

        @Override
        public void start(long bundleId) {
            calls.add("start " + bundleId + " on " + Thread.currentThread().getName());
            replace(bundleId, State.ACTIVE);
        }

        @Override
        public void stop(long bundleId) {
            calls.add("stop " + bundleId + " on " + Thread.currentThread().getName());
            replace(bundleId, State.RESOLVED);
        }

        @Override
        public void uninstall(long bundleId) {
            calls.add("uninstall " + bundleId);
            rows.removeIf(r -> r.bundleId() == bundleId);
            listener.run();
        }

        @Override
        public Path install(Path jar) throws IOException {
            calls.add("install " + jar.getFileName() + " on " + Thread.currentThread().getName());
            return DeployCopy.install(jar, deploy);
        }

        @Override
        public AutoCloseable watch(Runnable onChange) {
            listener = onChange;
            return () -> listener = null;
        }
    }

    @TempDir
    Path tmp;
    Path deploy;
    private Shell shell;
    private MemorySource source;

    @BeforeEach
    void open() throws IOException {
        deploy = Files.createDirectories(tmp.resolve("deploy"));
        TestJars.bundle(deploy.resolve("broken.jar"), "com.acme.broken", "Import-Package", "com.acme.missing;version=\"[1,2)\"");
        shell = new Shell(SwtTesting.display());
        shell.setLayout(new FillLayout());
        shell.setSize(1100, 720);
        source = new MemorySource();
    }

    @AfterEach
    void close() {
        shell.dispose();
    }

    private PluginsView view(Locale locale, TestContext context) {
        PluginsView view = new PluginsView(shell, context, source);
        shell.layout(true, true);
        shell.open();
        pumpUntil("the bundle table", () -> view.bundlesTable().getItemCount() == source.rows.size());
        return view;
    }

    @Test
    void listsBundlesWithServicesAndProblemsTheDeployFolderAndRefusedJars() throws IOException {
        Files.writeString(deploy.resolve("damaged.jar"), "not a zip");
        PluginsView view = view(Locale.ENGLISH, new TestContext(Locale.ENGLISH));
        var broken = view.bundlesTable().getItem(2);
        assertThat(broken.getText(1)).isEqualTo("com.acme.broken");
        assertThat(broken.getText(3)).isEqualTo("Installed (not resolved)");
        assertThat(broken.getText(5)).isEqualTo(MISSING);
        assertThat(broken.getForeground().getRGB()).isEqualTo(shell.getDisplay().getSystemColor(SWT.COLOR_RED).getRGB());
        assertThat(view.bundlesTable().getItem(1).getText(4)).isEqualTo("io.tideline.api.feed.FeedConnector");
        assertThat(view.status().getText())
                .isEqualTo("3 bundles, 1 with problems; 1 file in the deploy folder cannot be installed.");
        assertThat(view.filesTable().getItemCount()).isEqualTo(2);
        assertThat(view.filesTable().getItem(0).getText(0)).isEqualTo("broken.jar");
        assertThat(view.filesTable().getItem(0).getText(3)).isEqualTo("#7");
        assertThat(view.filesTable().getItem(0).getText(4)).isEmpty();
        var damaged = view.filesTable().getItem(1);
        assertThat(damaged.getText(3)).isEmpty();
        assertThat(damaged.getText(4)).isEqualTo(DAMAGED);
        assertThat(view.deployLabel().getText()).endsWith("\n" + DAMAGED);
        assertThat(damaged.getForeground().getRGB()).isEqualTo(shell.getDisplay().getSystemColor(SWT.COLOR_RED).getRGB());
        assertThat(view.refusedTable().getItem(0).getText(0)).isEqualTo("evil.jar");
        assertThat(view.refusedTable().getItem(0).getText(1)).isEqualTo("not signed");

        view.select(7);
        assertThat(view.details().getText()).contains("Problem: " + MISSING, "file:/work/deploy/broken.jar");
        SwtTesting.screenshot(shell, "plugins");
    }

    @Test
    void neverOffersToStopTheFrameworkAndRunsOperationsInTheBackground() throws IOException {
        TestContext context = new TestContext(Locale.ENGLISH);
        PluginsView view = view(Locale.ENGLISH, context);
        view.select(0);
        assertThat(view.startButton().getEnabled()).isFalse();
        assertThat(view.stopButton().getEnabled()).isFalse();
        assertThat(view.uninstallButton().getEnabled()).isFalse();
        view.operate("stop");
        SwtTesting.pumpFor(100);
        assertThat(source.calls).as("nothing done to bundle 0").isEmpty();

        view.select(5);
        assertThat(view.stopButton().getEnabled()).isTrue();
        assertThat(view.startButton().getEnabled()).isFalse();
        view.operate("stop");
        pumpUntil("the stopped state shown", () -> view.bundlesTable().getItem(1).getText(3).equals("Resolved"));
        // On one of the view's background threads (the view kit's Background), not the UI thread.
        assertThat(source.calls).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .matches("stop 5 on tideline-view-plugins-\\d+");
        pumpUntil("the status", () -> context.statuses.contains("Stop: io.tideline.feed.fred done."));
        assertThat(view.startButton().getEnabled()).isTrue();

        Path jar = TestJars.bundle(tmp.resolve("acme.jar"), "com.acme.plugin");
        view.install(jar);
        pumpUntil("the copied jar listed", () -> view.filesTable().getItemCount() == 2);
        assertThat(source.calls).anyMatch(c -> c.matches("install acme\\.jar on tideline-view-plugins-\\d+"));
        assertThat(deploy.resolve("acme.jar")).exists();

        view.install(TestJars.jar(tmp.resolve("plain.jar"), java.util.Map.of()));
        pumpUntil("the refusal", () -> view.status().getText().startsWith("Could not install plain.jar"));
        assertThat(view.status().getText()).contains("no Bundle-SymbolicName");
    }

    @Test
    void aBurstOfEventsCostsOneRefresh() {
        PluginsView view = view(Locale.ENGLISH, new TestContext(Locale.ENGLISH));
        SwtTesting.pumpFor(300);
        int before = source.snapshots.get();
        for (int i = 0; i < 200; i++) {
            source.listener.run();
        }
        SwtTesting.pumpFor(600);
        assertThat(source.snapshots.get() - before).as("snapshots for 200 events").isBetween(1, 2);
    }

    @Test
    void speaksChinese() {
        PluginsView view = view(Locale.CHINESE, new TestContext(Locale.CHINESE));
        assertThat(view.bundlesTable().getItem(2).getText(3)).isEqualTo("已安装（未解析）");
        assertThat(view.bundlesTable().getColumn(4).getText()).isEqualTo("提供的服务");
    }
}
