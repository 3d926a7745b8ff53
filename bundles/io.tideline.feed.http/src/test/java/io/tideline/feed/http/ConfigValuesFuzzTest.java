package io.tideline.feed.http;

import io.tideline.feed.http.testing.ConfigAnnotations;
import io.tideline.feed.http.testing.SettingsFuzz;
import java.net.URI;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Fuzzes {@link ConfigValues} itself: a whole number and a base URL, coerced as SCR would. */
class ConfigValuesFuzzTest {

    /** A connector's configuration in small: one number, one URL of each kind. */
    @interface Config {
        int timeoutSeconds() default 30;

        String baseUrl() default "https://api.example.com";

        String wsUrl() default "wss://stream.example.com";
    }

    record Settings(int timeoutSeconds, URI baseUrl, URI wsUrl) {
    }

    @Provide
    Arbitrary<String> keys() {
        return SettingsFuzz.keys("timeoutSeconds", "baseUrl", "wsUrl");
    }

    @Provide
    Arbitrary<String> values() {
        return SettingsFuzz.values();
    }

    @Property
    void any_value_is_read_or_refused_naming_file_key_value_and_expectation(@ForAll("keys") String key,
            @ForAll("values") String value) {
        SettingsFuzz.check(key, value, properties -> ConfigValues.read("io.tideline.feed.test", properties, v -> {
            Config c = ConfigAnnotations.of(Config.class, properties);
            return new Settings(v.integer("timeoutSeconds", c::timeoutSeconds, 1, 600, "seconds"),
                    v.url("baseUrl", c.baseUrl(), "https://api.example.com", "http", "https"),
                    v.url("wsUrl", c.wsUrl(), "wss://stream.example.com", "ws", "wss"));
        }));
    }
}
