package org.threatanalysis.support;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Sets system properties for the duration of one in-process command. The CLI starts its Spring
 * context in the test JVM, and Spring reads system properties, so this is the test hook that
 * activates a test-only profile (such as {@code planned-failure}) for one command only.
 */
public final class SystemProperties {

    private SystemProperties() {
    }

    public static <T> T with(Map<String, String> properties, Supplier<T> action) {
        Map<String, String> previous = new HashMap<>();
        properties.forEach((k, v) -> previous.put(k, System.setProperty(k, v)));
        try {
            return action.get();
        } finally {
            previous.forEach((k, v) -> {
                if (v == null) {
                    System.clearProperty(k);
                } else {
                    System.setProperty(k, v);
                }
            });
        }
    }
}
