package dev.tandem.app.vm.conflict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.history.Authors;
import dev.tandem.app.text.diff.MergeText;
import dev.tandem.engine.testing.Await;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * ConflictsViewModel's merged edit: a text conflict opened with both versions at each place, saved as
 * written to resolve it, line breaks kept, and a list name renamed through the store, each undone.
 */
@Tag("unit")
class ConflictsViewModelEditMergedTest extends ConflictsViewModelFixture {
    @Test
    void editMerged_notes_startsWithBothVersionsAtEachPlaceAndNoMarkers() throws Exception {
        conflictOnNotes("Hinge\nOil it\nTest it\n", "Hinge\nBuy WD-40 first\nTest it\n", "Hinge\nAsk Sam\nTest it\n");
        ConflictsViewModel vm = started();
        ConflictRow row = ui.get(() -> vm.conflicts().get(0));
        MergeEditorViewModel m = ui.get(() -> vm.editMerged(row).orElseThrow());
        assertEquals("Edit merged notes", m.heading());
        assertEquals("Fix the squeaky door hinge", m.subject());
        assertEquals("""
                Hinge
                Ask Sam
                Buy WD-40 first
                Test it
                """, m.textProperty().get(), "nothing is lost until the person chooses");
        assertEquals(1, m.places().size());
        assertEquals("Ask Sam", m.places().get(0).kept());
        assertEquals("Buy WD-40 first", m.places().get(0).lost());
        assertEquals("Pixel 8", m.lostDevice());
        ui.run(() -> m.choose(m.places().get(0), MergeText.Choice.LOST));
        assertEquals("Hinge\nBuy WD-40 first\nTest it\n", m.textProperty().get());
        assertEquals("Every place holds the version chosen for it.", m.statusProperty().get());

        // Typed in the text, then a choice again: asked first, and declining keeps the typing.
        ui.run(() -> m.textProperty().set("Hinge\nOil, then ask Sam\nTest it\n"));
        dialogs.confirmAnswer = false;
        ui.run(() -> m.choose(m.places().get(0), MergeText.Choice.KEPT));
        assertEquals(List.of("confirm destructive: Replace your typing?"), dialogs.asked);
        assertEquals("Hinge\nOil, then ask Sam\nTest it\n", m.textProperty().get());
        vm.close();
    }

    @Test
    void editMerged_save_writesNotesResolvesConflictAndUndoRestores() throws Exception {
        Item it = conflictOnNotes("Hinge\nOil it\n", "Hinge\nBuy WD-40 first\n", "Hinge\nAsk Sam\n");
        ConflictsViewModel vm = started();
        ConflictRow row = ui.get(() -> vm.conflicts().get(0));
        MergeEditorViewModel m = ui.get(() -> vm.editMerged(row).orElseThrow());
        ui.run(() -> m.textProperty().set("Hinge\nBuy WD-40 first, then ask Sam\n"));
        assertTrue(ui.get(m::save));
        ui.await(() -> vm.conflicts().isEmpty());
        assertEquals("Hinge\nBuy WD-40 first, then ask Sam\n", laptop.get(it.id()).orElseThrow().notes());
        assertTrue(laptop.conflicts().list().isEmpty(), "resolved in the engine too");
        assertTrue(dialogs.asked.isEmpty(), "nothing to confirm");
        assertEquals("Undo Merge notes of “Fix the squeaky door hinge”", ui.get(() -> undo.labelProperty().get()));

        // The merge is an ordinary edit: it syncs, and undo puts the kept text back.
        laptop.replica().sync(e1);
        phone.replica().sync(e2);
        assertEquals("Hinge\nBuy WD-40 first, then ask Sam\n", phone.get(it.id()).orElseThrow().notes());
        ui.run(undo::undo);
        ui.await(() -> "Hinge\nAsk Sam\n".equals(laptop.get(it.id()).orElseThrow().notes()));
        vm.close();
    }

