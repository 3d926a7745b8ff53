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
        io.tideline.views.admin.Messages words = io.tideline.views.admin.Messages.of(locale);
        List<SettingsEntry> out = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getState() == Bundle.UNINSTALLED) {
                continue;
            }
            MetaTypeInformation info = metaType.getMetaTypeInformation(bundle);
            if (info == null) {
                continue;
            }
            String group = groupName(bundle, lang, words);
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
        out.sort(order(words));
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

    /**
     * The group a bundle's settings are listed under: Tideline's by what they are about (data
     * feeds, checklist and scenarios, views, data and workspace); any other bundle's (Apache
     * Felix, file install) under "Advanced: NAME".
     */
    static String groupName(Bundle bundle, String lang, io.tideline.views.admin.Messages words) {
        String bsn = bundle.getSymbolicName() == null ? "" : bundle.getSymbolicName();
        String name = bundle.getHeaders(lang).get(Constants.BUNDLE_NAME);
        return groupName(bsn.isEmpty() ? bundle.getLocation() : bsn, name, words);
    }

    /** The group of a bundle's settings from its symbolic name and display name (see above). */
    static String groupName(String bsn, String name, io.tideline.views.admin.Messages words) {
        if (bsn.startsWith("io.tideline.")) {
            String area = bsn.substring("io.tideline.".length());
            String key = area.startsWith("feed") ? "settings.group.feeds"
                    : area.startsWith("regime") || area.startsWith("scenario") ? "settings.group.risk"
                    : area.startsWith("views") || area.startsWith("workbench") ? "settings.group.views"
                    : "settings.group.data";
            return words.format(key);
        }
        return words.format("settings.group.advanced", name == null || name.isBlank() ? bsn : name);
    }

    /** Tideline's own groups first, then "Advanced: …" ones; by group, then name, ignoring case. */
    static Comparator<SettingsEntry> order(io.tideline.views.admin.Messages words) {
        String advanced = words.format("settings.group.advanced", "");
        return Comparator.comparing((SettingsEntry e) -> e.group().startsWith(advanced))
                .thenComparing(SettingsEntry::group, String.CASE_INSENSITIVE_ORDER)
                .thenComparing(SettingsEntry::name, String.CASE_INSENSITIVE_ORDER);
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
