package io.tideline.feed.fred;

import io.tideline.feed.http.ConfigValues;
import io.tideline.feed.http.testing.ConfigAnnotations;
import io.tideline.feed.http.testing.SettingsFuzz;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzes the values of {@code fred.cfg} as the connector reads them (see {@link SettingsFuzz}):
 * each key's value is accepted or refused naming file, key, value and expectation.
 */
class FredSettingsFuzzTest {

    @Provide
    Arbitrary<String> keys() {
        return SettingsFuzz.keys("series", "_apiKey", "baseUrl", "graphBaseUrl", "timeoutSeconds", "maxResponseMiB", "maxAttempts");
    }

    @Provide
    Arbitrary<String> values() {
        return SettingsFuzz.values();
    }

    @Property
    void any_value_is_read_or_refused_naming_file_key_value_and_expectation(@ForAll("keys") String key,
            @ForAll("values") String value) {
        SettingsFuzz.check(key, value, properties -> ConfigValues.read(FredConnector.PID, properties,
                v -> FredSettings.from(ConfigAnnotations.of(FredConfig.class, properties), v)));
    }
}