    @Test
    void editMerged_savedAsOpened_keepsBothVersionsWithoutMarkers() throws Exception {
        Item it = conflictOnNotes("a\nb\n", "a\nphone\n", "a\nlaptop\n");
        ConflictsViewModel vm = started();
        ConflictRow row = ui.get(() -> vm.conflicts().get(0));
        MergeEditorViewModel m = ui.get(() -> vm.editMerged(row).orElseThrow());
        assertTrue(ui.get(m::save));
        ui.await(() -> vm.conflicts().isEmpty());
        assertEquals("a\nlaptop\nphone\n", laptop.get(it.id()).orElseThrow().notes());
        assertTrue(dialogs.asked.isEmpty());
        vm.close();
    }

    @Test
    void editMerged_crlfNotes_savedWithCrlfLineBreaks() throws Exception {
        Item it = conflictOnNotes("a\r\nb\r\n", "a\r\nphone\r\n", "a\r\nlaptop\r\n");
        ConflictsViewModel vm = started();
        ConflictRow row = ui.get(() -> vm.conflicts().get(0));
        MergeEditorViewModel m = ui.get(() -> vm.editMerged(row).orElseThrow());
        assertEquals("a\nlaptop\nphone\n", m.textProperty().get());
        ui.run(() -> m.textProperty().set("a\nlaptop and phone\n"));
        assertTrue(ui.get(m::save));
        ui.await(() -> vm.conflicts().isEmpty());
        assertEquals("a\r\nlaptop and phone\r\n", laptop.get(it.id()).orElseThrow().notes());
        vm.close();
    }

    @Test
    void editMerged_titleWithLineBreaks_refusedUntilOneLine() throws Exception {
        Item it = conflictOnTitle();
        ConflictsViewModel vm = started();
        ConflictRow row = ui.get(() -> vm.conflicts().get(0));
        assertTrue(row.text().inline());
        MergeEditorViewModel m = ui.get(() -> vm.editMerged(row).orElseThrow());
        assertTrue(m.singleLine());
        assertFalse(m.textProperty().get().contains("\n"), "a title starts as the kept one, one line");
        ui.run(() -> m.textProperty().set("Book flights\nto Lisbon"));
        assertFalse(ui.get(m::save));
        assertEquals("The title is one line: join the lines before saving.", m.errorProperty().get());
        ui.run(() -> m.textProperty().set("  Book flights to Lisbon or Porto "));
        assertEquals("", m.errorProperty().get());
        assertTrue(ui.get(m::save));
        ui.await(() -> vm.conflicts().isEmpty());
        assertEquals("Book flights to Lisbon or Porto", laptop.get(it.id()).orElseThrow().title());
        vm.close();
    }

    @Test
    void editMerged_listName_renamesThroughStoreAndUndoRenamesBack() throws Exception {
        new Authors(phone).register("Pixel 8");
        TodoList l = laptop.createList("Errands");
        laptop.replica().sync(e1);
        phone.replica().sync(e2);
        phone.renameList(l.id(), "Errands (town)");
        Await.pastThisMillisecond();
        laptop.renameList(l.id(), "Errands & shopping");
        phone.replica().sync(e2);
        laptop.replica().sync(e1);
        ConflictsViewModel vm = started();
        ConflictRow row = ui.get(() -> vm.conflicts().get(0));
        assertTrue(row.isText());
        MergeEditorViewModel m = ui.get(() -> vm.editMerged(row).orElseThrow());
        ui.run(() -> m.textProperty().set("Errands in town"));
        assertTrue(ui.get(m::save));
        ui.await(() -> vm.conflicts().isEmpty());
        assertEquals("Errands in town", laptop.findList("Errands in town").orElseThrow().name());
        assertEquals("Undo Merge name of List “Errands & shopping”", ui.get(() -> undo.labelProperty().get()));
        ui.run(undo::undo);
        ui.await(() -> laptop.findList("Errands & shopping").isPresent());
        vm.close();
    }
}
