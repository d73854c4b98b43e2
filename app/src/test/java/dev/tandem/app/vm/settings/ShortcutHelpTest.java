package dev.tandem.app.vm.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.settings.Launcher;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShortcutHelpTest {
    private static final Optional<Launcher> INSTALLED = Optional.of(
            new Launcher(Path.of("/opt/tandem/bin/Tandem"), Path.of("/opt/tandem/bin/tandem-cli")));

    @Test
    void desktop_xdgCurrentDesktopLists_firstKnownWins() {
        assertEquals(ShortcutHelp.Desktop.GNOME, ShortcutHelp.desktop("Linux", "ubuntu:GNOME"));
        assertEquals(ShortcutHelp.Desktop.KDE, ShortcutHelp.desktop("Linux", "KDE"));
        assertEquals(ShortcutHelp.Desktop.SWAY, ShortcutHelp.desktop("Linux", "sway"));
        assertEquals(ShortcutHelp.Desktop.HYPRLAND, ShortcutHelp.desktop("Linux", "Hyprland"));
        assertEquals(ShortcutHelp.Desktop.OTHER, ShortcutHelp.desktop("Linux", "XFCE"));
        assertEquals(ShortcutHelp.Desktop.OTHER, ShortcutHelp.desktop("Linux", ""));
        assertEquals(ShortcutHelp.Desktop.MACOS, ShortcutHelp.desktop("Mac OS X", "GNOME"));
        assertEquals(ShortcutHelp.Desktop.WINDOWS, ShortcutHelp.desktop("Windows 11", ""));
    }

    @Test
    void command_installedOtherProfileWithSpaceAndQuote_appLauncherQuotedForAShell() {
        ShortcutHelp h = new ShortcutHelp("Linux", Map.of("XDG_CURRENT_DESKTOP", "GNOME"), INSTALLED,
                List.of("--data-dir", "/home/sam/My Sam's"));
        assertEquals("/opt/tandem/bin/Tandem add --window --data-dir '/home/sam/My Sam'\\''s'", h.command().orElseThrow());
        assertEquals("Quick add from anywhere: set a keyboard shortcut in your desktop's settings that runs:", h.instruction());
        assertTrue(h.where().contains("GNOME") && h.where().contains("Custom Shortcuts"), h.where());
    }

    @Test
    void where_noPortalDesktopOrUnknown_saysWhereAndWhy() {
        assertTrue(new ShortcutHelp("Linux", Map.of("XDG_CURRENT_DESKTOP", "sway"), INSTALLED, List.of()).where()
                .contains("no global-shortcut portal"));
        assertTrue(new ShortcutHelp("Linux", Map.of(), INSTALLED, List.of()).where().startsWith("Your desktop (?)"));
        ShortcutHelp none = new ShortcutHelp("Linux", Map.of(), Optional.empty(), List.of());
        assertTrue(none.command().isEmpty());
        assertTrue(none.instruction().startsWith("Only available"), none.instruction());
    }
}
