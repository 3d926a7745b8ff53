package io.tideline.views.admin.settings;

import io.tideline.views.admin.Messages;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Dictionary;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.ObjectClassDefinition;

/**
 * The form of one configuration: its fields (from the Metatype definition), the values it starts
 * from (the stored configuration, else the defaults), and the rules that turn what the user typed
 * into the properties written to ConfigAdmin. No SWT here, so the rules are tested on their own.
 *
 * <p>Secrets are never handed out: {@link #initialText} is empty for a {@link FieldKind#SECRET}
 * field, and an empty secret field keeps the stored secret. Immutable; thread-safe.
 */
public final class FormModel {

    /** Properties ConfigAdmin sets itself; they are not written back. */
    private static final Set<String> MANAGED = Set.of("service.pid", "service.factorypid", "service.bundlelocation");

    /** The bounds of one attribute as written in its metatype, either may be {@code null}. */
    public record Bounds(String min, String max) {
        /** No bounds. */
        public static final Bounds NONE = new Bounds(null, null);
    }

    /** A field the user must correct before anything is written, with the message to show beside it. */
    public record FieldError(String fieldId, String message) {
    }

    /**
     * What {@link #apply} made of the user's input: either errors (nothing may be written) or the
     * complete properties to write.
     */
    public record Outcome(List<FieldError> errors, Hashtable<String, Object> properties) {
        /** Copies the error list. */
        public Outcome {
            errors = List.copyOf(errors);
        }

        /** Whether the properties may be written. */
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private final String pid;
    private final String title;
    private final String description;
    private final List<FormField> fields;
    private final Map<String, Object> stored;

    private FormModel(String pid, String title, String description, List<FormField> fields, Map<String, Object> stored) {
        this.pid = pid;
        this.title = title;
        this.description = description;
        this.fields = List.copyOf(fields);
        this.stored = Collections.unmodifiableMap(stored);
    }

    /**
     * Builds the form of {@code pid} from its definition and the stored properties.
     *
     * @param pid the configuration's PID
     * @param ocd the Metatype definition, localised for the user's language
     * @param current the stored properties, or {@code null} if there is no configuration yet
     * @param bounds min/max per attribute id where the metatype gives them (the Metatype API
     *        does not expose them, so the caller reads them from the bundle's metatype XML)
     */
    public static FormModel of(String pid, ObjectClassDefinition ocd, Dictionary<String, ?> current,
            Map<String, Bounds> bounds) {
        Objects.requireNonNull(pid, "pid");
        Objects.requireNonNull(ocd, "ocd");
        Set<String> required = new HashSet<>();
        AttributeDefinition[] req = ocd.getAttributeDefinitions(ObjectClassDefinition.REQUIRED);
        if (req != null) {
            for (AttributeDefinition ad : req) {
                required.add(ad.getID());
            }
        }
        List<FormField> fields = new ArrayList<>();
        AttributeDefinition[] all = ocd.getAttributeDefinitions(ObjectClassDefinition.ALL);
        if (all != null) {
            for (AttributeDefinition ad : all) {
                Bounds b = bounds.getOrDefault(ad.getID(), Bounds.NONE);
                FieldKind kind = kindOf(ad);
                boolean choice = kind == FieldKind.CHOICE;
                fields.add(new FormField(ad.getID(), orEmpty(ad.getName()).isBlank() ? ad.getID() : ad.getName(),
                        orEmpty(ad.getDescription()), ad.getType(), ad.getCardinality(), required.contains(ad.getID()),
                        kind, choice ? List.of(ad.getOptionLabels()) : List.of(),
                        choice ? List.of(ad.getOptionValues()) : List.of(), b.min(), b.max(), ad));
            }
        }
        Map<String, Object> stored = new LinkedHashMap<>();
        if (current != null) {
            for (Enumeration<String> keys = current.keys(); keys.hasMoreElements();) {
                String key = keys.nextElement();
                stored.put(key, current.get(key));
            }
        }
        String name = orEmpty(ocd.getName()).isBlank() ? pid : ocd.getName();
        return new FormModel(pid, name, orEmpty(ocd.getDescription()), fields, stored);
    }

