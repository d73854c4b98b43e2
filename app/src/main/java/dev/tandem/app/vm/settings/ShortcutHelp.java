package dev.tandem.app.vm.settings;

import dev.tandem.app.agent.ShortcutPortal;
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
 * sooner, docs/PERFORMANCE.md; and this profile's {@code --data-dir}) and where this desktop binds it. Where the
 * desktop has the XDG GlobalShortcuts portal (KDE, GNOME 48+, Hyprland), {@code tandem agent} binds it itself
 * ({@link ShortcutPortal}) and its state file says so: then only that is said. Otherwise the desktop is told where
 * its own keyboard settings take a command, with why when the agent found no portal. The desktop is read from
 * {@code XDG_CURRENT_DESKTOP} (a colon-separated list; the first known name wins).
 */
public final class ShortcutHelp {
    /** The desktops told apart, each with the words saying where it binds a command. */
    enum Desktop { GNOME, KDE, SWAY, HYPRLAND, MACOS, WINDOWS, OTHER }

    private final Desktop desktop;
    private final String desktopName;
    private final Optional<String> command;
    /** What the agent last said about the portal (empty: it never ran on this profile). */
    private final Optional<ShortcutPortal.State> state;

    /** {@code dataDirArgs}: {@code --data-dir DIR} for a profile that is not the default, else empty. */
    public ShortcutHelp(String osName, Map<String, String> env, Optional<Launcher> launcher, List<String> dataDirArgs) {
        this(osName, env, launcher, dataDirArgs, Optional.empty());
    }

    /** {@code state}: the agent's {@link ShortcutPortal.State}, read from the profile's state file. */
    public ShortcutHelp(String osName, Map<String, String> env, Optional<Launcher> launcher, List<String> dataDirArgs,
                        Optional<ShortcutPortal.State> state) {
        this.state = state;
        String current = env.getOrDefault("XDG_CURRENT_DESKTOP", "");
        this.desktop = desktop(osName, current);
        this.desktopName = current.isBlank() ? "?" : current;
        this.command = state.filter(ShortcutPortal.State::portal).isPresent() ? Optional.empty() : launcher.map(l -> shellLine(l.command(
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

    /**
     * "Bound through your desktop (Ctrl+Alt+Space)…" when the portal took it; else "… set a keyboard shortcut in
     * your desktop's settings that runs:" (the command follows, with Copy), or why there is none.
     */
    public String instruction() {
        if (state.filter(ShortcutPortal.State::portal).isPresent()) {
            return Messages.text("settings.shortcut.portal", keys(state.get().detail()));
        }
        return Messages.text(command.isPresent() ? "settings.shortcut.instruction" : "settings.shortcut.noLauncher");
    }

    /** Which mechanism is used and why, and where this desktop binds a command. */
    public String where() {
        if (state.isPresent()) {
            ShortcutPortal.State s = state.get();
            if (s.portal()) {
                return Messages.text("settings.shortcut.portal.where");
            }
            if (s.detail().equals(ShortcutPortal.Reason.NO_PORTAL.word)) {
                return Messages.text("settings.shortcut.why.noPortal", manualWhere());
            }
            if (!s.detail().equals(ShortcutPortal.Reason.NO_LAUNCHER.word)) {
                return Messages.text("settings.shortcut.why.notBound", manualWhere());
            }
        }
        return manualWhere();
    }

    /** The portal's trigger words as people write keys: {@code CTRL+ALT+space} → "Ctrl+Alt+Space". */
    static String keys(String trigger) {
        StringBuilder b = new StringBuilder();
        for (String k : trigger.split("\\+", -1)) {
            if (!b.isEmpty()) {
                b.append('+');
            }
            if (!k.isEmpty()) {
                b.append(k.substring(0, 1).toUpperCase(Locale.ROOT)).append(k.substring(1).toLowerCase(Locale.ROOT));
            }
        }
        return b.toString();
    }

    /** Where this desktop's own settings bind a command. */
    private String manualWhere() {
        String key = switch (desktop) {
            case GNOME -> "settings.shortcut.where.gnome";
            case KDE -> "settings.shortcut.where.kde";
            case SWAY -> "settings.shortcut.where.sway";
            case HYPRLAND -> "settings.shortcut.where.hyprland";
            case MACOS -> "settings.shortcut.where.macos";
            case WINDOWS -> "settings.shortcut.where.windows";
            case OTHER -> desktopName.equals("?") ? "settings.shortcut.where.unnamed" : "settings.shortcut.where.other";
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
