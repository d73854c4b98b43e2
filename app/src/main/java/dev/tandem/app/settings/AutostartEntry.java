package dev.tandem.app.settings;

import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.util.List;

/**
 * The text of the entry that starts Tandem's reminder agent with the session: an XDG autostart Desktop Entry
 * (Linux) or a launchd LaunchAgent property list (macOS). Pure text, so both are tested anywhere.
 *
 * <p>The Desktop Entry's {@code Exec} follows the Desktop Entry Specification: an argument holding a reserved
 * character is quoted in double quotes, inside which {@code " ` $ \} take a backslash; {@code %} is written
 * {@code %%} (a lone one starts a field code); then the string escapes of every value apply on top ({@code \} is
 * written {@code \\}, a line break {@code \n}), so a backslash in a path is four in the file.
 */
public final class AutostartEntry {
    /** The launchd label, and the Desktop Entry's file name without {@code .desktop}, of the default profile's agent. */
    public static final String ID = "dev.tandem.Tandem-agent";
    private static final String RESERVED = " \t\n\"'\\><~|&;$*?#()`";

    private AutostartEntry() {
    }

    /** The {@code .desktop} file that runs {@code command}; its names in English, German and French. */
    public static String desktop(List<String> command) {
        StringBuilder b = new StringBuilder("[Desktop Entry]\nType=Application\n");
        b.append("Name=").append(value(Messages.text(Language.ENGLISH, "settings.autostart.entry.name"))).append('\n');
        for (Language l : List.of(Language.GERMAN, Language.FRENCH)) {
            b.append("Name[").append(l.locale().getLanguage()).append("]=")
                    .append(value(Messages.text(l, "settings.autostart.entry.name"))).append('\n');
        }
        b.append("Comment=").append(value(Messages.text(Language.ENGLISH, "settings.autostart.entry.comment"))).append('\n');
        for (Language l : List.of(Language.GERMAN, Language.FRENCH)) {
            b.append("Comment[").append(l.locale().getLanguage()).append("]=")
                    .append(value(Messages.text(l, "settings.autostart.entry.comment"))).append('\n');
        }
        b.append("Exec=").append(value(exec(command))).append('\n');
        b.append("Terminal=false\nNoDisplay=true\nX-GNOME-Autostart-enabled=true\n");
        return b.toString();
    }

    /** The {@code Exec} value before the string escapes: each argument quoted where the spec asks, {@code %} doubled. */
    static String exec(List<String> command) {
        StringBuilder b = new StringBuilder();
        for (String arg : command) {
            if (!b.isEmpty()) {
                b.append(' ');
            }
            String a = arg.replace("%", "%%");
            if (a.isEmpty() || a.chars().anyMatch(c -> RESERVED.indexOf(c) >= 0)) {
                b.append('"');
                for (char c : a.toCharArray()) {
                    if (c == '"' || c == '`' || c == '$' || c == '\\') {
                        b.append('\\');
                    }
                    b.append(c);
                }
                b.append('"');
            } else {
                b.append(a);
            }
        }
        return b.toString();
    }

    /** A string value's escapes (Desktop Entry Specification, "Possible value types"). */
    static String value(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** The LaunchAgent {@code label} that runs {@code command} at login, once (no KeepAlive: a stopped agent stays stopped). */
    public static String launchAgent(String label, List<String> command) {
        StringBuilder b = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
                <plist version="1.0">
                <dict>
                  <key>Label</key>
                  <string>""").append(xml(label)).append("</string>\n  <key>ProgramArguments</key>\n  <array>\n");
        for (String arg : command) {
            b.append("    <string>").append(xml(arg)).append("</string>\n");
        }
        b.append("  </array>\n  <key>RunAtLoad</key>\n  <true/>\n  <key>ProcessType</key>\n  <string>Background</string>\n"
                + "</dict>\n</plist>\n");
        return b.toString();
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
