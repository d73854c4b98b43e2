package dev.tandem.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.Fixtures.TodoList;
import dev.tandem.engine.testing.ManualClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class HistoryTest {
    @TempDir
    Path dir;
    private final ManualClock clock = new ManualClock(1_700_000_000_000L);
    private Db db;

    @BeforeEach
    void open() {
        db = Db.builder().file(dir.resolve("t.db")).clock(clock).build();
        db.migrate(Fixtures.MIGRATIONS);
        db.save(new TodoList("l", "Home"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private Instant tick() {
        return Instant.ofEpochMilli(clock.millis.addAndGet(1_000));
    }

    @Test
    void version_ofEachChange_isTheItemRightAfterIt() {
        tick();
        Item a = db.save(new Item(null, "l", "Bins", false, null, "blue bin"));
        tick();
        db.save(a.withTitle("Bins out"));
        tick();
        db.save(a.withTitle("Bins out").withNotes("green bin"));
        List<Change> changes = db.history().changes("item", a.id());
        assertEquals(3, changes.size());

        assertEquals(Optional.of(a), db.history().version(Item.class, a.id(), changes.get(0).id()));
        assertEquals(Optional.of(a.withTitle("Bins out")), db.history().version(Item.class, a.id(), changes.get(1).id()));
        assertEquals(db.get(Item.class, a.id()), db.history().version(Item.class, a.id(), changes.get(2).id()));
    }

    @Test
    void version_ofADelete_showsTheItemAsItWasDeleted() {
        tick();
        Item a = db.save(new Item(null, "l", "Call Ann", false, 2L, null));
        tick();
        db.delete(Item.class, a.id());
        List<Change> changes = db.history().changes("item", a.id());

        assertEquals(Optional.of(a), db.history().version(Item.class, a.id(), changes.get(1).id()));
        assertTrue(db.get(Item.class, a.id()).isEmpty());
    }

    @Test
    void version_notAChangeId_failsNamingTheArgument() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> db.history().version(Item.class, "x", "yesterday"));
        assertTrue(e.getMessage().startsWith("changeId"), e.getMessage());
    }

    /** Now, and the clock moves on: what is saved next is later than the time returned. */
    private Instant mark() {
        Instant now = Instant.ofEpochMilli(clock.millis.get());
        tick();
        return now;
    }

    @Test
    void asOf_eachTime_showsWhatExistedThen() {
        Instant beforeAll = mark();
        Item a = db.save(new Item(null, "l", "Milk", false, null, null));
        Instant afterMilk = mark();
        Item b = db.save(new Item(null, "l", "Eggs", false, null, null));
        Instant afterEggs = mark();
        db.save(a.withDone(true));
        tick();
        db.delete(Item.class, b.id());
        Instant afterDelete = mark();

        assertEquals(List.of(), db.history().asOf(Item.class, beforeAll));
        assertEquals(List.of(a), db.history().asOf(Item.class, afterMilk));
        assertEquals(sorted(a, b), db.history().asOf(Item.class, afterEggs));
        assertEquals(List.of(a.withDone(true)), db.history().asOf(Item.class, afterDelete));
        assertEquals(Optional.of(b), db.history().asOf(Item.class, b.id(), afterEggs));
        assertEquals(Optional.empty(), db.history().asOf(Item.class, b.id(), afterDelete));
    }

    @Test
    void asOf_aDeletedItem_canBeSavedBackFromThen() {
        tick();
        Item a = db.save(new Item(null, "l", "Passport", false, null, "in the drawer"));
        Instant kept = mark();
        db.delete(Item.class, a.id());
        tick();

        Item then = db.history().asOf(Item.class, a.id(), kept).orElseThrow();
        db.restore(Item.class, a.id());
        assertEquals(Optional.of(then), db.get(Item.class, a.id()));
    }

    @Test
    void asOf_insideATransaction_seesItsOwnWrites() {
        tick();
        Item a = db.save(new Item(null, "l", "Tea", false, null, null));
        Instant now = Instant.ofEpochMilli(clock.millis.get());
        List<Item> seen = db.transactionResult(tx -> {
            tx.save(a.withTitle("Green tea"));
            return db.history().asOf(Item.class, now);
        });
        assertEquals(List.of(a.withTitle("Green tea")), seen);
    }

    @Test
    void changedAt_afterEditsAndADoneThatWasUndone_isWhenEachFieldGotItsValue() {
        Instant made = tick();
        Item a = db.save(new Item(null, "l", "Rent", false, null, "x".repeat(100_000)));
        Instant titled = tick();
        db.save(a.withTitle("Pay rent"));
        tick();
        db.save(a.withTitle("Pay rent").withDone(true));
        Instant reopened = tick();
        db.save(a.withTitle("Pay rent"));

        java.util.Map<String, Instant> at = db.history().changedAt("item", a.id());
        assertEquals(made, at.get("notes"));
        assertEquals(titled, at.get("title"));
        // Done and undone: the same value as at first, but written later, which only its time tells.
        assertEquals(reopened, at.get("done"));
        assertEquals(java.util.Map.of(), db.history().changedAt("item", "no-such-id"));
    }

    @Test
    void changedAt_insideATransaction_seesItsOwnWrites() {
        tick();
        Item a = db.save(Item.of("Tea"));
        Instant later = tick();
        Instant seen = db.transactionResult(tx -> {
            tx.save(a.withTitle("Green tea"));
            return db.history().changedAt("item", a.id()).get("title");
        });
        assertEquals(later, seen);
    }

    private static List<Item> sorted(Item... items) {
        return java.util.Arrays.stream(items).sorted(java.util.Comparator.comparing(Item::id)).toList();
    }
}
