package io.tideline.feed.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a connector's error says of a body Jackson could not map: words, not Java types. */
class JsonErrorsTest {

    @Test
    void a_wrong_shape_says_what_was_found_without_java_types() {
        assertThat(JsonErrors.firstLine("Cannot deserialize value of type `io.tideline.feed.binance.BinanceJson$Kline[]`"
                + " from Object value (token `JsonToken.START_OBJECT`)\n at [Source: …]"))
                .isEqualTo("unexpected Object value");
        assertThat(JsonErrors.firstLine("Cannot coerce `java.lang.String` to `long`"))
                .isEqualTo("Cannot coerce the expected type to `long`");
    }
}
