package dev.tandem.app.agent;

/**
 * A todo's title made fit for a notification: the title came from any device that syncs (or a shared
 * list's member), so it is bounded to {@link #MAX_SUMMARY} characters before anything reads it whole,
 * control and direction-override characters become spaces, and in the body, where the notification
 * specification allows simple markup, {@code < > &} and quotes are escaped.
 */
final class NoticeText {
    /** Characters of a summary: a notification shows a line or two; a title may be 1 MB. */
    static final int MAX_SUMMARY = 200;

    private NoticeText() {
    }

    /** One line of at most {@code max} code points, "…" ending a cut one. */
    static String line(String text, int max) {
        // Look at no more than could survive the cut: a 1 MB title costs what a 200-character one does.
        String head = text.length() > max * 2 + 2 ? text.substring(0, max * 2 + 2) : text;
        StringBuilder b = new StringBuilder();
        boolean space = true;
        int kept = 0;
        for (int i = 0; i < head.length() && kept <= max; ) {
            int cp = head.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isISOControl(cp) || invisible(cp)) {
                if (!space) {
                    b.append(' ');
                    kept++;
                    space = true;
                }
                continue;
            }
            b.appendCodePoint(cp);
            kept++;
            space = false;
        }
        String s = b.toString().strip();
        int n = s.codePointCount(0, s.length());
        if (n > max) {
            return s.substring(0, s.offsetByCodePoints(0, max - 1)).strip() + "…";
        }
        // Cut before the cleaning saw it all (a long run of spaces): say there was more.
        return head.length() < text.length() ? s.substring(0, s.offsetByCodePoints(0, Math.min(n, max - 1))) + "…"
                : s;
    }

    /** Text for a body, which the server may read as markup: shown as typed, never as a tag or link. */
    static String escaped(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * Direction overrides and isolates, line and paragraph separators: they reorder or break what is shown;
     * a lone surrogate (a pair cut in two) has no UTF-8 form for D-Bus.
     */
    private static boolean invisible(int cp) {
        return cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE || cp >= 0x202A && cp <= 0x202E || cp >= 0x2066 && cp <= 0x2069 || cp == 0x2028 || cp == 0x2029
                || cp == 0x200E || cp == 0x200F || cp == 0xFEFF;
    }
}
