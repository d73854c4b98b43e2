package dev.tandem.app.cli;

import java.util.Collection;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Just enough JSON writing for the CLI's --json output. Every character a terminal would act on (C0 and C1
 * controls, DEL, bidirectional controls: {@link TerminalText#control}) is written as a {@code \\u} escape, so the
 * output read as JSON is exact and printed to a terminal drives nothing.
 */
final class Json {
    private Json() {
    }

    static String str(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || TerminalText.control(c)) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    static String value(Object v) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        if (v instanceof Collection<?> c) {
            StringBuilder b = new StringBuilder("[");
            for (Object o : c) {
                b.append(b.length() > 1 ? "," : "").append(value(o));
            }
            return b.append(']').toString();
        }
        return str(v.toString());
    }

    static String object(Map<String, ?> fields) {
        StringBuilder b = new StringBuilder("{");
        Iterator<? extends Map.Entry<String, ?>> it = fields.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<String, ?> e = it.next();
            b.append(str(e.getKey())).append(':').append(value(e.getValue()));
            if (it.hasNext()) {
                b.append(',');
            }
        }
        return b.append('}').toString();
    }
}