    /**
     * The widget for an attribute: a secret if its type is PASSWORD or its id looks like one
     * (leading dot, or "password", "secret", "apiKey" in it); a choice if it offers options and
     * holds one value; a check box for booleans; a number field for numeric types; text otherwise.
     */
    public static FieldKind kindOf(AttributeDefinition ad) {
        String id = ad.getID().toLowerCase(Locale.ROOT);
        if (ad.getType() == AttributeDefinition.PASSWORD || id.startsWith(".") || id.contains("password")
                || id.contains("secret") || id.contains("apikey")) {
            return FieldKind.SECRET;
        }
        String[] options = ad.getOptionValues();
        if (options != null && options.length > 0 && ad.getCardinality() == 0) {
            return FieldKind.CHOICE;
        }
        return switch (ad.getType()) {
            case AttributeDefinition.BOOLEAN -> ad.getCardinality() == 0 ? FieldKind.BOOLEAN : FieldKind.TEXT;
            case AttributeDefinition.INTEGER, AttributeDefinition.LONG, AttributeDefinition.SHORT,
                    AttributeDefinition.BYTE, AttributeDefinition.DOUBLE, AttributeDefinition.FLOAT,
                    AttributeDefinition.BIGINTEGER, AttributeDefinition.BIGDECIMAL -> FieldKind.NUMBER;
            default -> FieldKind.TEXT;
        };
    }

    /** The configuration's PID. */
    public String pid() {
        return pid;
    }

    /** The form's heading: the definition's name. */
    public String title() {
        return title;
    }

    /** The definition's description, possibly empty. */
    public String description() {
        return description;
    }

    /** The fields in the definition's order. */
    public List<FormField> fields() {
        return fields;
    }

    /** Whether a value is stored for the field (for a secret: whether one is set, never what it is). */
    public boolean hasStoredValue(String fieldId) {
        Object value = stored.get(fieldId);
        return value != null && !(value instanceof String s && s.isEmpty());
    }

    /**
     * The text a text, number or secret field starts with: the stored value, else the default;
     * several values one per line; always empty for a secret.
     */
    public String initialText(FormField field) {
        if (field.kind() == FieldKind.SECRET) {
            return "";
        }
        return String.join(field.multiple() ? "\n" : ", ", initialValues(field));
    }

    /** Whether a check box starts ticked. */
    public boolean initialBoolean(FormField field) {
        List<String> values = initialValues(field);
        return !values.isEmpty() && Boolean.parseBoolean(values.get(0).trim());
    }

    /** The option a choice starts on, or -1 if the stored value is none of the options. */
    public int initialChoice(FormField field) {
        List<String> values = initialValues(field);
        return values.isEmpty() ? -1 : field.optionValues().indexOf(values.get(0));
    }

    /** The stored value (or the defaults) as strings. */
    public List<String> initialValues(FormField field) {
        Object value = stored.get(field.id());
        if (value == null) {
            String[] defaults = field.definition().getDefaultValue();
            return defaults == null ? List.of() : List.of(defaults);
        }
        List<String> out = new ArrayList<>();
        if (value.getClass().isArray()) {
            for (int i = 0, n = Array.getLength(value); i < n; i++) {
                out.add(String.valueOf(Array.get(value, i)));
            }
        } else if (value instanceof Collection<?> c) {
            for (Object o : c) {
                out.add(String.valueOf(o));
            }
        } else {
            out.add(String.valueOf(value));
        }
        return out;
    }

