package io.tideline.feed.http.testing;

import java.lang.reflect.Proxy;
import java.util.Map;

/**
 * A component's configuration annotation as SCR builds it from a {@code .cfg} file, for tests:
 * each method returns the property of its name coerced to its return type, or its default. As in
 * SCR, a value that does not coerce ({@code timeoutSeconds=abc}) throws when the method is called.
 */
public final class ConfigAnnotations {

    private ConfigAnnotations() {
    }

    /** The annotation {@code type} over {@code properties} (String values, as FileInstall reads them). */
    public static <A> A of(Class<A> type, Map<String, ?> properties) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            Object raw = properties.get(method.getName());
            if (raw == null) {
                return method.getDefaultValue();
            }
            Class<?> t = method.getReturnType();
            String text = String.valueOf(raw).trim();
            if (t == int.class) {
                try {
                    return Integer.parseInt(text);
                } catch (NumberFormatException e) {
                    throw new IllegalStateException("SCR: cannot coerce '" + text + "' to int", e);
                }
            }
            if (t == boolean.class) {
                return Boolean.parseBoolean(text);
            }
            if (t == String[].class) {
                return raw instanceof String[] a ? a : new String[] {text};
            }
            return text;
        }));
    }
}
