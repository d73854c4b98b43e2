package dev.tandem.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.Fixtures.ItemTitleOnly;
import dev.tandem.engine.internal.clock.Uuid7;
import dev.tandem.engine.testing.ManualClock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ChangeTrackingTest {
    Db db;

    @BeforeEach
    void open() {
        db = Db.openMemory();
        db.migrate(Fixtures.MIGRATIONS);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static Map<String, Object> fields(Change c) {
        return c.fields().stream().collect(Collectors.toMap(FieldChange::field, f -> f.value() == null ? "NULL" : f.value()));
    }

    @Test
    void save_insert_recordsEveryColumnIncludingDefaults() {
        Item milk = db.save(new Item(null, null, "milk", false, null, "2l"));
        List<Change> history = db.history().changes("item", milk.id());
        assertEquals(1, history.size());
        Change c = history.get(0);
        assertEquals(db.deviceId(), c.author());
        assertEquals("item", c.table());
        assertEquals(milk.id(), c.entity());
        assertEquals(Map.of("list_id", "NULL", "title", "milk", "done", 0L, "priority", "NULL", "notes", "2l"), fields(c));
        assertTrue(c.fields().stream().allMatch(f -> f.replaces() == null));
    }

    @Test
    void save_update_recordsOnlyChangedFieldsWithReplacedIds() {
        Item milk = db.save(Item.of("milk"));
        db.save(milk.withTitle("oat milk"));
        List<Change> history = db.history().changes("item", milk.id());
        assertEquals(2, history.size());
        Change second = history.get(1);
        assertEquals(Map.of("title", "oat milk"), fields(second));
        assertEquals(history.get(0).id(), second.fields().get(0).replaces());
    }

    @Test
    void save_unchanged_recordsNothing() {
        Item milk = db.save(Item.of("milk"));
        db.save(milk);
        db.save(new ItemTitleOnly(milk.id(), "milk", "ignored"));
        assertEquals(1, db.history().changes("item", milk.id()).size());
    }

    @Test
    void save_partialRecord_recordsOnlyItsColumns() {
        Item milk = db.save(new Item(null, null, "milk", false, 3L, "n"));
        db.save(new ItemTitleOnly(milk.id(), "bread", null));
        Change last = db.history().changes("item", milk.id()).get(1);
        assertEquals(Map.of("title", "bread"), fields(last));
    }

    @Test
    void delete_recordsTombstoneAndRestoreRecordsItsUndo() {
        Item milk = db.save(Item.of("milk"));
        db.delete(Item.class, milk.id());
        db.restore(Item.class, milk.id());
        List<Change> history = db.history().changes("item", milk.id());
        assertEquals(3, history.size());
        assertEquals(Map.of(Change.DELETED_FIELD, 1L), fields(history.get(1)));
        // The restore writes every value again, so a device that forgot the item gets it whole.
        assertEquals(Map.of(Change.DELETED_FIELD, 0L, "title", "milk", "done", 0L, "notes", "NULL", "list_id", "NULL",
                "priority", "NULL"), fields(history.get(2)));
        FieldChange undelete = history.get(2).fields().stream().filter(f -> f.field().equals(Change.DELETED_FIELD))
                .findFirst().orElseThrow();
        assertEquals(history.get(1).id(), undelete.replaces());
        FieldChange title = history.get(2).fields().stream().filter(f -> f.field().equals("title")).findFirst().orElseThrow();
        assertEquals(history.get(0).id(), title.replaces(), "each value replaces its winner");
    }

    @Test
    void changeIds_increaseAcrossSaves() {
        Item a = db.save(Item.of("a"));
        for (int i = 0; i < 200; i++) {
            db.save(a.withTitle("t" + i));
        }
        List<Change> history = db.history().changes("item", a.id());
        for (int i = 1; i < history.size(); i++) {
            UUID prev = UUID.fromString(history.get(i - 1).id());
            UUID next = UUID.fromString(history.get(i).id());
            assertTrue(Long.compareUnsigned(prev.getMostSignificantBits(), next.getMostSignificantBits()) < 0
                    || (prev.getMostSignificantBits() == next.getMostSignificantBits()
                    && Long.compareUnsigned(prev.getLeastSignificantBits(), next.getLeastSignificantBits()) < 0));
        }
    }

    @Test
    void save_wallClockStepsBack_changeIdsStillIncrease() {
        ManualClock wall = new ManualClock();
        try (Db stepped = Db.builder().memory().clock(wall).build()) {
            stepped.migrate(Fixtures.MIGRATIONS);
            Item a = stepped.save(Item.of("a"));
            for (int i = 0; i < 50; i++) {
                wall.millis.addAndGet(i % 10 == 5 ? -86_400_000 : 1);
                stepped.save(a.withTitle("t" + i));
            }
            List<Change> history = stepped.history().changes("item", a.id());
            assertEquals(51, history.size());
            for (int i = 1; i < history.size(); i++) {
                assertTrue(Uuid7.ORDER.compare(UUID.fromString(history.get(i - 1).id()),
                        UUID.fromString(history.get(i).id())) < 0);
            }
        }
    }

    @Test
    void history_unknownEntity_isEmpty() {
        assertEquals(List.of(), db.history().changes("item", "nope"));
        assertNull(db.get(Item.class, "nope").orElse(null));
    }
}
