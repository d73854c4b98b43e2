package dev.tandem.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tandem.app.cli.Cli;
import dev.tandem.ui.Theme;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class DataDirsTest {
    @Test
    void platformDefault_linuxWithXdg_usesXdgDataHome() {
        assertEquals(Path.of("/x/data/tandem"), DataDirs.platformDefault("Linux", Map.of("XDG_DATA_HOME", "/x/data"), "/home/a"));
    }

    @Test
    void platformDefault_linuxWithoutXdg_usesLocalShare() {
        assertEquals(Path.of("/home/a/.local/share/tandem"), DataDirs.platformDefault("Linux", Map.of(), "/home/a"));
    }

    @Test
    void platformDefault_mac_usesApplicationSupport() {
        assertEquals(Path.of("/Users/a/Library/Application Support/Tandem"), DataDirs.platformDefault("Mac OS X", Map.of(), "/Users/a"));
    }

    @Test
    void platformDefault_windows_usesAppData() {
        assertEquals(Path.of("C:/Users/a/AppData/Roaming", "Tandem"),
                DataDirs.platformDefault("Windows 11", Map.of("APPDATA", "C:/Users/a/AppData/Roaming"), "C:/Users/a"));
    }

    @Test
    void resolve_optionBeatsEnvironment() {
        assertEquals(Path.of("/opt/one"), DataDirs.resolve("/opt/one", Map.of(DataDirs.ENV, "/opt/two")));
        assertEquals(Path.of("/opt/two"), DataDirs.resolve(null, Map.of(DataDirs.ENV, "/opt/two")));
    }

    @Test
    void parse_allOptions_areRead() {
        AppOptions o = AppOptions.parse(List.of("--data-dir", "/d", "--demo", "--theme", "dark", "--exit-after-first-frame"), Map.of());
        assertEquals(new AppOptions("/d", true, true, Theme.DARK, false, null), o);
    }

    @Test
    void parse_envExitFlag_setsExit() {
        assertTrue(AppOptions.parse(List.of(), Map.of("TANDEM_EXIT_AFTER_FIRST_FRAME", "1")).exitAfterFirstFrame());
    }

    @Test
    void parse_blankArgumentFromPlugin_isIgnored() {
        assertFalse(AppOptions.parse(List.of(""), Map.of()).demo());
    }

    @Test
    void parse_unknownOption_isUsageError() {
        assertThrows(AppOptions.UsageException.class, () -> AppOptions.parse(List.of("--bogus"), Map.of()));
        assertThrows(AppOptions.UsageException.class, () -> AppOptions.parse(List.of("--data-dir"), Map.of()));
    }

    @Test
    void isCliInvocation_verbAfterDataDir_isCli() {
        assertTrue(Cli.isCliInvocation(List.of("--data-dir", "/d", "add", "x")));
        assertTrue(Cli.isCliInvocation(List.of("list")));
        assertFalse(Cli.isCliInvocation(List.of("--demo")));
        assertFalse(Cli.isCliInvocation(List.of()));
    }

    @Test
    void createPrivate_newDirectory_ownerOnly() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path dir = Files.createTempDirectory("datadirs").resolve("a/tandem");
        DataDirs.createPrivate(dir);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
    }

    @Test
    void createPrivate_existingOpenDirectory_narrowed() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path dir = Files.createTempDirectory("datadirs");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        DataDirs.createPrivate(dir);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
    }

    @Test
    void windowTitle_defaultProfile_isTandemAndAnotherIsNamedShortly() {
        Path home = Path.of("/home/sam/.local/share/tandem");
        assertEquals("Tandem", DataDirs.windowTitle(home, home));
        assertEquals("Tandem — work", DataDirs.windowTitle(Path.of("/tmp/work"), home));
        assertEquals("Tandem — Backup", DataDirs.windowTitle(Path.of("/media/Backup/tandem"), home));
        assertFalse(DataDirs.windowTitle(Path.of("/tmp/a/b/c/profile"), home).contains("/"));
    }
}
