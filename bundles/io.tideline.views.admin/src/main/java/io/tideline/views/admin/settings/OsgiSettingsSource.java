package io.tideline.views.admin.settings;

import io.tideline.views.admin.settings.FormModel.Bounds;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.log.Logger;
import org.osgi.service.metatype.MetaTypeInformation;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * The settings of the running framework: every PID any bundle describes with Metatype, and the
 * existing instances of described factory PIDs (new factory instances are made by dropping a
 * {@code .cfg} into {@code deploy/}; a form cannot name one), read and written through ConfigAdmin.
 * Thread-safe: it keeps no state of its own.
 */
public final class OsgiSettingsSource implements SettingsSource {

    /** The ConfigAdmin location that lets any bundle receive the configuration. */
    private static final String ANY_LOCATION = "?";

    private final BundleContext context;
    private final MetaTypeService metaType;
    private final ConfigurationAdmin configAdmin;
    private final Logger logger;

    /** Reads through the given services, which the caller keeps for as long as it uses this. */
    public OsgiSettingsSource(BundleContext context, MetaTypeService metaType, ConfigurationAdmin configAdmin,
            Logger logger) {
        this.context = context;
        this.metaType = metaType;
        this.configAdmin = configAdmin;
        this.logger = logger;
    }

    @Override
    public List<SettingsEntry> entries(Locale locale) throws IOException {
        String lang = locale.toString();
        List<SettingsEntry> out = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getState() == Bundle.UNINSTALLED) {
                continue;
            }
            MetaTypeInformation info = metaType.getMetaTypeInformation(bundle);
            if (info == null) {
                continue;
            }
            String group = groupName(bundle, lang);
            for (String pid : orEmpty(info.getPids())) {
                ObjectClassDefinition ocd = info.getObjectClassDefinition(pid, lang);
                if (ocd == null) {
                    continue;
                }
                out.add(new SettingsEntry(pid, pid, nameOf(ocd, pid), group, bundle.getBundleId(), ocd.getID()));
            }
            for (String factoryPid : orEmpty(info.getFactoryPids())) {
                ObjectClassDefinition ocd = info.getObjectClassDefinition(factoryPid, lang);
                if (ocd == null) {
                    continue;
                }
                for (Configuration c : instances(factoryPid)) {
                    out.add(new SettingsEntry(c.getPid(), factoryPid, nameOf(ocd, factoryPid) + " — " + c.getPid(),
                            group, bundle.getBundleId(), ocd.getID()));
                }
            }
        }
        out.sort(Comparator.comparing(SettingsEntry::group, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(SettingsEntry::name, String.CASE_INSENSITIVE_ORDER));
        return out;
    }

    @Override
    public FormModel open(SettingsEntry entry, Locale locale) throws IOException {
        Bundle bundle = context.getBundle(entry.bundleId());
        MetaTypeInformation info = bundle == null ? null : metaType.getMetaTypeInformation(bundle);
        if (info == null) {
            throw new IOException("the bundle that described " + entry.pid() + " (id " + entry.bundleId()
                    + ") is gone");
        }
        ObjectClassDefinition ocd = info.getObjectClassDefinition(entry.definitionPid(), locale.toString());
        if (ocd == null) {
            throw new IOException("bundle " + bundle.getSymbolicName() + " no longer describes " + entry.definitionPid());
        }
        Configuration config = configAdmin.getConfiguration(entry.pid(), ANY_LOCATION);
        return FormModel.of(entry.pid(), ocd, config.getProperties(), bounds(bundle, entry.ocdId()));
    }

    @Override
    public void save(String pid, Dictionary<String, Object> properties) throws IOException {
        configAdmin.getConfiguration(pid, ANY_LOCATION).update(properties);
        // Keys only: values may be secrets.
        logger.info("settings of {} saved from the Settings view ({} properties)", pid, properties.size());
    }

    private List<Configuration> instances(String factoryPid) throws IOException {
        try {
            Configuration[] found = configAdmin.listConfigurations(
                    "(" + ConfigurationAdmin.SERVICE_FACTORYPID + "=" + escape(factoryPid) + ")");
            return found == null ? List.of() : List.of(found);
        } catch (InvalidSyntaxException e) {
            throw new IOException("factory PID " + factoryPid + " makes an invalid filter: " + e.getMessage(), e);
        }
    }

    private Map<String, Bounds> bounds(Bundle bundle, String ocdId) {
        Map<String, Bounds> out = new HashMap<>();
        Enumeration<URL> docs = bundle.findEntries("OSGI-INF/metatype", "*.xml", false);
        while (docs != null && docs.hasMoreElements()) {
            URL url = docs.nextElement();
            try (InputStream in = url.openStream()) {
                out.putAll(MetatypeBounds.read(in, ocdId));
            } catch (IOException e) {
                // Bounds only sharpen the message; the definition's validate() still guards the value.
                logger.warn("cannot read the bounds in {} of bundle {}: {}", url, bundle.getSymbolicName(),
                        e.getMessage());
            }
        }
        return out;
    }

    private static String groupName(Bundle bundle, String lang) {
        String name = bundle.getHeaders(lang).get(Constants.BUNDLE_NAME);
        if (name == null || name.isBlank()) {
            name = bundle.getSymbolicName() == null ? bundle.getLocation() : bundle.getSymbolicName();
        }
        return name;
    }

    private static String nameOf(ObjectClassDefinition ocd, String pid) {
        return ocd == null || ocd.getName() == null || ocd.getName().isBlank() ? pid : ocd.getName();
    }

    private static String[] orEmpty(String[] a) {
        return a == null ? new String[0] : a;
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").replace("*", "\\*");
    }
}
