package io.tideline.itests;

import static org.assertj.core.api.Assertions.assertThat;

import io.tideline.launcher.LaunchConfig;
import io.tideline.launcher.TidelineFramework;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/**
 * The workbench's window opens before the other bundles start: the launcher starts the workbench
 * (which opens the display), the OSGi runtime and the platform bundle, waits for the window's
 * first paint, and only then starts the rest. Their views still come, with their data; a window
 * that cannot open holds nothing back.
 */
class WorkbenchStartOrderIT {

    /** The condition the workbench registers at its window's first paint. */
    private static final String PAINTED =
            "(&(objectClass=org.osgi.service.condition.Condition)(osgi.condition.id=tideline.window.painted))";
    /** The runtime the launcher starts before the gate, besides the bundles with a Tideline-Start-Early header. */
    private static final Set<String> RUNTIME = Set.of("org.apache.felix.log", "org.apache.felix.configadmin",
            "org.apache.felix.eventadmin", "org.apache.felix.metatype", "org.apache.felix.scr");

    @TempDir
    Path work;

    @Test
    void theWindowPaintsBeforeTheOtherBundlesStartAndTheirViewsComeAfter() throws Exception {
        assertThat(System.getenv("DISPLAY")).as("a display; run the tests with ./test.sh").isNotBlank();
        try (TidelineFramework t = TidelineFramework.start(new LaunchConfig(Dist.HOME.resolve("bundles"),
                work.resolve("deploy"), work.resolve("data"), false, false, Map.of()))) {
            BundleContext c = t.context();
            assertThat(t.startFailures()).isEmpty();
            List<ServiceReference<?>> painted = Dist.services(c, PAINTED);
            assertThat(painted).as("the window's first paint, told by the workbench").hasSize(1);
            assertThat(painted.get(0).getBundle().getSymbolicName()).isEqualTo("io.tideline.workbench");
            // Service ids only grow: a service of a later bundle registered before the paint has a smaller one.
            long paintedAt = (Long) painted.get(0).getProperty(Constants.SERVICE_ID);
            List<String> before = new ArrayList<>();
            int after = 0;
            for (Bundle b : c.getBundles()) {
                if (b.getBundleId() == 0 || RUNTIME.contains(b.getSymbolicName())
                        || b.getHeaders().get("Tideline-Start-Early") != null || b.getRegisteredServices() == null) {
                    continue;
                }
                for (ServiceReference<?> ref : b.getRegisteredServices()) {
                    if ((Long) ref.getProperty(Constants.SERVICE_ID) < paintedAt) {
                        before.add(b.getSymbolicName() + ": " + String.join(",", (String[]) ref.getProperty(Constants.OBJECTCLASS)));
                    } else {
                        after++;
                    }
                }
            }
            assertThat(before).as("services of bundles that start after the window painted, registered before it")
                    .isEmpty();
            assertThat(after).as("services of the bundles started after the paint (store, views, feeds...)")
                    .isGreaterThan(20);

            // The views of those bundles still appear in the window, live.
            Dist.await("the workbench window", () -> Dist.run(c, "workbench", "views").code() == 0);
            Dist.await("the morning views live", () -> {
                List<String> open = Dist.run(c, "workbench", "views").out().lines()
                        .filter(l -> l.startsWith("open ") && !l.contains("(hidden)")).toList();
                return !open.isEmpty() && open.stream().allMatch(l -> l.contains(" LIVE"));
            });
            assertThat(Dist.run(c, "workbench", "views").out()).contains("offered io.tideline.views.chart")
                    .contains("offered io.tideline.views.checklist");
            Thread.sleep(4_000); // the views load their data in the background
            Path shots = Files.createDirectories(Path.of(System.getProperty("tideline.screenshots")));
            Path png = shots.resolve("workbench-after-start.png");
            Dist.Result shot = Dist.run(c, "workbench", "screenshot", png.toString());
            assertThat(shot.code()).as(shot.err()).isZero();
            Screen.assertDrawn(png);
        }
    }

    /**
     * No X server on the display named: the workbench cannot open its window and says so, and the
     * other bundles start at once instead of after the launcher's wait for the first paint.
     */
    @Test
    void aWindowThatCannotOpenDoesNotHoldBackTheStart() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("DISPLAY", ":" + (4000 + ProcessHandle.current().pid() % 1000));
        env.put("WAYLAND_DISPLAY", null);
        Process p = Launch.start(work.resolve("log"), env, "--timing", "--data-dir", work.resolve("data").toString(),
                "--deploy-dir", work.resolve("deploy").toString());
        try {
            Pattern active = Pattern.compile("(\\d+) bundles, (\\d+) inactive; framework boot");
            Launch.await("all bundles active", 120, () -> active.matcher(Launch.read(work.resolve("log/err.txt"))).find());
            String err = Launch.read(work.resolve("log/err.txt"));
            Matcher m = active.matcher(err);
            assertThat(m.find()).isTrue();
            assertThat(m.group(2)).as(err).isEqualTo("0");
            assertThat(err).contains("cannot open the workbench window").doesNotContain("not reached within");
        } finally {
            p.destroy();
            p.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
