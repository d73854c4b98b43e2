package dev.tandem.app.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden vectors kept in the repository for the page's JavaScript (tandem-sync/test/vectors), which the desktop's
 * code writes and the page's must read alike: written with {@code -Dtandem.writeVectors=true}, else compared whole,
 * the first line that differs named (a vector file is a megabyte; its text is not printed).
 */
public final class KeptVectors {
    private KeptVectors() {
    }

    /**
     * Writes {@code text} to {@code file} when asked, then fails unless the file holds exactly {@code text}; what was
     * written is left in {@code target/} to compare. {@code follower}: the page's code that must follow a change.
     */
    public static void writeOrCompare(Path file, String text, String follower) throws IOException {
        if (Boolean.getBoolean("tandem.writeVectors")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
        String kept = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        if (kept.equals(text)) {
            return;
        }
        Path written = Path.of("target", "written-" + file.getFileName());
        Files.writeString(written, text, StandardCharsets.UTF_8);
        int at = 0;
        while (at < Math.min(text.length(), kept.length()) && text.charAt(at) == kept.charAt(at)) {
            at++;
        }
        long line = text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        fail(file + " differs from what the desktop writes (" + written + "), first at line " + line + ", character "
                + at + ": written " + around(text, at) + ", kept " + around(kept, at)
                + "; run with -Dtandem.writeVectors=true if meant, and the page's " + follower + " must follow it");
    }

    /** The text from 80 characters before {@code at} to 120 after, where the two part. */
    private static String around(String text, int at) {
        int from = Math.max(0, at - 80);
        int to = Math.min(text.length(), at + 120);
        return "«" + (from > 0 ? "…" : "") + text.substring(from, to) + (to < text.length() ? "…" : "") + "»";
    }
}
