package dev.tandem.app.vm.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.fx.Async;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Settings on a folder that is not there, with the real connection check: never "Save anyway" into
 * nothing. Where the folder above it is there, Save offers to make it, makes it, tests it and saves; where it
 * is not (a drive not connected), nothing is saved and the dialog says why. Every word in the user's language.
 */
@Tag("unit")
class SettingsMissingFolderTest {
    @TempDir
    Path tmp;

    private final List<Throwable> errors = new ArrayList<>();

    @AfterEach
    void english() {
        Messages.use(Language.ENGLISH);
    }

    private SettingsViewModel vm(String folder) {
        SettingsViewModel vm = new SettingsViewModel(SyncSettings.none(), Async.direct(errors::add),
                SettingsViewModel::realCheck);
        vm.modeProperty().set(SyncSettings.Mode.FOLDER);
        vm.value("folder").set(folder);
        return vm;
    }

    private static String shown(SettingsViewModel vm) {
        StringBuilder b = new StringBuilder(vm.checkSummaryProperty().get()).append('\n')
                .append(vm.saveWarningProperty().get()).append('\n').append(vm.saveLabelProperty().get());
        vm.checkSteps().forEach(s -> b.append('\n').append(s.name()).append(": ").append(s.message()));
        return b.toString();
    }

    @Test
    void requestSave_folderMissingItsParentThere_offersToMakeItThenSaves() {
        Messages.use(Language.FRENCH);
        Path folder = tmp.resolve("Tandem");
        SettingsViewModel vm = vm(folder.toString());

        assertFalse(vm.requestSave(), "the check comes first");

        assertEquals("Créer le dossier et enregistrer", vm.saveLabelProperty().get(), shown(vm));
        assertTrue(vm.saveWarningProperty().get().startsWith("Le dossier " + folder + " n’existe pas encore."), shown(vm));
        assertEquals("Le test s’est arrêté à «\u00a0Regarder le contenu\u00a0»\u00a0: voir ci-dessous.",
                vm.checkSummaryProperty().get());
        assertEquals("Regarder le contenu", vm.checkSteps().get(0).name());
        for (String english : List.of("List", "Cannot", "does not exist", "Check the", "Save anyway", "quand même")) {
            assertFalse(shown(vm).contains(english), "“" + english + "” in: " + shown(vm));
        }
        assertFalse(Files.exists(folder), "nothing is made before the person asks");

        assertFalse(vm.requestSave(), "made and tested in the background first");

        assertTrue(Files.isDirectory(folder));
        assertTrue(vm.readyToCloseProperty().get(), shown(vm));
        assertEquals("Enregistrer", vm.saveLabelProperty().get());
        assertEquals("", vm.saveWarningProperty().get());
        assertEquals(List.of(), errors);
    }

    @Test
    void requestSave_folderAndTheOneAboveMissing_neverSaved() {
        Path folder = tmp.resolve("usb-drive").resolve("Tandem");
        SettingsViewModel vm = vm(folder.toString());

        assertFalse(vm.requestSave());
        assertEquals("Save", vm.saveLabelProperty().get(), shown(vm));
        assertTrue(vm.saveWarningProperty().get().contains("and neither does " + folder.getParent()), shown(vm));
        assertFalse(vm.requestSave(), "checked again, refused again");
        assertFalse(vm.readyToCloseProperty().get());
        assertEquals("Save", vm.saveLabelProperty().get());
        assertFalse(Files.exists(folder.getParent()), "no folder is made above the one asked for");
    }

    @Test
    void requestSave_theFolderCannotBeMade_saysWhyAndSavesNothing() throws Exception {
        Path readOnly = Files.createDirectories(tmp.resolve("read-only"));
        Path folder = readOnly.resolve("Tandem");
        SettingsViewModel vm = vm(folder.toString());
        assertFalse(vm.requestSave());
        assertEquals("Make the folder and save", vm.saveLabelProperty().get(), shown(vm));
        // Taken away between the check and the press: a file now stands where the folder would go.
        Files.writeString(folder, "in the way");

        assertFalse(vm.requestSave());

        assertTrue(vm.checkSummaryProperty().get().startsWith("Cannot make the folder " + folder), shown(vm));
        assertFalse(vm.readyToCloseProperty().get());
        assertFalse(vm.requestSave(), "still nothing saved");
        assertFalse(vm.readyToCloseProperty().get());
        assertEquals("Save", vm.saveLabelProperty().get());
    }
}
