package dev.tandem.app.mcp;

import dev.tandem.app.text.DatePhrases;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tool call's arguments as the client sent them, read with their bounds. The SDK checks them against the tool's
 * schema first; these checks hold whatever the schema says, since a refusal here must never write half a change.
 */
record ToolArgs(Map<String, Object> values, LocalDate today) {
    /** A refusal of a call: answered as the tool's error result, with nothing written. */
    static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message, null, false, false);
        }
    }

    ToolArgs {
        values = values == null ? Map.of() : values;
    }

    boolean has(String name) {
        return values.get(name) != null;
    }

    /** A text of at most {@code max} characters, or null when absent. */
    String text(String name, int max) {
        Object v = values.get(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw new Refused(name + " must be a string");
        }
        if (s.length() > max) {
            throw new Refused(name + " is longer than " + max + " characters");
        }
        return s;
    }

    String required(String name, int max) {
        String s = text(name, max);
        if (s == null || s.isBlank()) {
            throw new Refused(name + " is required");
        }
        return s;
    }

    /** A whole number from {@code min} to {@code max}; {@code fallback} when absent. */
    int number(String name, int min, int max, int fallback) {
        Object v = values.get(name);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())
                || n.doubleValue() < min || n.doubleValue() > max) {
            throw new Refused(name + " must be a whole number from " + min + " to " + max);
        }
        return n.intValue();
    }

    /** A day: an ISO date or a phrase quick add reads in the profile's language ("tomorrow", "fri"). */
    LocalDate date(String name) {
        String s = text(name, 100);
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (RuntimeException e) {
            return DatePhrases.parse(s.strip(), today).orElseThrow(() -> new Refused(name + ": \"" + s + "\" is not a date"));
        }
    }

    /** Strings, at most {@code count} of at most {@code max} characters each. */
    List<String> strings(String name, int count, int max) {
        Object v = values.get(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof List<?> l) || l.size() > count) {
            throw new Refused(name + " must be a list of at most " + count + " strings");
        }
        List<String> out = new ArrayList<>();
        for (Object o : l) {
            if (!(o instanceof String s) || s.length() > max) {
                throw new Refused(name + " must be a list of strings of at most " + max + " characters");
            }
            out.add(s);
        }
        return out;
    }

    /** A tool's input schema: an object of {@code properties}, {@code required} among them, nothing else. */
    static Map<String, Object> schema(Map<String, Object> properties, String... required) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", "object");
        s.put("properties", properties);
        s.put("required", List.of(required));
        s.put("additionalProperties", false);
        return s;
    }

    static Map<String, Object> string(String description, int maxLength) {
        return Map.of("type", "string", "description", description, "maxLength", maxLength);
    }

    static Map<String, Object> integer(String description, int min, int max) {
        return Map.of("type", "integer", "description", description, "minimum", min, "maximum", max);
    }
}
