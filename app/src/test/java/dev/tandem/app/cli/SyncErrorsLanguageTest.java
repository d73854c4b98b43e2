package dev.tandem.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.testing.CliRun;
import dev.tandem.app.testing.CliRun.Result;
import dev.tandem.engine.Db;
import dev.tandem.engine.sync.SyncEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failed sync and the connection check say what happened, where and what to do in the language the command
 * line speaks, chosen by the failure's reason and each step's kind: none of the engine's English sentences
 * (which go to the log) reaches German or French output.
 */
@Tag("unit")
class SyncErrorsLanguageTest {
    /** Words of the engine's own messages and hints, and its step names. */
    private static final List<String> ENGINE_ENGLISH = List.of("Cannot list", "does not exist", "does not match",
            "Check the", "Enter the", "nothing was read", "List", "Write", "Read back", "failed:", "Unexpected");

    @TempDir
    Path dir;

    private static void noEngineEnglish(String text) {
        for (String w : ENGINE_ENGLISH) {
            assertFalse(text.contains(w), "English “" + w + "” in: " + text);
        }
    }

    @Test
    void sync_missingFolderInGerman_saysWhatWhereAndWhatToDoInGerman() {
        Path missing = dir.resolve("gone").resolve("Tandem");
        Result r = CliRun.run(dir.resolve("p"), "--lang", "de", "sync", "--remote", "folder:" + missing);
        assertEquals(1, r.code(), r.err());
        // The window's word for it: "Synchronisierung fehlgeschlagen", not the command's name.
        assertTrue(r.err().contains("tandem: Synchronisierung fehlgeschlagen: Der Sync-Ordner ist nicht da."), r.err());
        assertTrue(r.err().contains("Speicherort: folder:" + missing), r.err());
        assertTrue(r.err().contains("Liegt er auf einem USB-Laufwerk oder einer Netzwerkfreigabe"), r.err());
        assertTrue(r.err().contains("Ein neuer Versuch kann später klappen."), r.err());
        assertFalse(Files.exists(missing), "the command line makes no folder either");
        noEngineEnglish(r.err());
    }

    @Test
    void sync_wrongPassphraseInFrench_saysItInFrench() throws Exception {
        Path remote = Files.createDirectories(dir.resolve("remote"));
        try (Db other = Db.openMemory(); SyncEngine e = SyncEngine.builder().folder(remote)
                .encrypted("the passphrase of the other devices").build()) {
            e.sync(other);
        }
        Result r = CliRun.run(Map.of("TANDEM_PASSPHRASE", "not the right one at all"), dir.resolve("p"), "--lang", "fr",
                "sync", "--remote", "folder:" + remote);
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("La phrase secrète n’ouvre pas cet emplacement."), r.err());
        assertTrue(r.err().contains("Saisissez la phrase secrète qu’utilisent les autres appareils."), r.err());
        assertTrue(r.err().contains("Réessayer n’aidera pas tant que ce n’est pas corrigé."), r.err());
        noEngineEnglish(r.err());
    }

    @Test
    void check_missingFolderInFrench_stepsAndStopInFrench() {
        Path missing = dir.resolve("nowhere");
        Result r = CliRun.run(dir.resolve("p"), "--lang", "fr", "check", "--remote", "folder:" + missing);
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("✗ Regarder le contenu: Le dossier de synchronisation " + missing.toAbsolutePath()
                + " n’existe pas."), r.out());
        assertTrue(r.out().contains("créez-le (mkdir -p \"" + missing.toAbsolutePath() + "\")"), r.out());
        assertTrue(r.out().contains("sinon vérifiez le chemin donné à --remote ou dans les Paramètres."), r.out());
        assertTrue(r.err().contains("la vérification s’est arrêtée à «\u00a0Regarder le contenu\u00a0»"), r.err());
        noEngineEnglish(r.out() + r.err());
    }

    @Test
    void check_savedFolderGoneInGermanAndEnglish_namesTheFolderAndWhatToDo() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("Sync Ordner"));
        Path profile = dir.resolve("p");
        assertEquals(0, CliRun.run(profile, "sync", "--remote", "folder:" + folder, "--save").code());
        Files.delete(folder);

        Result de = CliRun.run(profile, "--lang", "de", "check");
        assertEquals(1, de.code(), de.out() + de.err());
        assertTrue(de.out().contains("✗ Hineinsehen: Den Sync-Ordner " + folder + " gibt es nicht."), de.out());
        assertTrue(de.out().contains("lege ihn an (mkdir -p \"" + folder + "\"); sonst prüfe den Pfad"), de.out());
        noEngineEnglish(de.out() + de.err());
        Result en = CliRun.run(profile, "check");
        assertTrue(en.out().contains("The sync folder " + folder + " does not exist.")
                && en.out().contains("create it (mkdir -p \"" + folder + "\"); otherwise check the path"), en.out());
        assertFalse(Files.exists(folder), "the check makes no folder");
    }

    @Test
    void check_aWorkingFolderInEnglish_everyStepInWords() throws Exception {
        Path remote = Files.createDirectories(dir.resolve("works"));
        Result r = CliRun.run(dir.resolve("p"), "check", "--remote", "folder:" + remote);
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("✓ Look inside: Looked at what the remote holds."), r.out());
        assertTrue(r.out().contains("✓ Refuse an overwrite: A second write to the same name was refused, as it must be."),
                r.out());
    }
}
