package dev.tandem.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.outline.OutlineStore;
import dev.tandem.engine.Conflict;
import dev.tandem.engine.Db;
import dev.tandem.engine.sync.SyncEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two devices on one folder remote doing to one tree, offline, what cannot both stand as it is. */
@Tag("unit")
class TreeRepairTest {
    @TempDir
    Path tmp;

    private TodoStore laptop;
    private TodoStore phone;
    private SyncEngine e1;
    private SyncEngine e2;

    @BeforeEach
    void open() throws Exception {
        Files.createDirectories(tmp.resolve("remote"));
        laptop = new TodoStore(Db.open(tmp.resolve("laptop.db")), Clock.systemUTC());
        phone = new TodoStore(Db.open(tmp.resolve("phone.db")), Clock.systemUTC());
        e1 = SyncEngine.builder().folder(tmp.resolve("remote")).build();
        e2 = SyncEngine.builder().folder(tmp.resolve("remote")).build();
    }

    @AfterEach
    void close() {
        e1.close();
        e2.close();
        laptop.close();
        phone.close();
    }

    private void syncBoth() {
        for (int k = 0; k < 2; k++) {
            laptop.replica().sync(e1);
            laptop.repairTree();
            phone.replica().sync(e2);
            phone.repairTree();
        }
        laptop.replica().sync(e1);
    }

    @Test
    void run_parentDeletedWhileASubtaskWasAdded_keepsBothAndShowsAConflict() {
        TodoList home = laptop.createList("Home");
        Item move = laptop.add("Move house", null, home.id(), null, TodoDetails.NONE).item();
        Item van = laptop.add("Book the van", null, home.id(), move.id(), null, TodoDetails.NONE).item();
        syncBoth();
        List<String> trashed = laptop.verbs().trash(move.id());
        assertEquals(List.of(move.id(), van.id()), trashed);
        Item internet = phone.add("Cancel the internet", null, home.id(), move.id(), null, TodoDetails.NONE).item();
        syncBoth();
        for (TodoStore s : List.of(laptop, phone)) {
            assertNull(s.get(move.id()).orElseThrow().trashedAt(), "the parent is back");
            assertNull(s.get(internet.id()).orElseThrow().trashedAt(), "the new subtask stays");
            assertTrue(s.get(van.id()).orElseThrow().isTrashed(), "the subtask deleted with it stays deleted");
        }
        // The device that mended the tree (the first to hold both changes) shows the delete as the value that lost.
        TodoStore mender = null;
        Conflict c = null;
        for (TodoStore s : List.of(laptop, phone)) {
            for (Conflict k : s.conflicts().list()) {
                // Each device may hold a conflict on the field (the other's restore or delete merged in); the
                // repair's is the one it kept, on the device that mended the tree.
                if (k.entity().equals(move.id()) && k.field().equals("trashedAt")
                        && TreeRepair.AUTHOR.equals(k.keptAuthor())) {
                    mender = s;
                    c = k;
                }
            }
        }
        assertTrue(c != null, "no conflict kept by the tree's repair on either device");
        assertEquals(TreeRepair.AUTHOR, c.keptAuthor());
        mender.conflicts().useLostValue(c);
        assertTrue(mender.get(move.id()).orElseThrow().isTrashed(), "Use lost value deletes it again");
    }

    @Test
    void run_eachPutTheOtherUnderItself_breaksTheCycleTheSameWayOnBoth() {
        TodoList home = laptop.createList("Home");
        Item a = laptop.add("A", null, home.id(), null, TodoDetails.NONE).item();
        Item b = laptop.add("B", null, home.id(), null, TodoDetails.NONE).item();
        syncBoth();
        new OutlineStore(laptop).move(a.id(), new OutlineStore.Target(home.id(), b.id(), null, null));
        new OutlineStore(phone).move(b.id(), new OutlineStore.Target(home.id(), a.id(), null, null));
        syncBoth();
        String smaller = a.id().compareTo(b.id()) < 0 ? a.id() : b.id();
        String larger = smaller.equals(a.id()) ? b.id() : a.id();
        for (TodoStore s : List.of(laptop, phone)) {
            assertFalse(s.get(smaller).orElseThrow().hasParent());
            assertEquals(smaller, s.get(larger).orElseThrow().parentId());
        }
    }

    @Test
    void run_parentMovedWhileASubtaskWasAdded_subtaskFollowsToTheNewList() {
        TodoList home = laptop.createList("Home");
        TodoList work = laptop.createList("Work");
        Item p = laptop.add("Move office", null, home.id(), null, TodoDetails.NONE).item();
        syncBoth();
        new OutlineStore(laptop).move(p.id(), new OutlineStore.Target(work.id(), null, null, null));
        Item c = phone.add("Pack", null, home.id(), p.id(), null, TodoDetails.NONE).item();
        syncBoth();
        assertEquals(work.id(), laptop.get(c.id()).orElseThrow().listId());
        assertEquals(work.id(), phone.get(c.id()).orElseThrow().listId());
    }
}
