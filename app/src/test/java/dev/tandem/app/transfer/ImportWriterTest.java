package dev.tandem.app.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.engine.ChangeEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ImportWriterTest {
    private final TodoStore store = Fixtures.store();

    @AfterEach
    void close() {
        store.close();
    }

    private static Incoming incoming(int n, String listName) {
        TodoList list = new TodoList(StableIds.derived("l\u0000" + listName), listName, null, null);
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(new Item(StableIds.derived("t" + i), list.id(), "Todo " + i, null, null, 0L, null, null, 1000L + i));
        }
        return new Incoming("test", List.of(list), items, List.of());
    }

    @Test
    void write_failureHalfWay_writesNothing() {
        store.add("Mine", null, null);
        RuntimeException boom = new RuntimeException("disk full");
        assertThrows(RuntimeException.class, () -> ImportWriter.write(store, incoming(1000, "Big"), (phase, done, total) -> {
            if (done == 500) {
                throw boom;
            }
        }));
        assertEquals(List.of("Mine"), store.allItems().stream().map(Item::title).toList());
        assertEquals(List.of(), store.lists());
    }

    @Test
    void write_listWithTheSameNameExists_usesIt() {
        TodoList mine = store.createList("groceries");
        ImportReport r = ImportWriter.write(store, incoming(2, "Groceries"), Progress.NONE);
        assertEquals(0, r.listsCreated());
        assertEquals(List.of(mine), store.lists());
        assertTrue(store.allItems().stream().allMatch(i -> mine.id().equals(i.listId())));
    }

    @Test
    void write_itemDeletedForGoodSinceTheFirstImport_staysDeleted() {
        ImportWriter.write(store, incoming(3, "L"), Progress.NONE);
        Item first = store.allItems().get(0);
        store.deleteForever(first.id());
        ImportReport again = ImportWriter.write(store, incoming(3, "L"), Progress.NONE);
        assertEquals(0, again.added());
        assertEquals(3, again.known());
        assertEquals(2, store.allItems().size());
    }

    @Test
    void write_sameIdTwiceInOneFile_keepsTheFirst() {
        Item a = new Item("dup", null, "First", null, null, 0L, null, null, 1L);
        Item b = new Item("dup", null, "Second", null, null, 0L, null, null, 2L);
        ImportReport r = ImportWriter.write(store, new Incoming("f", List.of(), List.of(a, b), List.of()), Progress.NONE);
        assertEquals(1, r.added());
        assertEquals("First", store.get("dup").orElseThrow().title());
    }

    @Test
    void write_isOneLocalCommit() throws InterruptedException {
        BlockingQueue<List<ChangeEvent>> commits = new LinkedBlockingQueue<>();
        store.replica().onCommit(ChangeEvent.Origin.LOCAL, commits::add);
        ImportWriter.write(store, incoming(300, "L"), Progress.NONE);
        Item marker = store.add("after the import", null, null);
        int before = 0;
        // Commits arrive in commit order: once the marker's is heard, the import's all were.
        for (List<ChangeEvent> c = commits.poll(10, TimeUnit.SECONDS); c != null
                && c.stream().noneMatch(e -> e.id().equals(marker.id())); c = commits.poll(10, TimeUnit.SECONDS)) {
            before++;
        }
        assertEquals(1, before, "one nudge to sync for the whole import");
    }
}
