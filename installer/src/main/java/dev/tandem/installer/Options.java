package dev.tandem.installer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Packager's {@code --key=value} arguments. installer/pom.xml passes every one of them, so a missing value means
 * Packager was started by hand; the messages say to go through Maven instead.
 */
final class Options {
    private final Map<String, String> values;

    private Options(Map<String, String> values) {
        this.values = values;
    }

    static Options parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new Failure("expected --key=value, got " + arg);
            }
            values.put(arg.substring(2, eq), arg.substring(eq + 1).strip());
        }
        return new Options(values);
    }

    /** A required value. */
    String get(String key) {
        String value = values.get(key);
        if (value == null || value.isBlank()) {
            throw new Failure("missing --" + key + "=...; run through Maven: mvn -Pinstaller -DskipTests package");
        }
        return value;
    }

    String getOrDefault(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    boolean flag(String key, boolean fallback) {
        return Boolean.parseBoolean(values.getOrDefault(key, String.valueOf(fallback)));
    }

    /** A directory that Maven's earlier steps should have filled. */
    Path existingDir(String key) {
        Path dir = Paths.get(get(key));
        if (!Files.isDirectory(dir)) {
            throw new Failure("--" + key + " directory " + dir + " does not exist; run through Maven: mvn -Pinstaller -DskipTests package");
        }
        return dir;
    }

    /** The non-empty, distinct items of a list, in order. */
    static List<String> splitList(String value, String separatorRegex) {
        return Arrays.stream(value.strip().split(separatorRegex))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .distinct()
                .collect(Collectors.toList());
    }
}