    /**
     * Checks what the user entered and, if every field is acceptable, returns the properties to
     * write: the stored ones (so keys outside the definition, such as FileInstall's file name,
     * survive) overlaid with the entered values converted to the attributes' types.
     *
     * @param input per field id: the text typed, {@code "true"}/{@code "false"} for a check box,
     *        the option value for a choice; a field absent from the map is left as stored
     * @param messages the language of the error messages
     */
    public Outcome apply(Map<String, String> input, Messages messages) {
        Hashtable<String, Object> out = new Hashtable<>();
        for (Map.Entry<String, Object> e : stored.entrySet()) {
            if (!MANAGED.contains(e.getKey().toLowerCase(Locale.ROOT))) {
                out.put(e.getKey(), e.getValue());
            }
        }
        List<FieldError> errors = new ArrayList<>();
        for (FormField field : fields) {
            String raw = input.get(field.id());
            if (raw == null) {
                continue;
            }
            if (field.kind() == FieldKind.SECRET && raw.isEmpty()) {
                // Empty means "unchanged": the field never showed the secret, so it cannot be
                // told apart from "keep it"; the stored value stays as copied above.
                continue;
            }
            List<String> texts = field.multiple() ? lines(raw) : List.of(raw);
            List<Object> values = new ArrayList<>(texts.size());
            String error = null;
            for (String text : texts) {
                String t = field.type() == AttributeDefinition.STRING || field.type() == AttributeDefinition.PASSWORD
                        ? text : text.trim();
                if (t.isEmpty() && field.type() != AttributeDefinition.STRING
                        && field.type() != AttributeDefinition.PASSWORD) {
                    if (!field.multiple()) {
                        break;
                    }
                    continue;
                }
                error = check(field, t, messages);
                if (error != null) {
                    break;
                }
                values.add(convert(field.type(), t));
            }
            if (error == null && values.isEmpty() && !field.multiple()) {
                // An empty number (or other non-text) field: required ones need a value, optional
                // ones fall back to the component's default by removing the property.
                if (field.required()) {
                    error = messages.format("settings.error.required", field.name());
                } else {
                    out.remove(field.id());
                    continue;
                }
            }
            if (error != null) {
                errors.add(new FieldError(field.id(), error));
                continue;
            }
            out.put(field.id(), shape(field, values));
        }
        return new Outcome(errors, errors.isEmpty() ? out : new Hashtable<>());
    }

    private static List<String> lines(String raw) {
        List<String> out = new ArrayList<>();
        for (String line : raw.split("\\R")) {
            if (!line.isBlank()) {
                out.add(line.strip());
            }
        }
        return out;
    }

    /** The message for an unacceptable value, or {@code null}. */
    private static String check(FormField field, String text, Messages m) {
        BigDecimal number = null;
        switch (field.type()) {
            case AttributeDefinition.INTEGER, AttributeDefinition.LONG, AttributeDefinition.SHORT,
                    AttributeDefinition.BYTE, AttributeDefinition.BIGINTEGER -> {
                try {
                    convert(field.type(), text);
                    number = new BigDecimal(text);
                } catch (NumberFormatException e) {
                    return m.format("settings.error.whole", field.name(), text, typeRange(field.type()));
                }
            }
            case AttributeDefinition.DOUBLE, AttributeDefinition.FLOAT, AttributeDefinition.BIGDECIMAL -> {
                try {
                    number = new BigDecimal(text);
                } catch (NumberFormatException e) {
                    return m.format("settings.error.decimal", field.name(), text);
                }
            }
            case AttributeDefinition.CHARACTER -> {
                if (text.length() != 1) {
                    return m.format("settings.error.char", field.name(), text);
                }
            }
            default -> {
                // Metatype bounds on strings are lengths.
                if (field.type() == AttributeDefinition.STRING) {
                    Integer min = intOrNull(field.min());
                    Integer max = intOrNull(field.max());
                    if (min != null && text.length() < min) {
                        return m.format("settings.error.minLength", field.name(), field.min());
                    }
                    if (max != null && text.length() > max) {
                        return m.format("settings.error.maxLength", field.name(), field.max());
                    }
                }
            }
        }
        if (number != null) {
            BigDecimal min = decimalOrNull(field.min());
            BigDecimal max = decimalOrNull(field.max());
            if (min != null && number.compareTo(min) < 0) {
                return m.format("settings.error.min", field.name(), text, field.min());
            }
            if (max != null && number.compareTo(max) > 0) {
                return m.format("settings.error.max", field.name(), text, field.max());
            }
        }
        if (field.kind() == FieldKind.CHOICE && !field.optionValues().contains(text)) {
            return m.format("settings.error.option", field.name(), text);
        }
        if (!field.multiple() && field.kind() == FieldKind.NUMBER) {
            // The definition's own check is the last word on numbers (it knows bounds we may not
            // have read). Not used for text: Felix's check refuses an empty required string, which
            // several components use as "not set".
            String verdict = field.definition().validate(text);
            if (verdict != null && !verdict.isEmpty()) {
                return m.format("settings.error.rejected", field.name(), text,
                        verdict.startsWith("%") ? verdict.substring(1) : verdict);
            }
        }
        return null;
    }

