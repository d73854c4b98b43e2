package dev.tandem.engine.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Golden vectors for the JavaScript sync core (ui-resources/src/main/js/tandem-sync): objects the
 * engine writes with fixed keys, clocks and nonces, each as its bytes ({@code NAME.bin}) beside
 * what it holds ({@code NAME.json}), in {@code target/golden/AREA/} of the engine module. The JS
 * tests read them field for field and write the same content back to the same bytes.
 *
 * <p>Values keep their storage class in the JSON: {@code {"int": "-5"}} (decimal text, any 64-bit
 * value), {@code {"float": "3ff0000000000000"}} (the raw bits), {@code {"str": "…"}}, {@code {"bin":
 * "hex"}}, or null.
 */
public final class GoldenOut {
    private final Path dir;

    public GoldenOut(String area) {
        dir = Path.of("target", "golden", area);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    /** Writes {@code NAME.bin} and {@code NAME.json}. */
    public void write(String name, byte[] bytes, Object json) {
        try {
            Files.write(dir.resolve(name + ".bin"), bytes);
            Files.writeString(dir.resolve(name + ".json"), json(json) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes only {@code NAME.json}. */
    public void json(String name, Object json) {
        try {
            Files.writeString(dir.resolve(name + ".json"), json(json) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An ordered JSON object of alternating keys and values. */
    public static Map<String, Object> obj(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** A value with its storage class (see the class comment). */
    public static Object value(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Long l) {
            return obj("int", Long.toString(l));
        }
        if (v instanceof Double d) {
            return obj("float", String.format("%016x", Double.doubleToRawLongBits(d)));
        }
        if (v instanceof String s) {
            return obj("str", s);
        }
        if (v instanceof byte[] b) {
            return obj("bin", hex(b));
        }
        throw new IllegalArgumentException("not a value: " + v.getClass());
    }

    public static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    public static String json(Object v) {
        StringBuilder b = new StringBuilder();
        write(b, v);
        return b.toString();
    }

    private static void write(StringBuilder b, Object v) {
        if (v == null) {
            b.append("null");
        } else if (v instanceof String s) {
            string(b, s);
        } else if (v instanceof UUID u) {
            string(b, u.toString());
        } else if (v instanceof Number || v instanceof Boolean) {
            b.append(v);
        } else if (v instanceof byte[] bytes) {
            string(b, hex(bytes));
        } else if (v instanceof Map<?, ?> m) {
            b.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                b.append(first ? "" : ",");
                first = false;
                string(b, String.valueOf(e.getKey()));
                b.append(':');
                write(b, e.getValue());
            }
            b.append('}');
        } else if (v instanceof Collection<?> c) {
            b.append('[');
            boolean first = true;
            for (Object o : c) {
                b.append(first ? "" : ",");
                first = false;
                write(b, o);
            }
            b.append(']');
        } else {
            throw new IllegalArgumentException("not JSON: " + v.getClass());
        }
    }

    /** JSON text; every char outside printable ASCII escaped, so a lone surrogate survives as \\uD800. */
    private static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        b.append('"');
    }

    public static List<Object> list(Object... items) {
        return List.of(items);
    }
}
