package dev.tandem.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.Fixtures.TodoList;
import dev.tandem.engine.testing.ManualClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tag;

/**
 * Whatever a device does (adds, edits of one field or several, deletes and restores, several in one
 * transaction, several in one millisecond), the table as of any time equals the table that was
 * recorded then, and every version of an item equals the item recorded right after that change.
 */
@Tag("property")
class HistoryProperties {
    record Step(int op, int slot, int value, int pause, boolean together) {
    }

    @Provide
    Arbitrary<List<Step>> scripts() {
        return Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 4),
                Arbitraries.integers().between(0, 9), Arbitraries.of(0, 0, 1, 7, 1000), Arbitraries.of(false, false, true))
                .as(Step::new).list().ofMinSize(1).ofMaxSize(30);
    }

    @Property(tries = 120, shrinking = ShrinkingMode.BOUNDED)
    void asOf_anyScript_equalsTheTableRecordedThen(@ForAll("scripts") List<Step> script) {
        ManualClock clock = new ManualClock(1_700_000_000_000L);
        try (Db db = Db.builder().memory().clock(clock).build()) {
            db.migrate(Fixtures.MIGRATIONS);
            db.save(new TodoList("l", "Home"));
            // Items the script never touches, so a time late in the script has few changed items since
            // (read from the current rows) and an early one many (folded from history): both ways run.
            db.transaction(tx -> {
                for (int i = 0; i < 20; i++) {
                    tx.save(new Item(null, "l", "still " + i, false, null, null));
                }
            });
            clock.millis.addAndGet(1);
            String[] ids = new String[5];
            TreeMap<Long, List<Item>> recorded = new TreeMap<>();
            for (Step s : script) {
                clock.millis.addAndGet(s.pause());
                db.transaction(tx -> {
                    apply(tx, s, ids);
                    if (s.together()) {
                        apply(tx, new Step((s.op() + 2) % 6, (s.slot() + 1) % 5, s.value() + 1, 0, false), ids);
                    }
                });
                // Later steps in the same millisecond overwrite: a time shows all that was done by its end.
                recorded.put(clock.millis.get(), db.query(Item.class, "SELECT * FROM item ORDER BY id"));
            }
            long first = recorded.firstKey();
            assertEquals(20, db.history().asOf(Item.class, Instant.ofEpochMilli(first - 1)).size());
            for (Map.Entry<Long, List<Item>> e : recorded.entrySet()) {
                assertEquals(e.getValue(), db.history().asOf(Item.class, Instant.ofEpochMilli(e.getKey())), "at " + e.getKey());
                Long next = recorded.higherKey(e.getKey());
                if (next != null && next - 1 > e.getKey()) {
                    assertEquals(e.getValue(), db.history().asOf(Item.class, Instant.ofEpochMilli(next - 1)),
                            "just before " + next);
                }
                for (Item item : e.getValue()) {
                    assertEquals(java.util.Optional.of(item),
                            db.history().asOf(Item.class, item.id(), Instant.ofEpochMilli(e.getKey())));
                }
            }
            versions_equalTheItemAfterEachChange(db, ids);
        }
    }

    /** Replays each item's history change by change, against the item as its changes leave it. */
    private static void versions_equalTheItemAfterEachChange(Db db, String[] ids) {
        for (String id : ids) {
            if (id == null) {
                continue;
            }
            List<Change> changes = db.history().changes("item", id);
            Change last = changes.get(changes.size() - 1);
            boolean deletedNow = db.get(Item.class, id).isEmpty();
            if (!deletedNow) {
                assertEquals(db.get(Item.class, id), db.history().version(Item.class, id, last.id()));
            }
            for (Change c : changes) {
                Instant at = c.at();
                // The version right after a change is the item as of its millisecond, when no later
                // change of the same millisecond follows it.
                boolean lastOfItsMillisecond = changes.stream().noneMatch(o -> o.at().equals(at)
                        && o.id().compareTo(c.id()) > 0);
                boolean deletedThen = c.fields().stream().anyMatch(f -> f.field().equals(Change.DELETED_FIELD)
                        && Long.valueOf(1L).equals(f.value()));
                if (lastOfItsMillisecond && !deletedThen && !wasDeleted(changes, c)) {
                    assertEquals(db.history().asOf(Item.class, id, at), db.history().version(Item.class, id, c.id()));
                }
            }
        }
    }

    /** Whether the item stood deleted after {@code upTo}: the last {@code _deleted} up to it said 1. */
    private static boolean wasDeleted(List<Change> changes, Change upTo) {
        boolean deleted = false;
        for (Change c : changes) {
            for (FieldChange f : c.fields()) {
                if (f.field().equals(Change.DELETED_FIELD)) {
                    deleted = Long.valueOf(1L).equals(f.value());
                }
            }
            if (c == upTo) {
                break;
            }
        }
        return deleted;
    }

    private static void apply(Tx tx, Step s, String[] ids) {
        String id = ids[s.slot()];
        Item current = id == null ? null : tx.get(Item.class, id).orElse(null);
        switch (s.op()) {
            case 0 -> {
                if (id == null) {
                    ids[s.slot()] = tx.save(new Item(null, "l", "t" + s.value(), false, null, null)).id();
                }
            }
            case 1 -> {
                if (current != null) {
                    tx.save(current.withTitle("t" + s.value()));
                }
            }
            case 2 -> {
                if (current != null) {
                    tx.save(current.withNotes(s.value() % 3 == 0 ? null : "line " + s.value() + "\nmore"));
                }
            }
            case 3 -> {
                if (current != null) {
                    tx.save(new Item(id, "l", "t" + s.value(), !current.done(), (long) s.value(), current.notes()));
                }
            }
            case 4 -> {
                if (current != null) {
                    tx.delete(Item.class, id);
                }
            }
            default -> {
                if (id != null && current == null) {
                    tx.restore(Item.class, id);
                }
            }
        }
    }
}
