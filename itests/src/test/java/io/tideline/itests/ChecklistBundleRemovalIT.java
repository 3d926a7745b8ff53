package io.tideline.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideline.launcher.TidelineFramework;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * The checklist's API lives in the API bundle, so its implementation ({@code io.tideline.regime})
 * can be updated or removed in the real framework without refreshing the view bundles: they keep
 * running, and what needs the checklist says that none is running (the view shows that message
 * where the verdict would be) instead of the view bundle going unresolved.
 */
class ChecklistBundleRemovalIT {

    private static final String CHECKLIST = "(objectClass=io.tideline.regime.api.Checklist)";
    private static final String CHECKLIST_VIEW =
            "(&(objectClass=io.tideline.api.ui.ViewFactory)(component.name=io.tideline.views.desk.checklist.ChecklistViewFactory))";
    private static final String DESK_DATA = "(component.name=io.tideline.desk.DeskComponent)";
    private static final List<String> VIEWS = List.of("io.tideline.views.desk", "io.tideline.views.chart");

    @TempDir
    Path work;

    private TidelineFramework tideline;
    private BundleContext context;
    private final List<String> stopped = new CopyOnWriteArrayList<>();
    private final BundleListener stops = event -> {
        if (event.getType() == BundleEvent.STOPPED || event.getType() == BundleEvent.UNRESOLVED) {
            stopped.add(event.getBundle().getSymbolicName());
        }
    };

    @BeforeEach
    void boot() throws Exception {
        tideline = Dist.boot(work);
        context = tideline.context();
        Dist.await("the checklist service", () -> !Dist.services(context, CHECKLIST).isEmpty());
        Dist.await("the checklist view", () -> !Dist.services(context, CHECKLIST_VIEW).isEmpty());
    }

    @AfterEach
    void shutdown() throws Exception {
        context.removeBundleListener(stops);
        tideline.close();
    }

    @Test
    void theViewsImportTheChecklistAndScenarioApisFromTheApiBundle() {
        for (String view : VIEWS) {
            Map<String, String> providers = packageProviders(Dist.bundle(context, view));
            assertThat(providers).as(view).containsEntry("io.tideline.regime.api", "io.tideline.api");
        }
        assertThat(packageProviders(Dist.bundle(context, "io.tideline.views.desk")))
                .containsEntry("io.tideline.scenario.api", "io.tideline.api");
        assertThat(Dist.bundle(context, "io.tideline.regime").adapt(BundleWiring.class).getProvidedWires(
                PackageNamespace.PACKAGE_NAMESPACE)).as("packages wired from io.tideline.regime").isEmpty();
        assertThat(Dist.bundle(context, "io.tideline.scenario").adapt(BundleWiring.class).getProvidedWires(
                PackageNamespace.PACKAGE_NAMESPACE)).as("packages wired from io.tideline.scenario").isEmpty();
    }

    @Test
    void updatingTheChecklistBundleRefreshesNoView() throws Exception {
        Bundle regime = Dist.bundle(context, "io.tideline.regime");
        context.addBundleListener(stops);

        regime.update();
        refresh(regime);

        assertThat(stopped).as("bundles stopped by the update and refresh").contains("io.tideline.regime")
                .doesNotContainAnyElementsOf(VIEWS);
        Dist.await("the checklist service back", () -> !Dist.services(context, CHECKLIST).isEmpty());
        assertThat(tideline.inactiveBundles()).isEmpty();
    }

    @Test
    void removingTheChecklistBundleLeavesTheViewsActive() throws Exception {
        Bundle regime = Dist.bundle(context, "io.tideline.regime");
        context.addBundleListener(stops);

        regime.uninstall();
        refresh(regime);

        assertThat(stopped).doesNotContainAnyElementsOf(VIEWS);
        for (String view : VIEWS) {
            assertThat(Dist.bundle(context, view).getState()).as(view).isEqualTo(Bundle.ACTIVE);
        }
        assertThat(tideline.inactiveBundles()).isEmpty();
        assertThat(Dist.services(context, CHECKLIST)).isEmpty();
        assertThat(Dist.services(context, CHECKLIST_VIEW)).as("the checklist view is still offered").isNotEmpty();
        assertThat(Dist.services(context, "(objectClass=io.tideline.scenario.api.Scenarios)"))
                .as("the scenario service, which needs no checklist").isNotEmpty();

        // What the checklist view's background load gets, and shows where the verdict would be.
        ServiceReference<?> desk = Dist.services(context, DESK_DATA).get(0);
        Object data = context.getService(desk);
        try {
            Method verdict = data.getClass().getMethod("verdict", LocalDate.class);
            assertThatThrownBy(() -> invoke(verdict, data)).isInstanceOf(IllegalStateException.class)
                    .hasMessage("no checklist is running");
        } finally {
            context.ungetService(desk);
        }
    }

    /** Refreshes {@code bundle} as the framework does after an update or uninstall, and waits for it. */
    private void refresh(Bundle bundle) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(bundle), event -> done.countDown());
        assertThat(done.await(Dist.WAIT.toSeconds(), TimeUnit.SECONDS)).as("refresh finished").isTrue();
    }

    /** Each imported package of {@code bundle} and the symbolic name of the bundle it is wired to. */
    private static Map<String, String> packageProviders(Bundle bundle) {
        List<BundleWire> wires = bundle.adapt(BundleWiring.class).getRequiredWires(PackageNamespace.PACKAGE_NAMESPACE);
        return wires.stream().collect(Collectors.toMap(
                wire -> (String) wire.getCapability().getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE),
                wire -> wire.getProvider().getBundle().getSymbolicName(), (a, b) -> a));
    }

    private static Object invoke(Method method, Object target) throws Throwable {
        try {
            return method.invoke(target, (Object) null);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
