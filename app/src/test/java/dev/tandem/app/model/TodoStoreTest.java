package dev.tandem.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.history.Authors;
import dev.tandem.engine.Db;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class TodoStoreTest {
    private final TodoStore store = new TodoStore(Db.openMemory(), Clock.systemUTC());

    @AfterEach
    void close() {
        store.close();
    }

    private List<String> titles(Listing v) {
        return store.query(v).stream().map(Item::title).toList();
    }

    @Test
    void update_blankTitle_refusedAsEveryImportWouldRefuseIt() {
        Item it = store.add("a", null, null);
        Assertions.assertThrows(IllegalArgumentException.class, () -> store.update(it.id(), x -> x.withTitle("  ")));
        Assertions.assertEquals("a", store.get(it.id()).orElseThrow().title());
    }

    @Test
    void add_titleOverTheLimit_refusedNamingLengthAndLimit() {
        TextLimits.TooLongException e = Assertions.assertThrows(TextLimits.TooLongException.class,
                () -> store.add("t".repeat(12_000), null, null));
        Assertions.assertEquals("The title is 12,000 characters long; Tandem takes at most 10,000.", e.getMessage());
        Assertions.assertEquals(List.of(), store.allItems(), "nothing saved");
        Assertions.assertEquals(TextLimits.MAX_TITLE_CHARS,
                store.add("t".repeat(TextLimits.MAX_TITLE_CHARS), null, null).title().length());
    }

    @Test
    void update_notesOverTheLimit_refusedAndRowUnchanged() {
        Item it = store.add("Keep me", null, null);
        Assertions.assertThrows(TextLimits.TooLongException.class,
                () -> store.update(it.id(), x -> x.withNotes("n".repeat(TextLimits.MAX_NOTES_CHARS + 1))));
        Assertions.assertEquals(it, store.get(it.id()).orElseThrow());
    }

    @Test
    void update_storedTitleAlreadyOverTheLimit_otherFieldsStillEditable() {
        // Written by a Tandem from before the limit: kept, and checked only when the title is edited.
        Item legacy = store.db().save(Item.create("L".repeat(12_000), null, null, 1L));
        store.update(legacy.id(), x -> x.withNotes("still editable"));
        Assertions.assertEquals("still editable", store.get(legacy.id()).orElseThrow().notes());
        Assertions.assertThrows(TextLimits.TooLongException.class,
                () -> store.update(legacy.id(), x -> x.withTitle("M".repeat(12_001))));
    }

    @Test
    void renameList_nameOverTheLimit_refused() {
        TodoList l = store.createList("Home");
        Assertions.assertThrows(TextLimits.TooLongException.class,
                () -> store.renameList(l.id(), "n".repeat(TextLimits.MAX_NAME_CHARS + 1)));
        Assertions.assertThrows(TextLimits.TooLongException.class,
                () -> store.createList("n".repeat(TextLimits.MAX_NAME_CHARS + 1)));
        Assertions.assertEquals(List.of("Home"), store.lists().stream().map(TodoList::name).toList());
    }

    @Test
    void add_noList_showsInInbox() {
        store.add("Buy milk", null, null);
        assertEquals(List.of("Buy milk"), titles(Listing.inbox()));
    }

    @Test
    void add_blankTitle_isRejected() {
        Assertions.assertThrows(IllegalArgumentException.class, () -> store.add("  ", null, null));
    }

    @Test
    void query_builtInViews_splitByDueDoneAndTrash() {
        LocalDate today = store.today();
        store.add("overdue", null, today.minusDays(1));
        store.add("today", null, today);
        store.add("later", null, today.plusDays(4));
        Item done = store.add("done", null, null);
        store.setDone(done.id(), true);
        Item gone = store.add("gone", null, null);
        store.trash(gone.id());
        assertEquals(List.of("overdue", "today"), titles(Listing.of(Listing.BuiltIn.TODAY)));
        assertEquals(List.of("later"), titles(Listing.of(Listing.BuiltIn.UPCOMING)));
        assertEquals(List.of("done"), titles(Listing.of(Listing.BuiltIn.COMPLETED)));
        assertEquals(List.of("gone"), titles(Listing.of(Listing.BuiltIn.TRASH)));
        assertEquals(List.of("overdue", "today", "later"), titles(Listing.inbox()));
    }

    @Test
    void query_itemOfUnknownList_showsInInbox() {
        store.add("orphan from another device", "no-such-list", null);
        assertEquals(List.of("orphan from another device"), titles(Listing.inbox()));
    }

    @Test
    void search_prefixOfTitleOrNotes_matches() {
        Item a = store.add("Quarterly report", null, null);
        store.update(a.id(), it -> it.withNotes("numbers from finance"));
        store.add("Walk the dog", null, null);
        assertEquals(List.of("Quarterly report"), titles(new Listing.SearchListing("quart")));
        assertEquals(List.of("Quarterly report"), titles(new Listing.SearchListing("financ")));
        assertEquals(List.of(), titles(new Listing.SearchListing("cat")));
    }

    @Test
    void search_afterEditAndDelete_followsTheRows() {
        Item a = store.add("Old words", null, null);
        store.update(a.id(), it -> it.withTitle("Fresh words"));
        assertEquals(List.of(), titles(new Listing.SearchListing("old")));
        assertEquals(List.of("Fresh words"), titles(new Listing.SearchListing("fresh")));
        store.deleteForever(a.id());
        assertEquals(List.of(), titles(new Listing.SearchListing("fresh")));
    }

    @Test
    void search_operatorsAndQuotes_areLiteral() {
        store.add("Say \"hi\" AND wave", null, null);
        assertEquals(1, titles(new Listing.SearchListing("\"hi AND")).size());
        assertEquals(List.of(), titles(new Listing.SearchListing("\"")));
    }

    @Test
    void counts_perSidebarKey() {
        TodoList work = store.createList("Work");
        store.add("a", work.id(), null);
        store.add("b", null, store.today());
        List<Count> counts = new CopyOnWriteArrayList<>();
        var sub = store.subscribeCounts(store.today(), counts::addAll, Runnable::run);
        sub.close();
        Map<String, Long> m = counts.stream().collect(Collectors.toMap(Count::id, Count::count, (x, y) -> y));
        assertEquals(1L, m.get("inbox"));
        assertEquals(1L, m.get("today"));
        assertEquals(1L, m.get("list:" + work.id()));
        assertEquals(0L, m.get("trash"));
    }

    @Test
    void deleteList_trashesItems_undeleteBringsAllBack() {
        TodoList work = store.createList("Work");
        Item a = store.add("a", work.id(), null);
        List<String> trashed = store.deleteList(work.id());
        assertEquals(List.of(a.id()), trashed);
        assertTrue(store.lists().isEmpty());
        assertTrue(store.get(a.id()).orElseThrow().isTrashed());
        store.undeleteList(work.id(), trashed);
        assertEquals(List.of("Work"), store.lists().stream().map(TodoList::name).toList());
        assertFalse(store.get(a.id()).orElseThrow().isTrashed());
    }

    @Test
    void emptyTrash_deletesForGood_restoreDeletedUndoes() {
        Item a = store.add("a", null, null);
        store.trash(a.id());
        List<String> ids = store.emptyTrash();
        assertEquals(List.of(a.id()), ids);
        assertTrue(store.get(a.id()).isEmpty());
        store.restoreDeleted(ids);
        assertEquals("a", store.get(a.id()).orElseThrow().title());
    }

    @Test
    void forgetOrphans_tagsOfTodosGoneForGood_goAndThoseOfRestorableTodosStay() {
        Item a = store.add("a", null, null);
        new TagStore(store).add(a.id(), List.of("home"));
        store.trash(a.id());
        List<String> ids = store.emptyTrash();
        // The tag row of a todo sync has forgotten whole (no row, no history), as a sweep leaves it.
        store.db().save(new ItemTag(DerivedIds.tag("forgotten-todo", "work"), "forgotten-todo", "work", null));
        assertEquals(1, TagStore.forgetOrphans(store.db()));
        assertEquals(0, TagStore.forgetOrphans(store.db()));
        store.restoreDeleted(ids);
        assertEquals(List.of("home"), new TagStore(store).of(a.id()), "a restore still brings its tags back");
    }

    @Test
    void update_unchanged_recordsNoChange() {
        Item a = store.add("a", null, null);
        Authors authors = new Authors(store);
        int before = authors.history(a.id()).size();
        store.update(a.id(), it -> it);
        assertEquals(before, authors.history(a.id()).size());
    }

    @Test
    void createList_twoWritersAtOnce_everyListGetsItsOwnPosition() throws Exception {
        int each = 40;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < each; i++) {
                        store.createList("w" + writer + "-" + i);
                    }
                }));
            }
            for (Future<?> f : writers) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<Long> positions = store.lists().stream().map(TodoList::position).toList();
        assertEquals(2 * each, positions.size());
        assertEquals(2 * each, new HashSet<>(positions).size(), "positions shared: " + positions);
    }
}
