package dev.tandem.engine.internal.blob;

import java.util.Locale;

/** A byte count in the words of a message: "12 KB", "3.4 MB", "100 MB". */
public final class Sizes {
    private Sizes() {
    }

    public static String describe(long bytes) {
        if (bytes < 1000) {
            return bytes + " bytes";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = bytes;
        int u = -1;
        while (v >= 1000 && u < units.length - 1) {
            v /= 1000;
            u++;
        }
        return (v >= 100 || v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v)
                : String.format(Locale.ROOT, "%.1f", v)) + " " + units[u];
    }
}
