package dev.tandem.app.vm.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.history.HistoryEntry;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class HistoryLineTest {
    private static HistoryEntry e(String change, String field, Object value) {
        return new HistoryEntry(change, Instant.EPOCH, "Laptop", false, field, value);
    }

    @Test
    void describe_insertThenEdits_readsNewestFirst() {
        List<HistoryLine> lines = HistoryLine.describe(List.of(
                e("1", "title", "Buy milk"), e("1", "notes", null), e("1", "createdAt", 5L),
                e("2", "done", 1L), e("2", "doneAt", 9L),
                e("3", "due", "2026-12-01"),
                e("4", "listId", "L1"),
                e("5", "trashedAt", 10L)), id -> "Groceries");
        assertEquals(List.of("Moved to the Trash", "Moved to Groceries", "Due Tue 1 Dec 2026", "Completed", "Created “Buy milk”"),
                lines.stream().map(HistoryLine::what).toList());
        assertEquals("Laptop", lines.get(0).device());
    }

    @Test
    void describe_tagEntries_readAsTaggedAndRemovedNeverAsCreated() {
        List<HistoryLine> lines = HistoryLine.describe(List.of(
                e("0", HistoryEntry.TAG_ADDED, "errand"),
                e("1", "title", "Buy milk"),
                e("2", HistoryEntry.TAG_REMOVED, "errand"),
                e("3", "done", 1L)), id -> "Groceries");
        assertEquals(List.of("Completed", "Removed the tag @errand", "Created “Buy milk”", "Tagged @errand"),
                lines.stream().map(HistoryLine::what).toList());
    }

    @Test
    void describe_restoreCarryingEveryValue_readsAsRestoredOnly() {
        List<HistoryLine> lines = HistoryLine.describe(List.of(
                e("1", "title", "Buy milk"),
                e("2", "_deleted", 1L),
                e("3", "_deleted", 0L), e("3", "title", "Buy milk"), e("3", "notes", "2 litres"), e("3", "done", 0L)),
                id -> "Groceries");
        assertEquals(List.of("Restored", "Deleted", "Created “Buy milk”"), lines.stream().map(HistoryLine::what).toList());
    }

    @Test
    void fieldChange_clearingValues_readsAsRemoval() {
        assertEquals("Removed the due date", HistoryLine.fieldChange("due", null, x -> x));
        assertEquals("Cleared the notes", HistoryLine.fieldChange("notes", "", x -> x));
        assertEquals("Restored from the Trash", HistoryLine.fieldChange("trashedAt", null, x -> x));
        assertEquals("Reopened", HistoryLine.fieldChange("done", 0L, x -> x));
        assertEquals("Moved to Inbox", HistoryLine.fieldChange("listId", null, x -> x));
    }

    @Test
    void fieldChange_kind_saysNoteOrTodo() {
        assertEquals("Made a note", HistoryLine.fieldChange("kind", "note", x -> x));
        assertEquals("Made a todo", HistoryLine.fieldChange("kind", null, x -> x));
    }

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void fieldChange_timeAndLength_sayThemOrRemoved() {
        assertEquals("At 14:00", HistoryLine.fieldChange("dueTime", "14:00", x -> x, BERLIN));
        assertEquals("Removed the time", HistoryLine.fieldChange("dueTime", null, x -> x, BERLIN));
        assertEquals("Takes 1 h 30 min", HistoryLine.fieldChange("durationMinutes", 90L, x -> x, BERLIN));
        assertEquals("Takes 30 min", HistoryLine.fieldChange("durationMinutes", "30", x -> x, BERLIN));
        assertEquals("Removed the length", HistoryLine.fieldChange("durationMinutes", null, x -> x, BERLIN));
    }

    @Test
    void fieldChange_remindAt_saysWhenOrRemoved() {
        long at = LocalDateTime.of(2025, 11, 24, 9, 0).atZone(BERLIN).toInstant().toEpochMilli();
        assertEquals("Reminder set for Mon 24 Nov, 9:00", HistoryLine.fieldChange("remindAt", at, x -> x, BERLIN));
        assertEquals("Reminder set for Mon 24 Nov, 9:00",
                HistoryLine.fieldChange("remindAt", String.valueOf(at), x -> x, BERLIN));
        assertEquals("Removed the reminder", HistoryLine.fieldChange("remindAt", null, x -> x, BERLIN));
        assertEquals("Dismissed the reminder", HistoryLine.fieldChange("remindDismissed", at, x -> x, BERLIN));
        assertNull(HistoryLine.fieldChange("remindDismissed", null, x -> x, BERLIN));
    }

    @Test
    void fieldChange_priority_saysTheLevelOrRemoved() {
        assertEquals("Priority 2", HistoryLine.fieldChange("priority", 2L, x -> x));
        assertEquals("Removed the priority", HistoryLine.fieldChange("priority", null, x -> x));
    }

    @Test
    void fieldChange_repeat_describesARuleTheAppReads() {
        assertEquals("Repeats every week", HistoryLine.fieldChange("repeat", "FREQ=WEEKLY", x -> x));
        assertEquals("Repeats every Monday", HistoryLine.fieldChange("repeat", "FREQ=WEEKLY;BYDAY=MO", x -> x));
        assertEquals("Repeats every month on the 1st",
                HistoryLine.fieldChange("repeat", "FREQ=MONTHLY;BYMONTHDAY=1", x -> x));
        assertEquals("Changed the repeat", HistoryLine.fieldChange("repeat", "FREQ=HOURLY;COUNT=3", x -> x));
        assertEquals("Stopped repeating", HistoryLine.fieldChange("repeat", null, x -> x));
        assertNull(HistoryLine.fieldChange("seriesId", "0193a1b2-0000-7000-8000-000000000000", x -> x));
    }

    @Test
    void fieldChange_bookkeepingFields_areNotShown() {
        for (String f : List.of("id", "createdAt", "doneAt", "seriesId", "position", "tags")) {
            assertNull(HistoryLine.fieldChange(f, 5L, x -> x), f);
        }
    }

    @Test
    void fieldChange_unknownField_readsAsWordsNotTheColumnName() {
        assertEquals("Changed color label", HistoryLine.fieldChange("colorLabel", "red", x -> x));
        assertEquals("Changed estimate", HistoryLine.fieldChange("estimate", 3L, x -> x));
        assertEquals("Changed url of page", HistoryLine.fieldChange("URLOfPage", "x", x -> x));
        assertEquals("Changed snooze count", HistoryLine.fieldChange("_snooze_count", 1L, x -> x));
    }

    @Test
    void fieldChange_everyItemColumn_hasASentenceOrIsHidden() {
        for (var c : Item.class.getRecordComponents()) {
            for (Object value : Arrays.asList(null, 1L)) {
                String what = HistoryLine.fieldChange(c.getName(), value, x -> "L");
                assertTrue(what == null || !what.equals("Changed " + HistoryLine.readable(c.getName())),
                        c.getName() + " falls back: " + what);
            }
        }
    }

    @Test
    void describe_reminderAndPriority_readAsSentences() {
        long at = LocalDateTime.of(2025, 11, 24, 9, 0).atZone(BERLIN).toInstant().toEpochMilli();
        List<HistoryLine> lines = HistoryLine.describe(List.of(
                e("1", "title", "Call Sam"),
                e("2", "remindAt", at), e("3", "priority", 1L),
                e("4", "repeat", "FREQ=WEEKLY"), e("4", "seriesId", "s1")), id -> "L", BERLIN);
        assertEquals(List.of("Repeats every week", "Priority 1", "Reminder set for Mon 24 Nov, 9:00",
                "Created “Call Sam”"), lines.stream().map(HistoryLine::what).toList());
    }

    @Test
    void describe_structureChanges_readAsMovesAndDates() {
        HistoryLine.Names names = new HistoryLine.Names(id -> "Home", id -> id.equals("P1") ? "Move house" : "?",
                id -> id.equals("S1") ? "Later" : "?");
        List<HistoryLine> lines = HistoryLine.describe(List.of(
                e("1", "title", "Book the van"),
                e("2", "parentId", "P1"), e("2", "rank", "a0"),
                e("3", "rank", "a0V"),
                e("4", "parentId", null), e("4", "sectionId", "S1"), e("4", "rank", "a1"),
                e("5", "start", "2026-11-30"),
                e("6", "someday", 1L),
                e("7", "collapsed", 1L),
                e("8", "someday", null), e("8", "start", null)), names, BERLIN);
        // Newest first, the lines of one change too; the rank a move writes has no line of its own.
        assertEquals(List.of("Removed the start date", "Back from Someday", "Someday", "Starts Mon 30 Nov",
                "In section “Later”", "Moved out of “Move house”", "Reordered", "Moved under “Move house”",
                "Created “Book the van”"), lines.stream().map(HistoryLine::what).toList());
    }

    @Test
    void fieldChange_germanAndFrench_sentencesAndDatesInTheLanguage() {
        long at = LocalDateTime.of(2025, 11, 24, 9, 0).atZone(BERLIN).toInstant().toEpochMilli();
        try {
            Messages.use(Language.GERMAN);
            assertEquals("Fällig am Di., 1. Dez. 2026", HistoryLine.fieldChange("due", "2026-12-01", x -> x));
            assertEquals("Erinnerung am Mo., 24. Nov., 09:00", HistoryLine.fieldChange("remindAt", at, x -> x, BERLIN));
            assertEquals("Verschoben nach Einkauf", HistoryLine.fieldChange("listId", "L1", x -> "Einkauf"));
            Messages.use(Language.FRENCH);
            assertEquals("Échéance mar. 1 déc. 2026", HistoryLine.fieldChange("due", "2026-12-01", x -> x));
            assertEquals("Renommée en «\u00a0Pain\u00a0»", HistoryLine.fieldChange("title", "Pain", x -> x));
        } finally {
            Messages.use(Language.ENGLISH);
        }
    }
}
