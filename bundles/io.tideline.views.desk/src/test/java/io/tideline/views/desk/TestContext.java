package io.tideline.views.desk;

import io.tideline.api.ui.ViewContext;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link ViewContext} that records what the view saves and says. */
public final class TestContext implements ViewContext {

    private final Locale locale;
    private Map<String, String> settings;
    public final List<String> statuses = new CopyOnWriteArrayList<>();

    public TestContext(Locale locale, Map<String, String> settings) {
        this.locale = locale;
        this.settings = new HashMap<>(settings);
    }

    @Override
    public String instanceId() {
        return "test-1";
    }

    @Override
    public Map<String, String> settings() {
        return Map.copyOf(settings);
    }

    @Override
    public void updateSettings(Map<String, String> newSettings) {
        settings = new HashMap<>(newSettings);
    }

    @Override
    public void status(String message) {
        statuses.add(message);
    }

    @Override
    public Locale locale() {
        return locale;
    }
}
