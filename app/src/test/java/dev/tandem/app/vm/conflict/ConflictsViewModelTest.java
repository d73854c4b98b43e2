package dev.tandem.app.vm.conflict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.history.Authors;
import dev.tandem.app.sync.SyncService;
import dev.tandem.app.sync.SyncStatus;
import dev.tandem.app.testing.FakeDialogs;
import dev.tandem.app.testing.TestUi;
import dev.tandem.app.text.diff.MergeText;
import dev.tandem.app.vm.shared.UndoManager;
import dev.tandem.engine.ChangeEvent;
import dev.tandem.engine.Db;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.engine.testing.Await;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ConflictsViewModelTest {
    private final TestUi ui = new TestUi();
    private final SyncStorage shared = SyncStorage.memory();
    private final TodoStore laptop = new TodoStore(Db.openMemory(), Clock.systemUTC());
    private final TodoStore phone = new TodoStore(Db.openMemory(), Clock.systemUTC());
    private final SyncEngine e1 = SyncEngine.builder().storage(shared).build();
    private final SyncEngine e2 = SyncEngine.builder().storage(shared).build();
    private final FakeDialogs dialogs = new FakeDialogs();
    private final Async async = new Async(Runnable::run, ui, e -> {
        throw new AssertionError(e);
    });
    private final UndoManager undo = new UndoManager(async);

    @AfterEach
    void close() {
        e1.close();
        e2.close();
        laptop.close();
        phone.close();
        ui.close();
    }

    /** Both devices retitle one todo before syncing; the later edit (the laptop's) wins on both. */
    private Item conflictOnTitle() {
        new Authors(phone).register("Pixel 8");
        Item it = laptop.add("Book flights", null, null);
        laptop.replica().sync(e1);
        phone.replica().sync(e2);
        phone.update(it.id(), x -> x.withTitle("Book flights to Porto"));
        Await.pastThisMillisecond();
        laptop.update(it.id(), x -> x.withTitle("Book flights to Lisbon"));
        phone.replica().sync(e2);
        laptop.replica().sync(e1);
        return it;
    }

    @Test
    void conflicts_afterConcurrentEdits_showKeptLostAndDevices() throws Exception {
        Item it = conflictOnTitle();
        ConflictsViewModel vm = new ConflictsViewModel(laptop, async, undo, dialogs);
        AtomicInteger unseen = new AtomicInteger(-1);
        vm.onCounts((total, u) -> unseen.set(u));
        ui.run(vm::start);
        ui.await(() -> vm.conflicts().size() == 1);
        ConflictRow row = ui.get(() -> vm.conflicts().get(0));
        assertEquals("Book flights to Lisbon", row.itemTitle());
        assertEquals("Title", row.field());
        assertEquals("Book flights to Lisbon", row.kept());
        assertEquals("This device", row.keptDevice());
        assertEquals("Book flights to Porto", row.lost());
        assertEquals("Pixel 8", row.lostDevice());
        ui.await(() -> unseen.get() == 1);

        ui.run(vm::markSeen);
        ui.await(() -> unseen.get() == 0);

        ui.run(() -> vm.useLostValue(row));
        ui.await(() -> vm.conflicts().isEmpty());
        assertEquals("Book flights to Porto", laptop.get(it.id()).orElseThrow().title());
        vm.close();
    }

    @Test
    void useLostValue_titleConflict_syncServiceHearsItAndPushes() throws Exception {
        Item it = conflictOnTitle();
        laptop.replica().sync(e1);
        // Wired as Device wires it: nothing but the engine tells the service of local writes.
        try (SyncService sync = new SyncService(laptop.replica(), Clock.systemUTC(), new Random(1))) {
            sync.setDebounce(Duration.ofMillis(50));
            sync.configure(SyncEngine.builder().storage(shared).build(), Duration.ofHours(1));
            ui.await(() -> sync.status().state() == SyncStatus.State.IDLE && sync.status().lastReport() != null);
            assertEquals(0, sync.status().pendingChanges());
            ConflictsViewModel vm = started();
            ConflictRow row = ui.get(() -> vm.conflicts().get(0));

            ui.run(() -> vm.useLostValue(row));
            ui.await(() -> vm.conflicts().isEmpty());

            assertEquals("Book flights to Porto", laptop.get(it.id()).orElseThrow().title());
            ui.await(() -> sync.status().lastReport().pushed() > 0 && sync.status().pendingChanges() == 0);
            phone.replica().sync(e2);
            assertEquals("Book flights to Porto", phone.get(it.id()).orElseThrow().title(), "the lost value was pushed");
            vm.close();
        }
    }

    @Test
    void conflicts_offlineEditThenTrashEmptiedElsewhere_editorSeesItAndRestoresIntoItsList() throws Exception {
        new Authors(laptop).register("MacBook Air");
        TodoList home = laptop.createList("Home");
        Item it = laptop.add("Fix the gate", home.id(), null);
        laptop.replica().sync(e1);
        phone.replica().sync(e2);
        // The phone edits offline; the laptop trashes the todo and empties the Trash, and syncs first.
        phone.update(it.id(), x -> x.withTitle("Fix the gate latch"));
        Await.pastThisMillisecond();
        laptop.trash(it.id());
        laptop.emptyTrash();
        laptop.replica().sync(e1);
        phone.replica().sync(e2);
        assertTrue(phone.get(it.id()).isEmpty());

        ConflictsViewModel vm = new ConflictsViewModel(phone, async, undo, dialogs);
        ui.run(vm::start);
        ui.await(() -> vm.conflicts().size() == 1);
        ConflictRow row = ui.get(() -> vm.conflicts().get(0));
        assertTrue(row.summary(Instant.now()).startsWith("Deleted on MacBook Air after your edit"), row.summary(Instant.now()));
        assertEquals("deleted", row.kept());
        assertEquals("MacBook Air", row.keptDevice());
        assertEquals("Fix the gate latch", row.lost());
        assertEquals("This device", row.lostDevice());
        assertEquals("Restore my version", row.useLabel());

        AtomicInteger localCommits = new AtomicInteger();
        phone.replica().onCommit(ChangeEvent.Origin.LOCAL, events -> localCommits.incrementAndGet());
        ui.run(() -> vm.useLostValue(row));
        ui.await(() -> vm.conflicts().isEmpty());
        Item back = phone.get(it.id()).orElseThrow();
        assertEquals("Fix the gate latch", back.title());
        assertEquals(null, back.trashedAt(), "restored into its list, not into the Trash");
        assertEquals(home.id(), back.listId());
        ui.await(() -> localCommits.get() > 0);
        assertTrue(phone.replica().pendingChanges(e2) > 0, "the restore waits to be pushed");
        phone.replica().sync(e2);
        laptop.replica().sync(e1);
        assertEquals("Fix the gate latch", laptop.get(it.id()).orElseThrow().title());
        vm.close();
    }

    @Test
    void conflicts_editAfterTrashEmptiedElsewhere_showsTheDeleteAsKeptAndRestoresIntoItsList() throws Exception {
        new Authors(phone).register("Pixel 8");
        TodoList home = laptop.createList("Home");
        Item it = laptop.add("Fix the gate", home.id(), null);
        laptop.replica().sync(e1);
        phone.replica().sync(e2);
        laptop.trash(it.id());
        laptop.emptyTrash();
        Await.pastThisMillisecond();
        // The phone edits after the delete (in clock order), without having seen it.
        phone.update(it.id(), x -> x.withTitle("Fix the gate latch"));
        laptop.replica().sync(e1);
        phone.replica().sync(e2);
        laptop.replica().sync(e1);

        ConflictsViewModel vm = new ConflictsViewModel(laptop, async, undo, dialogs);
        ui.run(vm::start);
        ui.await(() -> vm.conflicts().size() == 1);
        ConflictRow row = ui.get(() -> vm.conflicts().get(0));
        assertTrue(row.summary(Instant.now()).startsWith("Edited on Pixel 8 after it was deleted on this device"),
                row.summary(Instant.now()));
        assertEquals("deleted", row.kept(), "kept and lost are no longer the same value");
        assertEquals("This device", row.keptDevice());
        assertEquals("Fix the gate latch", row.lost());
        assertEquals("Pixel 8", row.lostDevice());
        assertEquals("Restore the edited version", row.useLabel());
        ui.run(() -> vm.useLostValue(row));
        ui.await(() -> vm.conflicts().isEmpty());
        Item back = laptop.get(it.id()).orElseThrow();
        assertEquals("Fix the gate latch", back.title());
        assertEquals(null, back.trashedAt(), "restored into its list, not into the Trash");
        vm.close();
    }

    @Test
    void dismiss_hidesConflictAndKeepsValue() throws Exception {
        Item it = conflictOnTitle();
        ConflictsViewModel vm = new ConflictsViewModel(laptop, async, undo, dialogs);
        ui.run(vm::start);
        ui.await(() -> vm.conflicts().size() == 1);
        ConflictRow row = ui.get(() -> vm.conflicts().get(0));
        ui.run(() -> vm.dismiss(row));
        ui.await(() -> vm.conflicts().isEmpty());
        assertEquals("Book flights to Lisbon", laptop.get(it.id()).orElseThrow().title());
        vm.close();
    }

    /** Both devices edit one line of a todo's notes before syncing; the laptop's later edit wins. */
    private Item conflictOnNotes(String base, String onPhone, String onLaptop) {
        new Authors(phone).register("Pixel 8");
        new Authors(laptop).register("MacBook Air");
        Item it = laptop.add("Fix the squeaky door hinge", null, null);
        laptop.update(it.id(), x -> x.withNotes(base));
        laptop.replica().sync(e1);
        phone.replica().sync(e2);
        phone.update(it.id(), x -> x.withNotes(onPhone));
        Await.pastThisMillisecond();
        laptop.update(it.id(), x -> x.withNotes(onLaptop));
        phone.replica().sync(e2);
        laptop.replica().sync(e1);
        return it;
    }

    private ConflictsViewModel started() {
        ConflictsViewModel vm = new ConflictsViewModel(laptop, async, undo, dialogs);
        ui.run(vm::start);
        ui.await(() -> vm.conflicts().size() == 1);
        return vm;
    }

    @Test
    void conflicts_notesEditedOnTwoDevices_rowCarriesLineDiffLostToKept() throws Exception {
        conflictOnNotes("Hinge on the bathroom door\nOil it\nTest it\n",
                "Hinge on the bathroom door\nBuy WD-40 first\nTest it\n",
                "Hinge on the bathroom door\nAsk Sam to oil it on Saturday\nTest it\n");
        ConflictsViewModel vm = started();
        ConflictRow row = ui.get(() -> vm.conflicts().get(0));
        assertTrue(row.isText());
        assertFalse(row.text().inline());
        assertEquals(List.of("  Hinge on the bathroom door", "- Buy WD-40 first", "+ Ask Sam to oil it on Saturday",
                "  Test it"), ui.get(() -> row.text().lines().stream().map(d -> switch (d.kind()) {
                    case SAME -> "  ";
                    case REMOVED -> "- ";
                    case ADDED -> "+ ";
                    case FOLD -> "~ ";
                } + d.text()).toList()));
        assertTrue(row.lostLegend(Instant.now()).startsWith("1 line only in the lost version · Pixel 8"));
        assertEquals("1 line only in the kept version · This device", row.keptLegend());
        vm.close();
    }

    @Test
    void conflicts_listRefreshes_sameTextConflictKeptSoOpenedFoldsStayOpen() throws Exception {
        String base = String.join("\n", IntStream.rangeClosed(1, 20).mapToObj(i -> "step " + i).toList());
        conflictOnNotes(base, base.replace("step 20", "step 20 (phone)"), base.replace("step 20", "step 20 (laptop)"));
        ConflictsViewModel vm = started();
        ConflictRow row = ui.get(() -> vm.conflicts().get(0));
        ui.run(() -> row.text().expand(row.text().lines().get(0)));
        ui.run(vm::markSeen);
        ui.await(() -> vm.conflicts().get(0).seen());
        ConflictRow refreshed = ui.get(() -> vm.conflicts().get(0));
        assertSame(row.text(), refreshed.text());
        assertEquals("step 1", ui.get(() -> refreshed.text().lines().get(0).text()));
        vm.close();
    }

    @Test
    void conflicts_dueDateConflict_isNotText() throws Exception {
        new Authors(phone).register("Pixel 8");
        Item it = laptop.add("Book flights", null, null);
        laptop.replica().sync(e1);
        phone.replica().sync(e2);
        phone.update(it.id(), x -> x.withDue(LocalDate.of(2026, 12, 1)));
        Await.pastThisMillisecond();
        laptop.update(it.id(), x -> x.withDue(LocalDate.of(2026, 11, 29)));
        phone.replica().sync(e2);
        laptop.replica().sync(e1);
        ConflictsViewModel vm = started();
        ConflictRow row = ui.get(() -> vm.conflicts().get(0));
        assertFalse(row.isText());
        assertNull(row.text());
        assertTrue(ui.get(() -> vm.editMerged(row)).isEmpty());
        vm.close();
    }

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
