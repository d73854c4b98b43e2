package dev.tandem.app.model;

import dev.tandem.engine.Table;

/**
 * What program made one change of this device's, when it was not the window or the command line: a row keyed by
 * the change's id ({@code Change#id}), so an item's history can say "This device via MCP (Claude Desktop)". A row
 * like the others, so it syncs to the user's other devices; a Tandem from before this table keeps such rows
 * pending as it keeps any table it does not know (docs/SYNC_FORMAT.md, "Unknown tables and columns") and shows the
 * change as the device's alone. It never goes to a shared list's space: only the list's own rows do.
 *
 * @param id     the change's id
 * @param via    how it came: {@link #MCP}; an unknown value (a newer Tandem's) reads as no origin
 * @param client the program's own name for itself, as {@link #clientName} cleans it; may be empty
 */
@Table("change_origins")
public record ChangeOrigin(String id, String via, String client) {
    /** A change an assistant made through {@code tandem mcp}. */
    public static final String MCP = "mcp";
    /** The longest client name kept or shown, in code points. */
    public static final int MAX_CLIENT = 64;

    /**
     * {@code raw} as a client's name may be kept and shown: control and format characters (line breaks, bidi
     * overrides) dropped, runs of white space made one space, stripped, at most {@link #MAX_CLIENT} code points.
     * The name comes from outside (the client says it, or another device synced it), so the work is bounded by
     * {@link #MAX_CLIENT} times a small factor, not by what was sent.
     */
    public static String clientName(String raw) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        int kept = 0;
        int read = 0;
        boolean space = false;
        for (int i = 0; i < raw.length() && kept < MAX_CLIENT && read < MAX_CLIENT * 16; read++) {
            int cp = raw.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                space = out.length() > 0;
            } else if (!Character.isISOControl(cp) && type != Character.FORMAT && type != Character.SURROGATE
                    && type != Character.PRIVATE_USE && type != Character.UNASSIGNED) {
                if (space) {
                    out.append(' ');
                    kept++;
                    space = false;
                    if (kept >= MAX_CLIENT) {
                        break;
                    }
                }
                out.appendCodePoint(cp);
                kept++;
            }
        }
        return out.toString().strip();
    }
}
