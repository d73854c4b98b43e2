package dev.tandem.app.transfer;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * File and folder names made from titles and list names, safe on Linux, macOS and Windows: no path
 * separators or reserved characters, no "." or ".." names, no Windows device names, at most 80
 * characters, and unique within their folder ignoring case (two todos called "Milk" become
 * "Milk.md" and "Milk (2).md"). A title can therefore never place a file outside the export folder.
 */
public final class FileNames {
    private static final Set<String> RESERVED = Set.of("con", "prn", "aux", "nul", "com1", "com2", "com3", "com4",
            "com5", "com6", "com7", "com8", "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9");
    private static final int MAX = 80;
    private final Set<String> used = new HashSet<>();

    /** A name not handed out before by this instance, with {@code extension} (e.g. ".md", or "" for a folder). */
    public String unique(String wanted, String extension) {
        String base = safe(wanted);
        String name = base + extension;
        for (int n = 2; !used.add(name.toLowerCase(Locale.ROOT)); n++) {
            name = base + " (" + n + ")" + extension;
        }
        return name;
    }

    public static String safe(String wanted) {
        String s = wanted == null ? "" : wanted.replaceAll("[\\p{Cntrl}/\\\\:*?\"<>|]", " ").replaceAll("\\s+", " ").strip();
        s = s.replaceAll("^[.\\s]+|[.\\s]+$", "");
        if (s.length() > MAX) {
            s = s.substring(0, MAX).strip();
            if (Character.isHighSurrogate(s.charAt(s.length() - 1))) {
                s = s.substring(0, s.length() - 1);
            }
        }
        if (s.isEmpty() || RESERVED.contains(s.toLowerCase(Locale.ROOT))) {
            s = s.isEmpty() ? "Untitled" : s + "_";
        }
        return s;
    }
}
