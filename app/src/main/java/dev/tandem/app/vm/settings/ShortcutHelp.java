package dev.tandem.app.vm.settings;

import dev.tandem.app.settings.Launcher;
import dev.tandem.ui.messages.Messages;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Settings → "Quick add from anywhere": the command a keyboard shortcut runs ({@code tandem add --window}, with
 * the app's launcher, whose class archive holds JavaFX's classes, unlike the command line's: ready about a third
 * sooner, docs/PERFORMANCE.md; and this profile's {@code --data-dir}) and where this desktop binds it. Tandem
 * binds no shortcut itself: the XDG GlobalShortcuts portal (KDE, GNOME 48+, Hyprland) needs a D-Bus client Tandem
 * does not have, so every desktop is told where its own keyboard settings take a command. The desktop is read from
 * {@code XDG_CURRENT_DESKTOP} (a colon-separated list; the first known name wins).
 */
public final class ShortcutHelp {
    /** The desktops told apart, each with the words saying where it binds a command. */
    enum Desktop { GNOME, KDE, SWAY, HYPRLAND, MACOS, WINDOWS, OTHER }

    private final Desktop desktop;
    private final String desktopName;
    private final Optional<String> command;

    /** {@code dataDirArgs}: {@code --data-dir DIR} for a profile that is not the default, else empty. */
    public ShortcutHelp(String osName, Map<String, String> env, Optional<Launcher> launcher, List<String> dataDirArgs) {
        String current = env.getOrDefault("XDG_CURRENT_DESKTOP", "");
        this.desktop = desktop(osName, current);
        this.desktopName = current.isBlank() ? "?" : current;
        this.command = launcher.map(l -> shellLine(l.command(
                Stream.concat(Stream.of("add", "--window"), dataDirArgs.stream()).toList())));
    }

    static Desktop desktop(String osName, String xdgCurrentDesktop) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return Desktop.WINDOWS;
        }
        if (os.contains("mac") || os.contains("darwin")) {
            return Desktop.MACOS;
        }
        for (String name : xdgCurrentDesktop.split(":")) {
            switch (name.strip().toLowerCase(Locale.ROOT)) {
                case "gnome", "ubuntu", "gnome-classic" -> {
                    return Desktop.GNOME;
                }
                case "kde" -> {
                    return Desktop.KDE;
                }
                case "sway" -> {
                    return Desktop.SWAY;
                }
                case "hyprland" -> {
                    return Desktop.HYPRLAND;
                }
                default -> {
                }
            }
        }
        return Desktop.OTHER;
    }

    /** The command, as one line a shell (and the desktops' command fields) reads back into the same words; empty without a launcher. */
    public Optional<String> command() {
        return command;
    }

    /** "… set a keyboard shortcut in your desktop's settings that runs:" (the command follows, with Copy), or why there is none. */
    public String instruction() {
        return Messages.text(command.isPresent() ? "settings.shortcut.instruction" : "settings.shortcut.noLauncher");
    }

    /** Which mechanism is used and why, and where this desktop binds a command. */
    public String where() {
        String key = switch (desktop) {
            case GNOME -> "settings.shortcut.where.gnome";
            case KDE -> "settings.shortcut.where.kde";
            case SWAY -> "settings.shortcut.where.sway";
            case HYPRLAND -> "settings.shortcut.where.hyprland";
            case MACOS -> "settings.shortcut.where.macos";
            case WINDOWS -> "settings.shortcut.where.windows";
            case OTHER -> "settings.shortcut.where.other";
        };
        return Messages.text(key, desktopName);
    }

    /** Single quotes around a word with anything but letters, digits and {@code /._-+=:,@}; a quote itself as {@code '\''}. */
    static String shellLine(List<String> words) {
        StringBuilder b = new StringBuilder();
        for (String w : words) {
            if (!b.isEmpty()) {
                b.append(' ');
            }
            if (!w.isEmpty() && w.matches("[A-Za-z0-9/._+=:,@-]+")) {
                b.append(w);
            } else {
                b.append('\'').append(w.replace("'", "'\\''")).append('\'');
            }
        }
        return b.toString();
    }
}
