package dev.tandem.app.text.diff;

import dev.tandem.ui.messages.Messages;
import java.util.ArrayList;
import java.util.List;

/**
 * A text cut into lines at any line break (CRLF, LF or a lone CR), with what the breaks were.
 * Diffs compare these lines, so a note saved with Windows line endings on one device and Unix ones
 * on another does not differ on every line; the difference in breaks is reported on its own.
 *
 * @param lines         the lines without their breaks; a final break does not start an empty line
 * @param finalNewline  whether the text ends with a line break
 * @param lineEnding    the break used most ("\r\n", "\n" or "\r"); "\n" for a text without any
 */
public record TextLines(List<String> lines, boolean finalNewline, String lineEnding) {
    public TextLines {
        lines = List.copyOf(lines);
    }

    public static TextLines of(String text) {
        String s = text == null ? "" : text;
        List<String> out = new ArrayList<>();
        int crlf = 0;
        int lf = 0;
        int cr = 0;
        int start = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\n') {
                out.add(s.substring(start, i));
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    crlf++;
                    i++;
                } else if (c == '\r') {
                    cr++;
                } else {
                    lf++;
                }
                start = i + 1;
            }
            i++;
        }
        boolean finalNewline = !s.isEmpty() && start == s.length();
        if (start < s.length()) {
            out.add(s.substring(start));
        }
        String ending = crlf > lf && crlf >= cr ? "\r\n" : cr > lf && cr > crlf ? "\r" : "\n";
        return new TextLines(out, finalNewline, ending);
    }

    /** Whether the text has any line break at all. */
    public boolean multiLine() {
        return lines.size() > 1 || finalNewline;
    }

    /** "Windows (CRLF)", "Unix (LF)" or "classic Mac (CR)". */
    public String endingName() {
        return switch (lineEnding) {
            case "\r\n" -> Messages.text("editor.lineEnding.windows");
            case "\r" -> Messages.text("editor.lineEnding.mac");
            default -> Messages.text("editor.lineEnding.unix");
        };
    }
}
