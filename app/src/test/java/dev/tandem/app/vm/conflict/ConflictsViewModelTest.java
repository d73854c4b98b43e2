package dev.tandem.app.vm.conflict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.history.Authors;
import dev.tandem.app.sync.SyncService;
import dev.tandem.app.sync.SyncStatus;
import dev.tandem.engine.ChangeEvent;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.testing.Await;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ConflictsViewModelTest extends ConflictsViewModelFixture {
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
}