    private static String typeRange(int type) {
        return switch (type) {
            case AttributeDefinition.INTEGER -> Integer.MIN_VALUE + " … " + Integer.MAX_VALUE;
            case AttributeDefinition.SHORT -> Short.MIN_VALUE + " … " + Short.MAX_VALUE;
            case AttributeDefinition.BYTE -> Byte.MIN_VALUE + " … " + Byte.MAX_VALUE;
            case AttributeDefinition.LONG -> Long.MIN_VALUE + " … " + Long.MAX_VALUE;
            default -> "…";
        };
    }

    private static Integer intOrNull(String s) {
        try {
            return s == null || s.isBlank() ? null : Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static BigDecimal decimalOrNull(String s) {
        try {
            return s == null || s.isBlank() ? null : new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            // A malformed bound in someone's metatype is not the user's error; validate() still runs.
            return null;
        }
    }

    /** Converts a checked text to the attribute's Java type. */
    static Object convert(int type, String text) {
        return switch (type) {
            case AttributeDefinition.INTEGER -> Integer.valueOf(text);
            case AttributeDefinition.LONG -> Long.valueOf(text);
            case AttributeDefinition.SHORT -> Short.valueOf(text);
            case AttributeDefinition.BYTE -> Byte.valueOf(text);
            case AttributeDefinition.DOUBLE -> Double.valueOf(text);
            case AttributeDefinition.FLOAT -> Float.valueOf(text);
            case AttributeDefinition.BOOLEAN -> Boolean.valueOf(text);
            case AttributeDefinition.CHARACTER -> text.charAt(0);
            case AttributeDefinition.BIGINTEGER -> new BigInteger(text);
            case AttributeDefinition.BIGDECIMAL -> new BigDecimal(text);
            default -> text;
        };
    }

    /** One value, an array (positive cardinality) or a list (negative), as ConfigAdmin takes them. */
    private static Object shape(FormField field, List<Object> values) {
        if (field.cardinality() == 0) {
            return values.get(0);
        }
        if (field.cardinality() < 0) {
            return new ArrayList<>(values);
        }
        Object array = Array.newInstance(javaType(field.type()), values.size());
        for (int i = 0; i < values.size(); i++) {
            Array.set(array, i, values.get(i));
        }
        return array;
    }

    private static Class<?> javaType(int type) {
        return switch (type) {
            case AttributeDefinition.INTEGER -> Integer.class;
            case AttributeDefinition.LONG -> Long.class;
            case AttributeDefinition.SHORT -> Short.class;
            case AttributeDefinition.BYTE -> Byte.class;
            case AttributeDefinition.DOUBLE -> Double.class;
            case AttributeDefinition.FLOAT -> Float.class;
            case AttributeDefinition.BOOLEAN -> Boolean.class;
            case AttributeDefinition.CHARACTER -> Character.class;
            case AttributeDefinition.BIGINTEGER -> BigInteger.class;
            case AttributeDefinition.BIGDECIMAL -> BigDecimal.class;
            default -> String.class;
        };
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
