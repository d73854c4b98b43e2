package dev.tandem.app.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The command line's text output, safe for a terminal whatever synced text it carries. A title, a list's or a
 * smart list's name, a device's or a member's name may have been written on another device, by anyone who can
 * write to the remote or share a list: printed raw, an escape sequence in it would drive the terminal (retitle the
 * window, move the cursor and overwrite earlier lines, hide text, or worse on some terminals), and bidirectional
 * overrides would show text in another order than it is.
 *
 * <p>One place: the command line's standard output and standard error go through {@link #stream}, which writes
 * every C0 control but the line's own newline and tab, DEL, every C1 control and the bidirectional controls
 * visibly (ESC as {@code \x1b}, RIGHT-TO-LEFT OVERRIDE as a backslash, {@code u} and {@code 202e}), so none of
 * them reaches the terminal. A command's {@code --json} output escapes these same characters as JSON escapes
 * ({@link Json}), so it passes the stream unchanged and stays exact JSON. A field of synced text on one line
 * goes through {@link #field} too, which writes its newlines, carriage returns and tabs visibly as well, so a
 * title cannot pass for the next line or another column.
 */
final class TerminalText {
    private TerminalText() {
    }

    /** Whether the terminal would act on {@code c} rather than show it (newline and tab are the output's own). */
    static boolean control(int c) {
        return c < 0x20 && c != '\n' && c != '\t' || c == 0x7f || c >= 0x80 && c <= 0x9f
                || c == 0x061c || c == 0x200e || c == 0x200f || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069;
    }

    /** {@code s} with every character the terminal would act on written visibly. */
    static String safe(String s) {
        return escape(s, false);
    }

    /** One field of synced text, for one line: as {@link #safe}, and its newlines, returns and tabs visible too. */
    static String field(String s) {
        return escape(s, true);
    }

    private static String escape(String s, boolean oneLine) {
        if (s == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean visible = control(c) || oneLine && (c == '\n' || c == '\t');
            if (visible && out == null) {
                out = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (out != null) {
                if (visible) {
                    out.append(c < 0x100 ? String.format(Locale.ROOT, "\\x%02x", (int) c)
                            : String.format(Locale.ROOT, "\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
        return out == null ? s : out.toString();
    }

    /** A stream over {@code out} (UTF-8) that writes what it prints through {@link #safe}. */
    static PrintStream stream(PrintStream out) {
        return new Safe(out);
    }

    /** Every print and append of text is escaped; bytes written directly pass as they are (none of ours are text). */
    private static final class Safe extends PrintStream {
        Safe(PrintStream out) {
            super(out, true, StandardCharsets.UTF_8);
        }

        @Override
        public void print(String s) {
            super.print(safe(String.valueOf(s)));
        }

        @Override
        public void print(char c) {
            print(String.valueOf(c));
        }

        @Override
        public void print(char[] s) {
            print(new String(s));
        }

        @Override
        public void print(Object o) {
            print(String.valueOf(o));
        }

        @Override
        public void println(String s) {
            synchronized (this) {
                print(s);
                println();
            }
        }

        @Override
        public void println(char c) {
            println(String.valueOf(c));
        }

        @Override
        public void println(char[] s) {
            println(new String(s));
        }

        @Override
        public void println(Object o) {
            println(String.valueOf(o));
        }

        @Override
        public PrintStream append(CharSequence cs) {
            print(String.valueOf(cs));
            return this;
        }

        @Override
        public PrintStream append(CharSequence cs, int start, int end) {
            print(String.valueOf(cs == null ? "null" : cs.subSequence(start, end)));
            return this;
        }

        @Override
        public PrintStream append(char c) {
            print(c);
            return this;
        }
    }
}
