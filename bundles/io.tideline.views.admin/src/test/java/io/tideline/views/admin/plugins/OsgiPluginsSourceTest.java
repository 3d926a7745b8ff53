package io.tideline.views.admin.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideline.api.platform.BundleStatus.State;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.felix.framework.FrameworkFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.BundleListener;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.service.log.Logger;

/** The plugins source over a real Felix framework. */
class OsgiPluginsSourceTest {

    @TempDir
    Path tmp;
    private Framework framework;
    private BundleContext context;
    private OsgiPluginsSource source;

    @BeforeEach
    void boot() throws BundleException {
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, tmp.resolve("cache").toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        config.put(OsgiPluginsSource.DEPLOY_DIR, tmp.resolve("deploy").toString());
        framework = new FrameworkFactory().newFramework(config);
        framework.start();
        context = framework.getBundleContext();
        Logger quiet = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
                (proxy, method, args) -> method.getReturnType() == boolean.class ? false : null);
        source = new OsgiPluginsSource(context, () -> null, () -> null, quiet);
    }

    @AfterEach
    void shutdown() throws Exception {
        framework.stop();
        framework.waitForStop(10_000);
    }

    private PluginRow row(long id) {
        return source.snapshot().rows().stream().filter(r -> r.bundleId() == id).findFirst().orElseThrow();
    }

    /**
     * Bundle listeners are asynchronous: Felix delivers their events in order on one dispatcher thread. Installing a
     * marker bundle and waiting for its event means every event fired before it has been delivered.
     */
    private void drainBundleEvents(String marker) throws Exception {
        CountDownLatch seen = new CountDownLatch(1);
        BundleListener listener = e -> {
            if (e.getBundle().getSymbolicName().equals("com.acme." + marker)) {
                seen.countDown();
            }
        };
        context.addBundleListener(listener);
        try {
            context.installBundle("file:" + TestJars.bundle(tmp.resolve(marker + ".jar"), "com.acme." + marker));
            assertThat(seen.await(10, TimeUnit.SECONDS)).as("the marker bundle's event is delivered").isTrue();
        } finally {
            context.removeBundleListener(listener);
        }
    }

    @Test
    void listsStatesAndServicesAndDrivesTheLifeCycle() throws Exception {
        Bundle good = context.installBundle("file:" + TestJars.bundle(tmp.resolve("good.jar"), "com.acme.good"));
        Bundle broken = context.installBundle("file:" + TestJars.bundle(tmp.resolve("broken.jar"), "com.acme.broken",
                "Import-Package", "com.acme.missing;version=\"[1,2)\""));
        AtomicInteger events = new AtomicInteger();
        AutoCloseable watch = source.watch(events::incrementAndGet);

        assertThat(row(0).systemBundle()).isTrue();
        assertThat(row(0).services()).as("the framework registers services of its own").isNotEmpty();
        assertThat(row(good.getBundleId()).state()).isEqualTo(State.INSTALLED);
        assertThat(row(good.getBundleId()).version()).isEqualTo("1.2.3");

        source.start(good.getBundleId());
        assertThat(row(good.getBundleId()).state()).isEqualTo(State.ACTIVE);
        drainBundleEvents("marker1");
        assertThat(events.get()).as("bundle events reach the watcher").isPositive();
        source.stop(good.getBundleId());
        assertThat(row(good.getBundleId()).state()).isEqualTo(State.RESOLVED);

        assertThatThrownBy(() -> source.start(broken.getBundleId())).isInstanceOf(BundleException.class)
                .hasMessageContaining("com.acme.missing");
        assertThat(row(broken.getBundleId()).state()).isEqualTo(State.INSTALLED);

        assertThatThrownBy(() -> source.stop(0)).hasMessageContaining("bundle 0");
        assertThatThrownBy(() -> source.uninstall(0)).hasMessageContaining("bundle 0");
        assertThat(framework.getState()).isEqualTo(Bundle.ACTIVE);

        source.uninstall(good.getBundleId());
        assertThat(source.snapshot().rows()).noneMatch(r -> r.symbolicName().equals("com.acme.good"));
        watch.close();
        drainBundleEvents("marker2");
        int seen = events.get();
        source.uninstall(broken.getBundleId());
        drainBundleEvents("marker3");
        assertThat(events.get()).as("no events after the watch is closed").isEqualTo(seen);
    }

    @Test
    void listsTheDeployFolderAndCopiesJarsIntoIt() throws Exception {
        assertThat(source.snapshot().files()).isEmpty();
        assertThat(source.snapshot().filesError()).as("a missing folder is an error to show").isNotNull();
        Path copied = source.install(TestJars.bundle(tmp.resolve("acme.jar"), "com.acme.plugin"));
        Files.writeString(copied.resolveSibling(".hidden.part"), "x");
        Bundle installed = context.installBundle(copied.toUri().toString());
        PluginsSnapshot s = source.snapshot();
        assertThat(s.deployDir()).isEqualTo(tmp.resolve("deploy"));
        assertThat(s.files()).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("acme.jar");
            assertThat(f.size()).isEqualTo(Files.size(copied));
            assertThat(f.bundleId()).isEqualTo(installed.getBundleId());
        });
        assertThat(s.trustMode()).as("no trust service").isNull();
    }
}
