package io.tideline.api.indicator.sdk;

import io.tideline.api.indicator.ParameterSpec;
import java.util.List;
import java.util.Map;

/**
 * Parameter values resolved against their declarations: given, else the default; always in
 * bounds, and whole where declared so. Read by name with {@link #value} and {@link #whole}.
 * Immutable once resolved.
 */
public final class Parameters {

    private final List<Param> declared;
    private final double[] values;

    private Parameters(List<Param> declared, double[] values) {
        this.declared = declared;
        this.values = values;
    }

    /**
     * Resolves {@code given} against {@code declared}.
     *
     * @throws IllegalArgumentException naming the indicator, the parameter, its value and bounds,
     *         for an unknown parameter, a missing value, a value out of bounds, or a fraction where
     *         a whole number is required
     * @param indicatorId the indicator's id, for the messages
     * @param declared the declarations, in order
     * @param given the values a caller gave, by name
     * @return the resolved values
     */
    public static Parameters resolve(String indicatorId, List<Param> declared, Map<String, Double> given) {
        double[] values = new double[declared.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = declared.get(i).spec().defaultValue();
        }
        for (Map.Entry<String, Double> entry : given.entrySet()) {
            int index = indexOf(declared, entry.getKey());
            if (index < 0) {
                throw new IllegalArgumentException("indicator " + indicatorId + " has no parameter '"
                        + entry.getKey() + "' (given " + entry.getValue() + "); its parameters are "
                        + names(declared));
            }
            Param param = declared.get(index);
            ParameterSpec spec = param.spec();
            Double boxed = entry.getValue();
            double value = boxed == null ? Double.NaN : boxed;
            if (!(value >= spec.min() && value <= spec.max())) {
                throw new IllegalArgumentException("parameter '" + spec.name() + "' of indicator " + indicatorId
                        + " is " + boxed + ", outside its bounds [" + spec.min() + ", " + spec.max() + "]");
            }
            if (param.whole() && value != Math.rint(value)) {
                throw new IllegalArgumentException("parameter '" + spec.name() + "' of indicator " + indicatorId
                        + " is " + value + ", not a whole number in [" + spec.min() + ", " + spec.max() + "]");
            }
            values[index] = value;
        }
        return new Parameters(declared, values);
    }

    private static int indexOf(List<Param> declared, String name) {
        for (int i = 0; i < declared.size(); i++) {
            if (declared.get(i).spec().name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static String names(List<Param> declared) {
        if (declared.isEmpty()) {
            return "none";
        }
        StringBuilder names = new StringBuilder();
        for (Param param : declared) {
            ParameterSpec spec = param.spec();
            names.append(names.isEmpty() ? "" : ", ").append(spec.name())
                    .append(" [").append(spec.min()).append(", ").append(spec.max()).append(']');
        }
        return names.toString();
    }

    /**
     * The value of a declared parameter.
     *
     * @param name the parameter's name
     * @return its value, given or the default
     * @throws IllegalStateException if no parameter of that name was declared (a bug in the indicator)
     */
    public double value(String name) {
        int index = indexOf(declared, name);
        if (index < 0) {
            throw new IllegalStateException("undeclared parameter " + name);
        }
        return values[index];
    }

    /**
     * The value of a declared whole-number parameter.
     *
     * @param name the parameter's name
     * @return its value as an int
     * @throws IllegalStateException if no parameter of that name was declared (a bug in the indicator)
     */
    public int whole(String name) {
        return (int) value(name);
    }
}
