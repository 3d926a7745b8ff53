package io.tideline.views.admin.settings;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.ObjectClassDefinition;

/** Small in-test implementations of the Metatype interfaces. */
final class Metatypes {

    private Metatypes() {
    }

    /** An attribute definition; {@code validate} is "" (valid) unless a check is given. */
    record Ad(String id, String name, int type, int cardinality, String[] defaults, String[] labels, String[] values,
            boolean required, Function<String, String> check) implements AttributeDefinition {

        static Ad of(String id, String name, int type, String... defaults) {
            return new Ad(id, name, type, 0, defaults, null, null, true, v -> "");
        }

        Ad cardinality(int c) {
            return new Ad(id, name, type, c, defaults, labels, values, required, check);
        }

        Ad options(String[] optionLabels, String[] optionValues) {
            return new Ad(id, name, type, cardinality, defaults, optionLabels, optionValues, required, check);
        }

        Ad optional() {
            return new Ad(id, name, type, cardinality, defaults, labels, values, false, check);
        }

        Ad checkedBy(Function<String, String> validator) {
            return new Ad(id, name, type, cardinality, defaults, labels, values, required, validator);
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getID() {
            return id;
        }

        @Override
        public String getDescription() {
            return "About " + name;
        }

        @Override
        public int getCardinality() {
            return cardinality;
        }

        @Override
        public int getType() {
            return type;
        }

        @Override
        public String[] getOptionValues() {
            return values;
        }

        @Override
        public String[] getOptionLabels() {
            return labels;
        }

        @Override
        public String validate(String value) {
            return check.apply(value);
        }

        @Override
        public String[] getDefaultValue() {
            return defaults;
        }
    }

    /** An object class definition of the given attributes. */
    record Ocd(String id, String name, List<Ad> ads) implements ObjectClassDefinition {

        static Ocd of(String id, String name, Ad... ads) {
            return new Ocd(id, name, List.of(ads));
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public String getID() {
            return id;
        }

        @Override
        public String getDescription() {
            return "Settings of " + name;
        }

        @Override
        public AttributeDefinition[] getAttributeDefinitions(int filter) {
            List<Ad> out = new ArrayList<>();
            for (Ad ad : ads) {
                if (filter == ALL || (filter == REQUIRED) == ad.required()) {
                    out.add(ad);
                }
            }
            return out.toArray(AttributeDefinition[]::new);
        }

        @Override
        public InputStream getIcon(int size) {
            return null;
        }
    }
}
