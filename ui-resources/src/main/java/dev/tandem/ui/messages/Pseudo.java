package dev.tandem.ui.messages;

/**
 * The pseudo-languages' text, made from English patterns. Long: every letter accented and the
 * whole about 40 % longer in brackets ({@code [Šýñç ñóŵ ·····]}), so a word that stays plain on
 * screen was never translatable and a label cut short shows it. Right to left: the English words as
 * they are, in a window and page laid out mirrored as for Arabic or Hebrew ({@link Language#rightToLeft}).
 * Its words carry no bidi override marks: JavaFX's wrapped labels fail on them (a break iterator
 * reads past the text), and the mirrored layout is what the pseudo-language is there to show.
 *
 * <p>Only literal text changes: arguments, plural and select syntax and {@code #} are copied as
 * they are, so the pattern formats exactly as the English one does.
 */
public final class Pseudo {
    private static final String PLAIN = "abcdeghiklnorstuwyzACEGHIKLNORSTUWYZ";
    private static final String ACCENTED = "áƀçđéĝĥíķĺñóŕšţúŵýžÅÇÉĜĤÎĶĹÑÖŔŠŢÛŴÝŽ";

    private Pseudo() {
    }

    /** The pattern in a pseudo-language; a real language's pattern is returned as it is. */
    public static String pattern(Language language, String english) {
        if (language == Language.PSEUDO_LONG) {
            StringBuilder out = new StringBuilder(english.length() * 2);
            int letters = transform(english, 0, english.length(), out);
            int pad = (int) Math.ceil(letters * 0.4);
            return "[" + out + (pad > 0 ? " " + "·".repeat(pad) : "") + "]";
        }
        return english;
    }

    /** A formatted text (a date, a weekday) in a pseudo-language, accented but not padded. */
    public static String text(Language language, String text) {
        if (!language.pseudo() || text.isEmpty()) {
            return text;
        }
        if (language != Language.PSEUDO_LONG) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            out.append(accent(text.charAt(i)));
        }
        return out.toString();
    }

    /** Copies pattern[from, to) into out, accenting literal text only; returns the letters seen. */
    private static int transform(String p, int from, int to, StringBuilder out) {
        int letters = 0;
        int i = from;
        while (i < to) {
            char c = p.charAt(i);
            if (c == '{') {
                int end = matching(p, i, to);
                letters += argument(p, i, end, out);
                i = end + 1;
            } else if (c == '\'' && i + 1 < to && p.charAt(i + 1) == '\'') {
                out.append("''");
                i += 2;
            } else {
                if (Character.isLetter(c)) {
                    letters++;
                }
                out.append(c == '#' ? c : accent(c));
                i++;
            }
        }
        return letters;
    }

    /** One argument {@code {...}} at [start, end]: plural and select forms are transformed too. */
    private static int argument(String p, int start, int end, StringBuilder out) {
        String inner = p.substring(start + 1, end);
        String[] head = inner.split(",", 3);
        if (head.length < 3) {
            out.append(p, start, end + 1);
            return 0;
        }
        String type = head[1].strip();
        if (!type.equals("plural") && !type.equals("select") && !type.equals("selectordinal")) {
            out.append(p, start, end + 1);
            return 0;
        }
        int letters = 0;
        int bodyStart = start + 1 + head[0].length() + 1 + head[1].length() + 1;
        out.append(p, start, bodyStart);
        int i = bodyStart;
        while (i < end) {
            char c = p.charAt(i);
            if (c == '{') {
                int close = matching(p, i, end);
                out.append('{');
                letters += transform(p, i + 1, close, out);
                out.append('}');
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        out.append('}');
        return letters;
    }

    private static int matching(String p, int open, int limit) {
        int depth = 0;
        for (int i = open; i < limit; i++) {
            char c = p.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced braces in message: " + p);
    }

    private static char accent(char c) {
        int at = PLAIN.indexOf(c);
        return at < 0 ? c : ACCENTED.charAt(at);
    }
}
