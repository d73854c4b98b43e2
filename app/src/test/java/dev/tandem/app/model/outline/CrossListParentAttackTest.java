package dev.tandem.app.model.outline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.engine.Db;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shared list's member names one of this person's private todos as their todo's parent (a modified client
 * can: the parent is just an id), as sync leaves their rows here: nothing crosses the shared list's edge.
 */
@Tag("unit")
class CrossListParentAttackTest {
    @TempDir
    Path dir;

    @Test
    void repairTree_memberTodoUnderAPrivateTodo_movesNothingIntoOrOutOfThePrivateListOrTheTrash() throws Exception {
        ExecutorService serial = Executors.newSingleThreadExecutor();
        try (TodoStore store = new TodoStore(Db.open(dir.resolve("victim.db")), Clock.systemUTC())) {
            TodoList family = store.createList("Family");
            TodoList diary = store.createList("Diary");
            store.setSharedLists(() -> Set.of(family.id()));
            Item secret = store.add("Therapy notes", null, diary.id(), null, TodoDetails.NONE).item();
            Item gone = store.add("Old secret", null, diary.id(), null, TodoDetails.NONE).item();
            store.trash(gone.id());
            Item honest = store.add("Milk", null, family.id(), null, TodoDetails.NONE).item();
            // The member's batch, as sync writes it into this device's rows.
            Item[] member = new Item[2];
            store.db().transaction(tx -> {
                long now = System.currentTimeMillis();
                member[0] = tx.save(Item.create("Under your secret", family.id(), null, now).withParentId(secret.id()));
                member[1] = tx.save(Item.create("Out of your Trash", family.id(), null, now).withParentId(gone.id()));
            });

            assertEquals(0, store.repairTree());
            assertEquals(family.id(), store.get(member[0].id()).orElseThrow().listId(), "stays in the shared list");
            assertEquals(family.id(), store.get(member[1].id()).orElseThrow().listId());
            assertTrue(store.get(gone.id()).orElseThrow().isTrashed(), "the private todo stays in the Trash");
            assertEquals(diary.id(), store.get(secret.id()).orElseThrow().listId());

            LiveOutlineTest.Lines shared = new LiveOutlineTest.Lines();
            LiveOutlineTest.Lines mine = new LiveOutlineTest.Lines();
            LiveOutline.open(store.db(), family.id(), shared, serial);
            LiveOutline.open(store.db(), diary.id(), mine, serial);
            // Unranked (as another program writes them) before the ranked, then by age and id.
            LiveOutlineTest.awaitLines(List.of("0 Under your secret 0/0", "0 Out of your Trash 0/0", "0 Milk 0/0"), shared);
            LiveOutlineTest.awaitLines(List.of("0 Therapy notes 0/0"), mine);
            // Completing it counts under nothing private either.
            store.setDone(member[0].id(), true);
            LiveOutlineTest.awaitLines(List.of("0 Out of your Trash 0/0", "0 Milk 0/0"), shared);
            LiveOutlineTest.awaitLines(List.of("0 Therapy notes 0/0"), mine);
            assertNull(store.get(honest.id()).orElseThrow().parentId());
        } finally {
            serial.shutdownNow();
        }
    }

    @Test
    void outdent_underAMemberTodoWhoseParentIsPrivate_staysInTheSharedList() {
        try (TodoStore store = new TodoStore(Db.open(dir.resolve("outdent.db")), Clock.systemUTC())) {
            TodoList family = store.createList("Family");
            TodoList diary = store.createList("Diary");
            store.setSharedLists(() -> Set.of(family.id()));
            Item secret = store.add("Therapy notes", null, diary.id(), null, TodoDetails.NONE).item();
            Item[] member = new Item[1];
            store.db().transaction(tx -> member[0] = tx.save(Item.create("Under your secret", family.id(), null,
                    System.currentTimeMillis()).withParentId(secret.id())));
            Item mine = store.add("Milk", null, family.id(), member[0].id(), null, TodoDetails.NONE).item();

            new OutlineStore(store).outdent(mine.id());

            Item after = store.get(mine.id()).orElseThrow();
            assertEquals(family.id(), after.listId(), "outdented beside its parent, not into the private list");
            assertNull(after.parentId());
        }
    }

    @Test
    void repairTree_privateSubtaskNamingAnotherPrivateList_stillTakesItsParentsList() {
        try (TodoStore store = new TodoStore(Db.open(dir.resolve("own.db")), Clock.systemUTC())) {
            TodoList home = store.createList("Home");
            TodoList work = store.createList("Work");
            TodoList family = store.createList("Family");
            store.setSharedLists(() -> Set.of(family.id()));
            Item p = store.add("Move house", null, home.id(), null, TodoDetails.NONE).item();
            Item c = store.add("Book the van", null, home.id(), p.id(), null, TodoDetails.NONE).item();
            store.update(c.id(), i -> i.withListId(work.id()));
            assertEquals(1, store.repairTree());
            assertEquals(home.id(), store.get(c.id()).orElseThrow().listId());
        }
    }
}
