package dev.tandem.app.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.app.model.HistoryEntry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

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
}
