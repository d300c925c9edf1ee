package se.medborgardialog.intake.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * A valid JSON request body of one endpoint, and the ways a client gets it wrong. Written by hand rather than by a
 * mapper, so that a field can be duplicated, a lone surrogate escaped and any value replaced by raw JSON.
 *
 * @param fields    the body: values are strings, numbers, booleans or nested maps of the same
 * @param freeText  the paths (e.g. {@code contact.name}) where people type free text
 * @param optional  the paths that may be left out
 */
record JsonBody(Map<String, Object> fields, List<String> freeText, List<String> optional) {

    /** A value written into the JSON as it is. */
    record Raw(String json) {
    }

    static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }

    String json() {
        return write(fields, null, null);
    }

    /** The paths of every leaf and nested object, e.g. {@code contact} and {@code contact.email}. */
    List<String> paths() {
        List<String> paths = new ArrayList<>();
        collect(fields, "", paths);
        return paths;
    }

    private static void collect(Map<String, Object> object, String prefix, List<String> paths) {
        object.forEach((key, value) -> {
            paths.add(prefix + key);
            if (value instanceof Map<?, ?> nested) {
                @SuppressWarnings("unchecked")
                Map<String, Object> typed = (Map<String, Object>) nested;
                collect(typed, prefix + key + ".", paths);
            }
        });
    }

    /** The body with the value at {@code path} replaced (a {@link Raw} for raw JSON), or left out when null. */
    JsonBody with(String path, Object value) {
        return new JsonBody(replace(fields, path.split("\\."), 0, value), freeText, optional);
    }

    private static Map<String, Object> replace(Map<String, Object> object, String[] path, int at, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(object);
        if (at == path.length - 1) {
            if (value == null) {
                copy.remove(path[at]);
            } else {
                copy.put(path[at], value);
            }
        } else if (copy.get(path[at]) instanceof Map<?, ?> nested) {
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) nested;
            copy.put(path[at], replace(typed, path, at + 1, value));
        }
        return copy;
    }

    /** The JSON with the top-level field {@code duplicate} written twice, the second time as {@code second}. */
    String jsonWithDuplicate(String duplicate, Object second) {
        return write(fields, duplicate, second);
    }

    private static String write(Map<String, Object> object, String duplicate, Object second) {
        List<String> members = object.entrySet().stream()
                .map(field -> HostileInput.jsonString(field.getKey()) + ":" + value(field.getValue()))
                .collect(Collectors.toCollection(ArrayList::new));
        if (duplicate != null) {
            members.add(HostileInput.jsonString(duplicate) + ":" + value(second));
        }
        return "{" + String.join(",", members) + "}";
    }

    private static String value(Object value) {
        if (value instanceof Map<?, ?> nested) {
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) nested;
            return write(typed, null, null);
        }
        if (value instanceof Raw raw) {
            return raw.json();
        }
        if (value instanceof String text) {
            return HostileInput.jsonString(text);
        }
        return String.valueOf(value);
    }

    String randomPath(Random random) {
        List<String> paths = paths();
        return paths.get(random.nextInt(paths.size()));
    }
}
