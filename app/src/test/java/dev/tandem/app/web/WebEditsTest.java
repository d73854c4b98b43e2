package dev.tandem.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.TagStore;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.testing.RacingDb;
import dev.tandem.app.testing.TestClock;
import dev.tandem.engine.Db;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An edit from the page is decided on the item as read; a sync that commits to the same item
 * between that read and the write is merged, never written over as if it were the page's edit.
 */
class WebEditsTest {
    private final TestClock clock = new TestClock(ZoneOffset.UTC);
    private final Db real = Db.builder().memory().clock(clock).build();
    private final TodoStore plain = new TodoStore(real, clock, ZoneOffset.UTC);
    private final String browser = UUID.randomUUID().toString();

    @AfterEach
    void close() {
        real.close();
    }

    private WebEdits racing(int times, java.util.function.Consumer<Db> landing) {
        return new WebEdits(new TodoStore(RacingDb.racing(real, times, landing), clock, ZoneOffset.UTC));
    }

    @Test
    void apply_syncCommitsOtherFieldBetweenReadAndWrite_bothEditsKept() {
        Item it = plain.add("Tickets", null, null);
        WebEdits edits = racing(1, db -> db.transaction(tx ->
                tx.save(tx.get(Item.class, it.id()).orElseThrow().withNotes("Seat 12A"))));

        WebEdits.Result r = edits.apply(it.id(), Map.of("title", "Train tickets"), Map.of("title", "Tickets"), browser, "Phone");

        Item stored = plain.get(it.id()).orElseThrow();
        assertEquals("Train tickets", stored.title());
        assertEquals("Seat 12A", stored.notes(), "the sync's notes are not written over");
        assertEquals(List.of(), r.stale());
    }

    @Test
    void apply_syncAddsATagBetweenReadAndWrite_tagKept() {
        Item it = plain.add("Tickets", null, null);
        WebEdits edits = racing(1, db -> db.transaction(tx -> TagStore.add(tx, it.id(), "travel")));

        edits.apply(it.id(), Map.of("title", "Train tickets", "tags", List.of("work")),
                Map.of("title", "Tickets", "tags", List.of()), browser, "Phone");

        assertEquals("Train tickets", plain.get(it.id()).orElseThrow().title());
        assertEquals(List.of("travel", "work"), new TagStore(plain).of(it.id()).stream().sorted().toList());
    }

    @Test
    void apply_syncChangesTheSameFieldBetweenReadAndWrite_pageValueKeptAsConflict() {
        Item it = plain.add("Tickets", null, null);
        WebEdits edits = racing(1, db -> db.transaction(tx ->
                tx.save(tx.get(Item.class, it.id()).orElseThrow().withTitle("Plane tickets"))));

        WebEdits.Result r = edits.apply(it.id(), Map.of("title", "Train tickets"), Map.of("title", "Tickets"), browser, "Phone");

        assertEquals("Plane tickets", plain.get(it.id()).orElseThrow().title(), "the later change is not written over");
        assertEquals(List.of("title"), r.stale());
        assertEquals(1, real.conflicts().list().size());
    }

    @Test
    void apply_writesKeepLandingEveryTime_refusedAndNothingOfThePageWritten() {
        Item it = plain.add("Tickets", null, null);
        int[] n = {0};
        WebEdits edits = racing(Integer.MAX_VALUE, db -> db.transaction(tx ->
                tx.save(tx.get(Item.class, it.id()).orElseThrow().withNotes("n" + n[0]++))));

        BadRequest e = assertThrows(BadRequest.class, () -> edits.apply(it.id(), Map.of("title", "Train tickets"),
                Map.of("title", "Tickets"), browser, "Phone"));

        assertEquals(409, e.status());
        assertEquals("Tickets", plain.get(it.id()).orElseThrow().title());
    }
}
