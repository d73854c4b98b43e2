package dev.tandem.engine;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The bytes of one attached file, named by their content: {@code id} is the SHA-256 of the bytes in
 * lower-case hex, so the same file is one blob however often and wherever it is attached.
 */
public record Blob(String id, long size) {
    private static final Pattern ID = Pattern.compile("[0-9a-f]{64}");

    public Blob {
        Objects.requireNonNull(id, "id");
        if (!isId(id)) {
            throw new IllegalArgumentException("id: 64 lower-case hex digits (a SHA-256), was '" + id + "'");
        }
        if (size < 0) {
            throw new IllegalArgumentException("size: must be zero or more, was " + size);
        }
    }

    /** Whether {@code s} has the form of a blob id; a row from another device is checked with it before use. */
    public static boolean isId(String s) {
        return s != null && ID.matcher(s).matches();
    }
}
