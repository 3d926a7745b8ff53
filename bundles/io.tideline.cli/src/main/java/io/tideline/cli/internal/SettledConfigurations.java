package io.tideline.cli.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;

/**
 * Waits until ConfigAdmin has handed every configuration made so far to its listeners, SCR among
 * them, so a command runs against components that carry the settings of {@code deploy/*.cfg}.
 *
 * <p>Why: FileInstall reads {@code deploy/} while the framework starts, after the bundles whose
 * components the files configure. Such a component first activates with its defaults and is
 * activated again once SCR hears of the file, which ConfigAdmin tells on a thread of its own. A
 * headless command run in between found no FRED connector (it was being re-activated), or one
 * aimed at the public server instead of the configured one.
 *
 * <p>How: ConfigAdmin tells its listeners of changes one after another, in the order they were
 * made, and SCR applies a change to its components inside its listener. So this makes one change
 * of its own (a configuration {@value #PID}, deleted again at once) and waits for its own
 * listener to hear of it: every change before it has then been applied.
 */
final class SettledConfigurations {

    /** The configuration this writes and deletes; nothing reads it. */
    static final String PID = "io.tideline.cli.settle";

    private SettledConfigurations() {
    }

    /**
     * @return whether the changes were all delivered within {@code maxMillis} (false when the
     *         wait ran out or ConfigAdmin refused the write; the command runs anyway)
     */
    static boolean await(BundleContext context, ConfigurationAdmin admin, long maxMillis) throws InterruptedException {
        CountDownLatch heard = new CountDownLatch(1);
        ConfigurationListener listener = event -> {
            if (PID.equals(event.getPid()) && event.getType() == ConfigurationEvent.CM_UPDATED) {
                heard.countDown();
            }
        };
        ServiceRegistration<ConfigurationListener> registration = context.registerService(ConfigurationListener.class,
                listener, null);
        Configuration marker = null;
        try {
            marker = admin.getConfiguration(PID, null);
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put("purpose", "marks the end of the configuration changes before a command");
            marker.update(properties);
            return heard.await(maxMillis, TimeUnit.MILLISECONDS);
        } catch (IOException | IllegalStateException e) {
            return false;
        } finally {
            registration.unregister();
            if (marker != null) {
                try {
                    marker.delete();
                } catch (IOException | IllegalStateException e) {
                    // Left for the next command to overwrite: it configures nothing.
                }
            }
        }
    }
}
