package io.tideline.feed.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactionTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "https://api.stlouisfed.org/fred/series/observations?series_id=DGS10&api_key=abc123&file_type=json"
                + " | https://api.stlouisfed.org/fred/series/observations?series_id=DGS10&api_key=***&file_type=json",
        "https://x.test/a?apikey=abc | https://x.test/a?apikey=***",
        "https://x.test/a?KEY=abc#frag | https://x.test/a?KEY=***#frag",
        "https://x.test/a?token=abc&signature=def&secret=ghi&password=jkl&id=7"
                + " | https://x.test/a?token=***&signature=***&secret=***&password=***&id=7",
        "https://user:pw@x.test/a?monkey=banana | https://***@x.test/a?monkey=banana",
        "failed: GET https://x.test/a?api_key=abc (HTTP 500) | failed: GET https://x.test/a?api_key=*** (HTTP 500)",
        "https://x.test/a?id=DGS10 | https://x.test/a?id=DGS10"
    })
    void masksSecretsAndLeavesTheRest(String in, String expected) {
        assertThat(Redaction.redact(in)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void nullAndEmptyPassThrough() {
        assertThat(Redaction.redact(null)).isNull();
        assertThat(Redaction.redact("")).isEmpty();
    }

    @Test
    void masksEveryOccurrenceInLongerText() {
        assertThat(Redaction.redact("first ?api_key=a1 then &api_key=b2 and token=c3."))
                .isEqualTo("first ?api_key=*** then &api_key=*** and token=***");
    }
}
