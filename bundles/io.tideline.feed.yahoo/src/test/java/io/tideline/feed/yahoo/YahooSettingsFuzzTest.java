package io.tideline.feed.yahoo;

import io.tideline.feed.http.ConfigValues;
import io.tideline.feed.http.testing.ConfigAnnotations;
import io.tideline.feed.http.testing.SettingsFuzz;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzes the values of {@code yahoo.cfg} as the connector reads them (see {@link SettingsFuzz}):
 * each key's value is accepted or refused naming file, key, value and expectation.
 */
class YahooSettingsFuzzTest {

    @Provide
    Arbitrary<String> keys() {
        return SettingsFuzz.keys("symbols", "basket", "intervals", "baseUrl", "timeoutSeconds", "maxResponseMiB", "maxAttempts");
    }

    @Provide
    Arbitrary<String> values() {
        return SettingsFuzz.values();
    }

    @Property
    void any_value_is_read_or_refused_naming_file_key_value_and_expectation(@ForAll("keys") String key,
            @ForAll("values") String value) {
        SettingsFuzz.check(key, value, properties -> ConfigValues.read(YahooConnector.PID, properties,
                v -> YahooSettings.from(ConfigAnnotations.of(YahooConfig.class, properties), v)));
    }
}
