package io.tideline.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.service.condition.Condition;

/**
 * The launcher's two-phase start in a real Felix with real (manifest-only) bundles: which bundles
 * start before the gates, and how the wait for an early bundle's start gate ends.
 */
class StartGateTest {

    @TempDir
    Path dir;

    private Framework felix;
    private BundleContext context;

    @BeforeEach
    void boot() throws Exception {
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow();
        felix = factory.newFramework(Map.of(Constants.FRAMEWORK_STORAGE, dir.resolve("cache").toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        felix.start();
        context = felix.getBundleContext();
    }

    @AfterEach
    void stop() throws Exception {
        felix.stop();
        felix.waitForStop(10_000);
    }

    private Bundle install(String name, String... headers) throws IOException, org.osgi.framework.BundleException {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue(Constants.BUNDLE_MANIFESTVERSION, "2");
        a.putValue(Constants.BUNDLE_SYMBOLICNAME, name);
        for (int i = 0; i < headers.length; i += 2) {
            a.putValue(headers[i], headers[i + 1]);
        }
        ByteArrayOutputStream jar = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(jar, m)) {
            out.flush();
        }
        return context.installBundle("test:" + name, new ByteArrayInputStream(jar.toByteArray()));
    }

    private Bundle gated(String gate) throws Exception {
        Bundle b = install("window", TidelineFramework.START_EARLY, "first", TidelineFramework.START_GATE, gate);
        b.start();
        return b;
    }

    private static void open(BundleContext context, String gate) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(Condition.CONDITION_ID, gate);
        context.registerService(Condition.class, Condition.INSTANCE, props);
    }

    @Test
    void bundlesToStartFirstComeBeforeTheRuntimeAndEarlyOnesAfterItTheRestLater() throws Exception {
        Bundle views = install("views");
        Bundle platform = install("platform", TidelineFramework.START_EARLY, "true");
        Bundle scr = install("org.apache.felix.scr");
        Bundle log = install("org.apache.felix.log");
        Bundle window = install("window", TidelineFramework.START_EARLY, "first");

        List<Bundle> first = TidelineFramework.firstPhase(List.of(views, platform, scr, log, window));

        assertThat(first).containsExactly(window, log, scr, platform);
    }

    @Test
    void theWaitEndsWhenTheEarlyBundleRegistersItsCondition() throws Exception {
        Bundle window = gated("test.painted");
        CompletableFuture<List<String>> missed = CompletableFuture.supplyAsync(
                () -> TidelineFramework.awaitGates(context, List.of(window), 120_000));
        open(window.getBundleContext(), "test.painted");

        assertThat(missed.get()).isEmpty();
    }

    @Test
    void aConditionAlreadyThereEndsTheWaitAtOnceAndOneOfAnotherIdDoesNot() throws Exception {
        Bundle window = gated("test.painted");
        open(window.getBundleContext(), "test.painted");
        assertThat(TidelineFramework.awaitGates(context, List.of(window), 120_000)).isEmpty();

        Bundle other = install("other", TidelineFramework.START_GATE, "test.other");
        other.start();
        open(other.getBundleContext(), "test.unrelated");
        assertThat(TidelineFramework.awaitGates(context, List.of(other), 200)).containsExactly("test.other");
    }

    @Test
    void theWaitEndsWhenTheEarlyBundleStopsWithoutOpeningItsGate() throws Exception {
        Bundle window = gated("test.painted");
        CompletableFuture<List<String>> missed = CompletableFuture.supplyAsync(
                () -> TidelineFramework.awaitGates(context, List.of(window), 120_000));
        window.stop();

        assertThat(missed.get()).isEmpty();
    }

    @Test
    void aGateNeverOpenedIsNamedWhenTheTimeRunsOut() throws Exception {
        Bundle window = gated("test.painted");

        assertThat(TidelineFramework.awaitGates(context, List.of(window), 100)).containsExactly("test.painted");
    }

    @Test
    void bundlesWithoutAGateOrNotActiveAreNotWaitedFor() throws Exception {
        Bundle plain = install("plain", TidelineFramework.START_EARLY, "true");
        plain.start();
        Bundle resolvedOnly = install("window", TidelineFramework.START_GATE, "test.painted");

        List<Bundle> early = new ArrayList<>(List.of(plain, resolvedOnly));
        assertThat(TidelineFramework.awaitGates(context, early, 120_000)).isEmpty();
    }
}
