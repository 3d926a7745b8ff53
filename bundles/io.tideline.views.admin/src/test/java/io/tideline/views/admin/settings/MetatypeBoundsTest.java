package io.tideline.views.admin.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tideline.views.admin.settings.FormModel.Bounds;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetatypeBoundsTest {

    /** As bnd writes it for an @ObjectClassDefinition with min/max. */
    private static final String XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <metatype:MetaData xmlns:metatype="http://www.osgi.org/xmlns/metatype/v1.4.0" localization="OSGI-INF/l10n/x">
              <OCD id="io.tideline.feed.fred.FredConfig" name="FRED feed">
                <AD id="timeoutSeconds" type="Integer" default="30" min="1" max="600" name="Time-out"/>
                <AD id="baseUrl" type="String" name="Base URL"/>
                <AD id="ratio" type="Double" min="0.5" name="Ratio"/>
              </OCD>
              <OCD id="other" name="Other">
                <AD id="timeoutSeconds" type="Integer" min="7" name="T"/>
              </OCD>
              <Designate pid="io.tideline.feed.fred"><Object ocdref="io.tideline.feed.fred.FredConfig"/></Designate>
            </metatype:MetaData>
            """;

    @Test
    void readsTheBoundsOfTheNamedDefinitionOnly() throws IOException {
        Map<String, Bounds> bounds = MetatypeBounds.read(
                new ByteArrayInputStream(XML.getBytes(StandardCharsets.UTF_8)), "io.tideline.feed.fred.FredConfig");
        assertThat(bounds).containsOnly(Map.entry("timeoutSeconds", new Bounds("1", "600")),
                Map.entry("ratio", new Bounds("0.5", null)));
    }

    @Test
    void refusesADocumentTypeDeclaration() {
        String evil = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>";
        assertThatThrownBy(() -> MetatypeBounds.read(new ByteArrayInputStream(evil.getBytes(StandardCharsets.UTF_8)), "x"))
                .isInstanceOf(IOException.class).hasMessageContaining("not a readable metatype document");
    }
}
