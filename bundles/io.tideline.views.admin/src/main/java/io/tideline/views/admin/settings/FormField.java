package io.tideline.views.admin.settings;

import java.util.List;
import java.util.Objects;
import org.osgi.service.metatype.AttributeDefinition;

/**
 * One setting of a form, read from its Metatype {@link AttributeDefinition}.
 *
 * @param id the property key written to ConfigAdmin
 * @param name the label (localised by the providing bundle)
 * @param description the help text, possibly empty
 * @param type the Metatype type ({@link AttributeDefinition#STRING}, {@link AttributeDefinition#INTEGER}, ...)
 * @param cardinality 0 for one value, otherwise the most values (negative: a list)
 * @param required whether a value must be given
 * @param kind the widget
 * @param optionLabels the choice labels (empty unless {@link FieldKind#CHOICE})
 * @param optionValues the choice values, parallel to the labels
 * @param min the smallest allowed value as written in the metatype, or {@code null}
 * @param max the largest allowed value, or {@code null}
 * @param definition the definition itself, whose {@code validate} is the last word on a value
 */
public record FormField(String id, String name, String description, int type, int cardinality, boolean required,
        FieldKind kind, List<String> optionLabels, List<String> optionValues, String min, String max,
        AttributeDefinition definition) {

    /** Rejects null parts and unequal option lists. */
    public FormField {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(kind, "kind");
        optionLabels = List.copyOf(optionLabels);
        optionValues = List.copyOf(optionValues);
        if (optionLabels.size() != optionValues.size()) {
            throw new IllegalArgumentException("attribute " + id + " has " + optionLabels.size() + " option labels but "
                    + optionValues.size() + " option values");
        }
    }

    /** Whether the attribute holds several values (an array or a list). */
    public boolean multiple() {
        return cardinality != 0;
    }

    /** Whether the value is a whole number type (integer, long, short, byte). */
    public boolean wholeNumber() {
        return type == AttributeDefinition.INTEGER || type == AttributeDefinition.LONG
                || type == AttributeDefinition.SHORT || type == AttributeDefinition.BYTE
                || type == AttributeDefinition.BIGINTEGER;
    }
}
