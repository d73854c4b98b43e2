package dev.tandem.app.transfer;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The link targets in a note's Markdown, found and rewritten: {@code [text](TARGET)},
 * {@code ![alt](<TARGET> "title")} and HTML's {@code src="TARGET"} / {@code href="TARGET"}. An export
 * turns {@code attachment:ID} into a relative path to the file it wrote, an import turns a path or
 * Joplin's {@code :/ID} back into {@code attachment:ID}; nothing else in the text changes.
 */
final class AttachmentLinks {
    private static final Pattern MARKDOWN = Pattern.compile("(\\]\\(\\s*)(<[^<>\\n]*>|[^\\s()<>]+)(\\s+\"[^\"\\n]*\")?(\\s*\\))");
    private static final Pattern HTML = Pattern.compile("(\\b(?:src|href)\\s*=\\s*\")([^\"\\n]*)(\")",
            Pattern.CASE_INSENSITIVE);

    private AttachmentLinks() {
    }

    /** Every link target in {@code text}, in order, without angle brackets. */
    static List<String> targets(String text) {
        List<String> out = new ArrayList<>();
        if (text != null) {
            rewrite(text, t -> {
                out.add(t);
                return null;
            });
        }
        return out;
    }

    /** {@code text} with each target for which {@code replace} gives a value replaced by it; null stays null. */
    static String rewrite(String text, Function<String, String> replace) {
        if (text == null) {
            return null;
        }
        String once = replaceIn(text, MARKDOWN, replace, true);
        return replaceIn(once, HTML, replace, false);
    }

    private static String replaceIn(String text, Pattern p, Function<String, String> replace, boolean markdown) {
        Matcher m = p.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String raw = m.group(2);
            boolean angled = markdown && raw.startsWith("<");
            String target = angled ? raw.substring(1, raw.length() - 1) : raw;
            String with = replace.apply(target);
            String rest = markdown ? (m.group(3) == null ? "" : m.group(3)) + m.group(4) : m.group(3);
            String now = with == null ? m.group() : m.group(1) + (angled ? "<" + with + ">" : with) + rest;
            m.appendReplacement(b, Matcher.quoteReplacement(now));
        }
        m.appendTail(b);
        return b.toString();
    }

    /**
     * A relative path as a link target: each segment percent-encoded as UTF-8 but for RFC 3986's
     * unreserved characters, so spaces, parentheses and non-ASCII names survive every Markdown reader.
     */
    static String encodePath(String relative) {
        StringBuilder b = new StringBuilder();
        for (byte c : relative.getBytes(StandardCharsets.UTF_8)) {
            int u = c & 0xff;
            if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '-' || u == '.'
                    || u == '_' || u == '~' || u == '/') {
                b.append((char) u);
            } else {
                b.append('%').append(String.format(Locale.ROOT, "%02X", u));
            }
        }
        return b.toString();
    }

    /**
     * A link target decoded to the path it names: {@code %XX} as UTF-8 bytes ({@code +} stays a plus,
     * as in a path); null when it is no relative path (a scheme, an absolute path, an anchor) or
     * decodes to no valid text.
     */
    static String decodePath(String target) {
        String t = target.strip();
        int hash = t.indexOf('#');
        if (hash >= 0) {
            t = t.substring(0, hash);
        }
        if (t.isEmpty() || t.startsWith("/") || t.startsWith("\\") || t.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '%' && i + 2 < t.length()
                    && Character.digit(t.charAt(i + 1), 16) >= 0 && Character.digit(t.charAt(i + 2), 16) >= 0) {
                out.write(Integer.parseInt(t.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < t.length()) {
                    b = t.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                out.writeBytes(b);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(out.toByteArray())).toString()
                    .replace('\\', '/');
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
