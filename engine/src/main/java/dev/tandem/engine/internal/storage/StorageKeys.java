package dev.tandem.engine.internal.storage;

import dev.tandem.engine.sync.SyncException;
import java.util.regex.Pattern;

/** The one rule for object keys, shared by every backend so none can be tricked into a path escape. */
public final class StorageKeys {
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");

    private StorageKeys() {
    }

    /** Throws unless {@code key} is '/'-separated safe segments, none starting with '.'. */
    public static String validate(String key) {
        if (key == null || key.isEmpty() || key.length() > 512) {
            throw new SyncException(SyncException.Reason.CORRUPT, "Invalid object key: " + describe(key));
        }
        for (String segment : key.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches()) {
                throw new SyncException(SyncException.Reason.CORRUPT, "Invalid object key: " + describe(key));
            }
        }
        return key;
    }

    /** Prefixes may be empty or end in '/'; otherwise the same rule. */
    public static String validatePrefix(String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            return "";
        }
        String trimmed = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        validate(trimmed);
        return prefix;
    }

    private static String describe(String key) {
        if (key == null) {
            return "null";
        }
        String shown = key.length() > 80 ? key.substring(0, 80) + "…" : key;
        return "'" + shown.replaceAll("[\\p{Cntrl}]", "?") + "'";
    }
}
