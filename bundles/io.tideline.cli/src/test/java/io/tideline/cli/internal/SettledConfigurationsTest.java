package io.tideline.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.felix.framework.FrameworkFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;

/**
 * The wait before a command, with the real Felix ConfigAdmin: a listener that takes its time over
 * a configuration written before the wait (as SCR re-activating a connector for a file of
 * deploy/) has finished with it when the wait returns, and the marker leaves no configuration.
 */
class SettledConfigurationsTest {

    @TempDir
    Path dir;
    private Framework felix;
    private BundleContext context;
    private ConfigurationAdmin admin;

    @BeforeEach
    void boot() throws Exception {
        // The test's own copy of the ConfigAdmin API is the one the bundle uses: exported by the system bundle.
        felix = new FrameworkFactory().newFramework(Map.of(Constants.FRAMEWORK_STORAGE, dir.resolve("cache").toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT,
                Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, "org.osgi.service.cm;version=1.6.1",
                "felix.cm.dir", dir.resolve("config").toString()));
        felix.start();
        context = felix.getBundleContext();
        Path jar = Path.of(org.apache.felix.cm.impl.ConfigurationManager.class.getProtectionDomain().getCodeSource()
                .getLocation().toURI());
        context.installBundle(jar.toUri().toString()).start();
        admin = context.getService(context.getServiceReference(ConfigurationAdmin.class));
    }

    @AfterEach
    void stop() throws Exception {
        felix.stop();
        felix.waitForStop(10_000);
    }

    @Test
    void aSlowListenerHasAppliedEarlierChangesWhenTheWaitEnds() throws Exception {
        AtomicReference<String> applied = new AtomicReference<>("nothing");
        ConfigurationListener slow = event -> {
            if (event.getPid().equals("io.tideline.feed.fred") && event.getType() == ConfigurationEvent.CM_UPDATED) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                applied.set("fred settings");
            }
        };
        context.registerService(ConfigurationListener.class, slow, null);
        Hashtable<String, Object> fred = new Hashtable<>();
        fred.put("baseUrl", "http://127.0.0.1:9");
        admin.getConfiguration("io.tideline.feed.fred", null).update(fred);
        assertThat(applied.get()).as("delivered on ConfigAdmin's own thread, later").isEqualTo("nothing");

        boolean settled = SettledConfigurations.await(context, admin, 30_000);

        assertThat(settled).isTrue();
        assertThat(applied.get()).isEqualTo("fred settings");
        assertThat(admin.listConfigurations("(service.pid=" + SettledConfigurations.PID + ")"))
                .as("the marker configuration is deleted again").isNull();
    }

    @Test
    void aListenerThatHoldsConfigAdminLongerThanTheWaitMakesItSaySo() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        ConfigurationListener stuck = event -> {
            if (event.getPid().equals("io.tideline.feed.fred")) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        context.registerService(ConfigurationListener.class, stuck, null);
        admin.getConfiguration("io.tideline.feed.fred", null).update(new Hashtable<>(Map.of("baseUrl", "x")));
        try {
            assertThat(SettledConfigurations.await(context, admin, 200)).as("not delivered within the wait").isFalse();
        } finally {
            release.countDown();
        }
        assertThat(SettledConfigurations.await(context, admin, 30_000)).as("delivered once released").isTrue();
    }

    @Test
    void withNothingPendingTheWaitEndsAndCanBeRepeated() throws Exception {
        assertThat(SettledConfigurations.await(context, admin, 30_000)).isTrue();
        assertThat(SettledConfigurations.await(context, admin, 30_000)).isTrue();
    }
}
