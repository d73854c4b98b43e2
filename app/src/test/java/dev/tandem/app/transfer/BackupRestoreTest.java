package dev.tandem.app.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.TextLimits;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Tandem JSON backup restores whatever the store holds: the cases the round-trip property
 * ({@link RoundTripProperties}) found, each kept as an example.
 */
@Tag("unit")
class BackupRestoreTest {
    @TempDir
    Path tmp;
    private final TodoStore source = Fixtures.store();
    private final TodoStore fresh = Fixtures.store();

    @AfterEach
    void close() {
        source.close();
        fresh.close();
    }

    private void restore() {
        Path file = tmp.resolve("backup.json");
        Transfer.export(source, Format.TANDEM_JSON, file, Progress.NONE);
        Transfer.importPath(fresh, file, null, Progress.NONE);
    }

    @Test
    void jsonRestore_blankNotes_keptAsTheyWere() {
        Item it = source.add("a", null, null);
        source.update(it.id(), x -> x.withNotes(" \n"));
        restore();
        assertEquals(" \n", fresh.get(it.id()).orElseThrow().notes());
        assertEquals(Fixtures.rows(source, "items"), Fixtures.rows(fresh, "items"));
    }

    @Test
    void jsonRestore_twoListsWithOneName_stayTwoLists() {
        TodoList first = source.createList("Errands");
        TodoList second = source.createList("errands");
        source.add("in the first", first.id(), null);
        source.add("in the second", second.id(), null);
        restore();
        assertEquals(Fixtures.rows(source, "lists"), Fixtures.rows(fresh, "lists"));
        assertEquals(Fixtures.rows(source, "items"), Fixtures.rows(fresh, "items"));
    }

    @Test
    void jsonRestore_textExactlyAtTheLimits_restores() {
        TodoList list = source.createList("n".repeat(TextLimits.MAX_NAME_CHARS));
        Item it = source.add("🚋".repeat(TextLimits.MAX_TITLE_CHARS / 2), list.id(), null);
        source.update(it.id(), x -> x.withNotes("x".repeat(TextLimits.MAX_NOTES_CHARS)));
        restore();
        assertEquals(Fixtures.rows(source, "items"), Fixtures.rows(fresh, "items"));
        assertEquals(Fixtures.rows(source, "lists"), Fixtures.rows(fresh, "lists"));
    }
}
