package dev.tandem.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.app.model.filter.Filter;
import dev.tandem.engine.sync.SyncEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A list made by name on two devices before they synced is one row by construction (its id comes
 * from the name): it merges without a conflict on any device, a later one too, and no sidebar is
 * reordered. Real profile databases ({@link Schema#database}) on a folder remote.
 */
@Tag("unit")
class ListByNameSyncTest {
    @TempDir
    Path tmp;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private TodoStore device(String name, long millis) throws Exception {
        Files.createDirectories(tmp.resolve(name));
        TodoStore s = TodoStore.open(Schema.database(tmp.resolve(name).resolve("tandem.db")),
                Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC), ZoneOffset.UTC);
        open.add(s);
        return s;
    }

    private SyncEngine engine() throws Exception {
        Files.createDirectories(tmp.resolve("remote"));
        SyncEngine e = SyncEngine.builder().folder(tmp.resolve("remote")).build();
        open.add(e);
        return e;
    }

    private static List<String> sidebar(TodoStore s) {
        return s.lists().stream().map(TodoList::name).toList();
    }

    @Test
    void sync_listMadeByNameOnTwoDevicesOffline_noConflictAnywhereAndNoListMoves() throws Exception {
        SyncEngine remote = engine();
        TodoStore a = device("a", 1_795_856_512_766L);
        TodoStore b = device("b", 1_795_856_511_239L);
        for (String list : List.of("Work", "Home", "Shopping")) {
            a.createList(list);
        }
        a.add("Buy stamps", "Errands", null, null, TodoDetails.NONE);
        b.add("Buy envelopes", "Errands", null, null, TodoDetails.NONE);
        assertEquals(List.of("Work", "Home", "Shopping", "Errands"), sidebar(a));

        a.replica().sync(remote);
        b.replica().sync(remote);
        a.replica().sync(remote);

        TodoStore c = device("c", 1_795_856_600_000L);
        c.replica().sync(remote);
        for (TodoStore s : List.of(a, b, c)) {
            assertEquals(List.of(), new ConflictStore(s).list(), "no conflict");
            assertEquals(List.of("Work", "Home", "Shopping", "Errands"), sidebar(s), "the sidebar keeps its order");
            TodoList errands = s.findList("Errands").orElseThrow();
            assertEquals(1_795_856_511_239L, errands.createdAt(), "made when it was first made");
            assertEquals(2, s.allItems().stream().filter(i -> errands.id().equals(i.listId())).count());
        }
        // Once more round: the merge changes some devices wrote settle nothing anew.
        b.replica().sync(remote);
        a.replica().sync(remote);
        c.replica().sync(remote);
        for (TodoStore s : List.of(a, b, c)) {
            assertEquals(List.of(), new ConflictStore(s).list(), "no conflict");
            assertEquals(List.of("Work", "Home", "Shopping", "Errands"), sidebar(s));
        }
    }

    @Test
    void sync_smartListSavedByNameOnTwoDevicesOffline_noConflictAndItStaysLast() throws Exception {
        SyncEngine remote = engine();
        TodoStore a = device("a", 2_000L);
        TodoStore b = device("b", 1_000L);
        new SavedFilters(a).save("Urgent", new Filter.Priority(1), "");
        new SavedFilters(a).save("Someday", new Filter.Priority(4), "");
        new SavedFilters(a).save("Errands", new Filter.Priority(2), "");
        new SavedFilters(b).save("Errands", new Filter.Priority(2), "");

        a.replica().sync(remote);
        b.replica().sync(remote);
        a.replica().sync(remote);

        for (TodoStore s : List.of(a, b)) {
            assertEquals(List.of(), new ConflictStore(s).list(), "no conflict");
            assertEquals(List.of("Urgent", "Someday", "Errands"),
                    new SavedFilters(s).all().stream().map(SavedFilter::name).toList());
            assertEquals(1_000L, new SavedFilters(s).named("Errands").orElseThrow().createdAt());
        }
    }
}
