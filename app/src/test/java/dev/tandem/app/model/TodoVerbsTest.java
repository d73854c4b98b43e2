package dev.tandem.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Db;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class TodoVerbsTest {
    private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    private final TodoStore store = new TodoStore(Db.openMemory(), Clock.fixed(NOW, ZoneOffset.UTC), ZoneOffset.UTC);
    private final TodoVerbs verbs = store.verbs();

    @AfterEach
    void close() {
        store.close();
    }

    private Item weekly() {
        return store.add("Water plants", null, null, LocalDate.of(2026, 11, 23),
                new TodoDetails(null, List.of(), Recurrence.weekly(Set.of(DayOfWeek.MONDAY)), null)).item();
    }

    private Item under(Item parent, String title) {
        return store.add(title, null, null, parent.id(), null, TodoDetails.NONE).item();
    }

    private Item get(Item it) {
        return store.get(it.id()).orElseThrow();
    }

    @Test
    void complete_repeatingWithOpenSubtasks_completesThemAndMakesTheNextWithFreshOnes() {
        Item plants = weekly();
        Item fern = under(plants, "Fern");
        Completed c = verbs.complete(plants.id(), true).orElseThrow();
        assertTrue(c.changed());
        assertEquals(List.of(fern.id()), c.subtasks());
        assertTrue(get(plants).isDone());
        assertTrue(get(fern).isDone());
        Item next = c.next().orElseThrow();
        assertEquals("2026-11-30", next.due());
        Item freshFern = store.get(DerivedIds.freshChild(next.id(), fern.id())).orElseThrow();
        assertFalse(freshFern.isDone());
    }

    @Test
    void complete_withoutSubtasks_leavesThemOpen() {
        Item trip = store.add("Trip", null, null);
        Item tickets = under(trip, "Tickets");
        Completed c = verbs.complete(trip.id(), false).orElseThrow();
        assertEquals(List.of(), c.subtasks());
        assertNull(c.created());
        assertTrue(get(trip).isDone());
        assertFalse(get(tickets).isDone());
    }

    @Test
    void uncomplete_afterCompletingWithSubtasks_putsBackWhatWasThere() {
        Item plants = weekly();
        Item fern = under(plants, "Fern");
        Completed c = verbs.complete(plants.id(), true).orElseThrow();
        verbs.uncomplete(c);
        assertFalse(get(plants).isDone());
        assertFalse(get(fern).isDone());
        assertTrue(store.get(c.created().id()).isEmpty());
        assertTrue(store.get(DerivedIds.freshChild(c.created().id(), fern.id())).isEmpty());
    }

    @Test
    void complete_noteOrDone_changesNothing() {
        Item note = store.add("Packing list", null, null);
        store.setNote(note.id(), true);
        assertFalse(verbs.complete(note.id(), true).orElseThrow().changed());
        assertFalse(get(note).isDone());
        Item plants = weekly();
        verbs.complete(plants.id(), false);
        Completed again = verbs.complete(plants.id(), false).orElseThrow();
        assertFalse(again.changed());
        assertNull(again.created());
        assertTrue(verbs.complete("no-such-id", false).isEmpty());
    }

    @Test
    void reopen_thenUnreopen_bringsBackTheDoneTime() {
        Item milk = store.add("Milk", null, null);
        verbs.complete(milk.id(), false);
        Item done = get(milk);
        Item before = verbs.reopen(milk.id()).orElseThrow();
        assertFalse(get(milk).isDone());
        verbs.unreopen(before);
        assertTrue(get(milk).isDone());
        assertEquals(done.doneAt(), get(milk).doneAt());
    }

    @Test
    void trash_parent_takesItsSubtasksAndRestoreBringsThemBack() {
        Item trip = store.add("Trip", null, null);
        Item tickets = under(trip, "Tickets");
        Item seat = under(tickets, "Seat");
        assertEquals(List.of(trip.id(), tickets.id(), seat.id()), verbs.trash(trip.id()));
        assertTrue(get(seat).isTrashed());
        assertEquals(List.of(), verbs.trash(trip.id()));
        assertEquals(Set.of(trip.id(), tickets.id(), seat.id()), Set.copyOf(verbs.restore(trip.id())));
        assertFalse(get(seat).isTrashed());
    }

    @Test
    void restore_subtaskUnderTrashedParent_bringsTheParentBackToo() {
        Item trip = store.add("Trip", null, null);
        Item tickets = under(trip, "Tickets");
        List<String> ids = verbs.trash(trip.id());
        verbs.restore(List.of(tickets.id()));
        assertFalse(get(trip).isTrashed());
        verbs.retrash(ids);
        assertTrue(get(trip).isTrashed());
        assertTrue(get(tickets).isTrashed());
    }

    @Test
    void snooze_movesTheReminderTenMinutesFromNow() {
        Item call = store.add("Call", null, null);
        Item before = verbs.snooze(call.id()).orElseThrow();
        assertNull(before.remindAt());
        assertEquals(NOW.plus(TodoVerbs.SNOOZE).toEpochMilli(), get(call).remindAt());
    }
}
