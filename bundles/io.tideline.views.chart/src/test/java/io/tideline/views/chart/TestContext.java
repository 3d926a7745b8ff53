package io.tideline.views.chart;

import io.tideline.api.ui.ViewContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A ViewContext that records what the view writes back. */
final class TestContext implements ViewContext {

    Map<String, String> settings;
    final List<String> statuses = new ArrayList<>();
    final Locale locale;
    int updates;

    TestContext(Map<String, String> settings, Locale locale) {
        this.settings = new HashMap<>(settings);
        this.locale = locale;
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
        updates++;
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
