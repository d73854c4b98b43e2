package dev.tandem.app.vm.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.fx.Async;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.engine.sync.ConnectionCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A folder remote is never a folder with the user's own files in it: Tandem asks, or makes one inside. */
@Tag("unit")
class SettingsFolderChoiceTest {
    @TempDir
    Path tmp;

    private SettingsViewModel vm() {
        Async async = Async.direct(e -> {
            throw new AssertionError(e);
        });
        SettingsViewModel vm = new SettingsViewModel(SyncSettings.none(), async, SettingsViewModel::realCheck);
        vm.modeProperty().set(SyncSettings.Mode.FOLDER);
        return vm;
    }

    @Test
    void folderChosen_folderWithOtherFiles_usesANewTandemFolderInsideAndSaysSo() throws Exception {
        Path documents = Files.createDirectories(tmp.resolve("Documents"));
        Files.writeString(documents.resolve("taxes.pdf"), "private");
        SettingsViewModel vm = vm();
        vm.folderChosen(documents);
        assertEquals(documents.resolve("Tandem").toString(), vm.value("folder").get());
        assertTrue(Files.isDirectory(documents.resolve("Tandem")));
        assertTrue(vm.folderNoteProperty().get().contains("holds other files"), vm.folderNoteProperty().get());
        vm.value("folder").set(tmp.toString());
        assertEquals("", vm.folderNoteProperty().get(), "a folder typed afterwards clears the note");
    }

    @Test
    void folderChosen_emptyFolder_usedAsIs() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("Dropbox/Tandem"));
        SettingsViewModel vm = vm();
        vm.folderChosen(empty);
        assertEquals(empty.toString(), vm.value("folder").get());
        assertEquals("", vm.folderNoteProperty().get());
    }

    @Test
    void realCheck_typedFolderWithOtherFiles_failsBeforeWritingAnything() throws Exception {
        Path home = Files.createDirectories(tmp.resolve("home"));
        Files.writeString(home.resolve("notes.txt"), "mine");
        ConnectionCheck check = SettingsViewModel.realCheck(SyncSettings.folder(home, 60));
        assertFalse(check.ok());
        assertEquals("Folder", check.steps().get(0).name());
        assertTrue(check.summary().contains("holds other files (notes.txt)"), check.summary());
        try (Stream<Path> files = Files.list(home)) {
            assertEquals(List.of(home.resolve("notes.txt")), files.toList(), "nothing written");
        }
        Path tandem = Files.createDirectories(home.resolve("Tandem"));
        assertTrue(SettingsViewModel.realCheck(SyncSettings.folder(tandem, 60)).ok());
    }
}
