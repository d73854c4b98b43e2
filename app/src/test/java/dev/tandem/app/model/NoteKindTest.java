package dev.tandem.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.history.Authors;
import dev.tandem.app.model.history.HistoryEntry;
import dev.tandem.app.model.reminder.ReminderStore;
import dev.tandem.engine.Db;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Plain notes: listed with the open todos, never in Today, Upcoming or Completed, never counted, never completed. */
@Tag("unit")
class NoteKindTest {
    private final TodoStore store = new TodoStore(Db.openMemory(), Clock.systemUTC());

    @AfterEach
    void close() {
        store.close();
    }

    private List<String> titles(Listing v) {
        return store.query(v).stream().map(Item::title).toList();
    }

    private Item note(String title, String listId, LocalDate due) {
        return store.add(title, null, listId, due, TodoDetails.note(List.of())).item();
    }

    private Map<String, Long> counts() {
        return store.db().query(Count.class, Queries.COUNTS, store.today().toString(), store.today().toString()).stream()
                .collect(Collectors.toMap(Count::id, Count::count));
    }

    @Test
    void add_withNoteDetails_storesKindNoteInTheInsert() {
        Item n = note("Packing list", null, null);
        assertTrue(n.isNote());
        assertEquals(Item.NOTE, store.get(n.id()).orElseThrow().kind());
        // One change: the kind travels with the insert, not as a second edit.
        assertEquals(1, store.history().changes("items", n.id()).size());
    }

    @Test
    void queries_noteWithDueDate_notInTodayUpcomingOrCompleted() {
        LocalDate today = store.today();
        note("Meeting notes due today", null, today);
        note("Trip ideas due later", null, today.plusDays(3));
        store.add("Todo today", null, today);
        store.add("Todo later", null, today.plusDays(3));
        assertEquals(List.of("Todo today"), titles(Listing.of(Listing.BuiltIn.TODAY)));
        assertEquals(List.of("Todo later"), titles(Listing.of(Listing.BuiltIn.UPCOMING)));
        assertEquals(List.of("Meeting notes due today", "Trip ideas due later", "Todo today", "Todo later"),
                titles(Listing.inbox()));
    }

    @Test
    void queries_completedTodoMadeANote_listedAsNoteNotCompleted() {
        Item t = store.add("Was a todo", null, null);
        store.setDone(t.id(), true);
        assertEquals(List.of("Was a todo"), titles(Listing.of(Listing.BuiltIn.COMPLETED)));
        store.setNote(t.id(), true);
        assertEquals(List.of(), titles(Listing.of(Listing.BuiltIn.COMPLETED)));
        assertEquals(List.of("Was a todo"), titles(Listing.inbox()));
    }

    @Test
    void queries_listTagSearchAndTrash_includeNotes() {
        TodoList work = store.createList("Work");
        Item n = note("Architecture notes", work.id(), null);
        store.add("Ship it", work.id(), null);
        new TagStore(store).add(n.id(), List.of("design"));
        assertEquals(List.of("Architecture notes", "Ship it"), titles(new Listing.UserListing(work.id())));
        assertEquals(List.of("Architecture notes"), titles(new Listing.TagListing("design")));
        assertEquals(List.of("Architecture notes"), titles(new Listing.SearchListing("architec")));
        store.trash(n.id());
        assertEquals(List.of("Architecture notes"), titles(Listing.of(Listing.BuiltIn.TRASH)));
    }

    @Test
    void counts_notesNeverCounted_tagOfOnlyNotesStaysWithZero() {
        TodoList work = store.createList("Work");
        LocalDate today = store.today();
        Item n = note("Standup notes", work.id(), today);
        note("Inbox note", null, null);
        store.add("Open todo", work.id(), today);
        Item done = store.add("Finished", null, null);
        store.setDone(done.id(), true);
        Item doneNote = store.add("Finished, then a note", null, null);
        store.setDone(doneNote.id(), true);
        store.setNote(doneNote.id(), true);
        Map<String, Long> m = counts();
        assertEquals(0L, m.get("inbox"));
        assertEquals(1L, m.get("today"));
        assertEquals(1L, m.get("completed"));
        assertEquals(1L, m.get("list:" + work.id()));
        new TagStore(store).add(n.id(), List.of("meetings"));
        assertEquals(List.of(new Count("meetings", 0L)), new TagStore(store).counts());
    }

    @Test
    void setDone_onANote_changesNothing() {
        Item n = note("Recipe", null, null);
        store.setDone(n.id(), true);
        assertFalse(store.get(n.id()).orElseThrow().isDone());
        assertEquals(1, store.history().changes("items", n.id()).size());
        assertTrue(new SeriesStore(store).complete(n.id()).orElseThrow().next().isEmpty());
        assertFalse(store.get(n.id()).orElseThrow().isDone());
    }

    @Test
    void reminders_noteWithReminder_isNotPending() {
        Item n = note("Ideas", null, null);
        Item t = store.add("Call", null, null);
        long at = store.clock().millis() + 60_000;
        ReminderStore reminders = new ReminderStore(store);
        reminders.setRemindAt(n.id(), at);
        reminders.setRemindAt(t.id(), at);
        assertEquals(List.of("Call"), reminders.pending().stream().map(Item::title).toList());
    }

    @Test
    void setNote_backToTodo_isAnOrdinaryAttributeEdit() {
        Item t = store.add("Flip", null, null);
        store.setNote(t.id(), true);
        store.setNote(t.id(), false);
        Item back = store.get(t.id()).orElseThrow();
        assertFalse(back.isNote());
        assertEquals(3, store.history().changes("items", t.id()).size());
        List<HistoryEntry> history = new Authors(store).history(t.id());
        assertEquals("kind", history.get(history.size() - 1).field());
    }
}
