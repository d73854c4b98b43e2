package dev.tandem.app.vm.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.agent.ShortcutPortal;
import dev.tandem.app.settings.Launcher;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
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
        // A desktop that gives no name is not named as "(?)", which reads as a placeholder left in.
        String unnamed = new ShortcutHelp("Linux", Map.of(), INSTALLED, List.of()).where();
        assertTrue(unnamed.startsWith("Tandem does not recognise your desktop:") && !unnamed.contains("(?)"), unnamed);
        assertTrue(new ShortcutHelp("Linux", Map.of("XDG_CURRENT_DESKTOP", "Budgie"), INSTALLED, List.of()).where()
                .startsWith("Tandem does not recognise your desktop (Budgie):"));
        ShortcutHelp none = new ShortcutHelp("Linux", Map.of(), Optional.empty(), List.of());
        assertTrue(none.command().isEmpty());
        assertTrue(none.instruction().startsWith("Only available"), none.instruction());
    }

    @Test
    void instruction_agentBoundThroughPortal_saysBoundWithTheKeysAndNoCommand() {
        ShortcutHelp h = new ShortcutHelp("Linux", Map.of("XDG_CURRENT_DESKTOP", "KDE"), INSTALLED, List.of(),
                Optional.of(new ShortcutPortal.State(true, "CTRL+ALT+space")));
        assertEquals("Bound through your desktop (Ctrl+Alt+Space): quick add opens from anywhere while the reminder"
                + " agent runs.", h.instruction());
        assertTrue(h.command().isEmpty());
        assertTrue(h.where().contains("keyboard shortcut settings"), h.where());
    }

    @Test
    void where_agentFoundNoPortal_saysWhyThenTheManualRoute() {
        ShortcutHelp h = new ShortcutHelp("Linux", Map.of("XDG_CURRENT_DESKTOP", "GNOME"), INSTALLED, List.of(),
                Optional.of(new ShortcutPortal.State(false, "no-portal")));
        assertEquals("Quick add from anywhere: set a keyboard shortcut in your desktop's settings that runs:",
                h.instruction());
        assertTrue(h.command().isPresent());
        assertTrue(h.where().startsWith("Your desktop has no global-shortcut portal. On GNOME:"), h.where());
        ShortcutHelp silent = new ShortcutHelp("Linux", Map.of("XDG_CURRENT_DESKTOP", "KDE"), INSTALLED, List.of(),
                Optional.of(new ShortcutPortal.State(false, "no-answer")));
        assertTrue(silent.where().startsWith("Your desktop's shortcut portal did not bind it. On KDE"), silent.where());
    }
}
