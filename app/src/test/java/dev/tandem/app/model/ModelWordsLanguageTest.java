package dev.tandem.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.app.model.backup.RestoreSummary;
import dev.tandem.app.model.history.Authors;
import dev.tandem.app.model.outline.Outline;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.engine.Db;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The model's words for people follow the process's language; English stays as it always read. */
@Tag("unit")
class ModelWordsLanguageTest {
    @AfterEach
    void english() {
        Messages.use(Language.ENGLISH);
    }

    @Test
    void conflictWords_german_fieldAndValuesInGerman() {
        assertEquals("Due date", ConflictWords.fieldLabel("due"));
        assertEquals("at the top of its list", ConflictWords.valueText("parentId", null));
        Messages.use(Language.GERMAN);
        assertEquals("Fälligkeitsdatum", ConflictWords.fieldLabel("due"));
        assertEquals("nicht erledigt", ConflictWords.valueText("done", "0"));
        assertEquals("(leer)", ConflictWords.valueText("notes", " "));
        assertEquals("Ein anderes Detail", ConflictWords.fieldLabel("unknownColumn"));
    }

    @Test
    void fileWords_french_unitsAndDecimalComma() {
        assertEquals("1.2 MB", FileWords.size(1_200_000));
        assertEquals("PNG image", FileWords.type("a.png", "image/png"));
        assertEquals("DOCX file", FileWords.type("a.docx", null));
        Messages.use(Language.FRENCH);
        assertEquals("1,2 Mo", FileWords.size(1_200_000));
        assertEquals("1 octet", FileWords.size(1));
        assertEquals("Image PNG", FileWords.type("a.png", "image/png"));
    }

    @Test
    void restoreSummary_german_countsAndListLine() {
        RestoreSummary s = new RestoreSummary(List.of(new RestoreSummary.ListLine("Home", 1, 2, 3, 1)), 0, 0,
                List.of("Milk"), List.of());
        assertEquals(List.of("1 item changed, 2 brought back, 3 unchanged; 1 made since the backup is left as it is",
                "Changed: “Milk”", "  Home: 1 changed, 2 brought back, 3 unchanged, 1 left alone"), s.describe());
        Messages.use(Language.GERMAN);
        assertEquals(List.of("1 Eintrag geändert, 2 zurückgeholt, 3 unverändert; 1 seit der Sicherung erstellter bleibt,"
                + " wie er ist", "Geändert: „Milk“", "  Home: 1 geändert, 2 zurückgeholt, 3 unverändert, 1 unberührt"),
                s.describe());
    }

    @Test
    void constantsOnceStatic_german_readWhenAsked() {
        assertEquals("This device", Authors.thisDevice());
        Messages.use(Language.GERMAN);
        assertEquals("Dieses Gerät", Authors.thisDevice());
        assertEquals("Ein Name mit 1 bis 64 Zeichen.", Authors.nameProblem());
        assertEquals("Unteraufgaben tiefer als 32 Ebenen werden auf Ebene 32 gezeigt.", Outline.flattenedNotice());
    }

    @Test
    void label_treeRepairGerman_saidInGermanWhateverItsSyncedName() {
        try (TodoStore store = new TodoStore(Db.openMemory(), Clock.systemUTC())) {
            store.db().save(new DeviceName(TreeRepair.AUTHOR, TreeRepair.AUTHOR_NAME));
            Authors authors = new Authors(store);
            assertEquals("Tandem (kept for a new subtask)", authors.label(TreeRepair.AUTHOR));
            Messages.use(Language.GERMAN);
            assertEquals("Tandem (für eine neue Unteraufgabe behalten)", authors.label(TreeRepair.AUTHOR));
            assertEquals("Dieses Gerät", authors.label(store.replica().deviceId()));
        }
    }

    @Test
    void syncSettingsDescribe_german_kindInGermanPlaceAsIs() {
        SyncSettings folder = SyncSettings.folder(Path.of("/home/me/Tandem"), 60);
        assertEquals("Folder /home/me/Tandem", folder.describe());
        Messages.use(Language.GERMAN);
        assertEquals("Ordner /home/me/Tandem", folder.describe());
        assertEquals("Keine Synchronisierung", SyncSettings.none().describe());
    }
}
