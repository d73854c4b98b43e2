package dev.tandem.app.model;

import static dev.tandem.engine.testing.GoldenOut.obj;

import dev.tandem.app.model.outline.Outline;
import dev.tandem.app.testing.KeptVectors;
import dev.tandem.engine.testing.GoldenOut;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Golden vectors of completing a todo ({@link TodoVerbs#complete}, {@link SeriesStore#createNext}) for the phone
 * page's second implementation (ui-resources/src/main/js/tandem-sync/app/series.js, read by
 * test/series-golden.test.js): each case is the rows before (items and item_tags, their columns not null), the
 * todo completed and when, each row the completion made or changed (whole) and how many rows there are after, as
 * this model wrote them in a real SQLite database.
 *
 * <p>The cases are a few named ones and a seeded random spread (rules well formed and not, month ends and leap
 * days, the edges of {@link DateRange}, damaged dates, reminders near the ends of a long, tags to normalise, trees of
 * subtasks with notes, done and trashed ones, a next occurrence there already, a loop of parents and a chain deeper
 * than the outline keeps). The page's Node tests run before this module is built, so the vectors are kept in the
 * repository beside them: this test writes them when run with
 * {@code -Dtandem.writeVectors=true} and otherwise fails when the model no longer writes what they say, so the two
 * implementations cannot drift apart unnoticed.
 */
@Tag("unit")
class SeriesGoldenTest {
    static final Path VECTORS = Path.of("..", "ui-resources", "src", "main", "js", "tandem-sync", "test", "vectors",
            "series-complete.json").toAbsolutePath().normalize();
    private static final List<String> ITEM_COLUMNS = List.of("listId", "title", "notes", "due", "done", "doneAt",
            "trashedAt", "createdAt", "priority", "repeat", "seriesId", "remindAt", "remindDismissed", "kind", "dueTime",
            "durationMinutes", "parentId", "sectionId", "rank", "start", "someday", "collapsed");

    @Test
    void complete_everyCase_rowsAsTheVectorsSay() throws IOException {
        List<Object> cases = new ArrayList<>();
        try (CaseStore store = new CaseStore()) {
            named(store, cases);
            Random random = new Random(20261129L);
            for (int i = 0; i < 200; i++) {
                cases.add(run(store, "random " + i, new SeriesSpread(random).occurrence()));
            }
        }
        String text = GoldenOut.json(obj("cases", cases)) + "\n";
        KeptVectors.writeOrCompare(VECTORS, text, "series.js");
    }

    private static void named(CaseStore store, List<Object> cases) {
        Case weekly = new Case(1_790_000_000_000L);
        Row first = weekly.item("Water plants").set("due", "2026-11-23").set("repeat", "FREQ=WEEKLY;BYDAY=MO")
                .set("priority", 2L).set("remindAt", 1_795_420_800_000L).set("start", "2026-11-20");
        weekly.tag(first, "Home", null);
        Row sub = weekly.item("Fill the can").set("parentId", first.id).set("rank", "a0").set("done", 1L);
        weekly.item("Check the soil").set("parentId", sub.id).set("kind", "note").set("due", "2026-11-22");
        cases.add(run(store, "weekly with a tree", weekly.target(first)));

        Case monthEnd = new Case(1_800_000_000_000L);
        cases.add(run(store, "monthly from the 31st", monthEnd.target(monthEnd.item("Rent").set("due", "2027-01-31")
                .set("repeat", "FREQ=MONTHLY"))));
        Case leap = new Case(1_800_000_000_000L);
        cases.add(run(store, "yearly from February 29", leap.target(leap.item("Birthday").set("due", "2028-02-29")
                .set("repeat", "freq=yearly"))));
        Case undated = new Case(1_800_000_000_000L);
        cases.add(run(store, "daily without a due date", undated.target(undated.item("Stretch").set("repeat", "FREQ=DAILY")
                .set("createdAt", 1_799_990_000_000L))));
        Case end = new Case(1_800_000_000_000L);
        cases.add(run(store, "past the last date", end.target(end.item("Far").set("due", "2999-12-31").set("repeat", "FREQ=DAILY"))));
        // Rows as other devices' batches may leave them: the copy's bounds, alike on both sides.
        Case loop = new Case(1_800_000_000_000L);
        Row looped = loop.item("Water plants").set("due", "2026-11-23").set("repeat", "FREQ=WEEKLY");
        Row under = loop.item("Fill the can").set("parentId", looped.id);
        looped.set("parentId", loop.item("Check the soil").set("parentId", under.id).id);
        cases.add(run(store, "a loop of parents", loop.target(looped)));
        Case deep = new Case(1_800_000_000_000L);
        Row top = deep.item("Move house").set("due", "2026-11-23").set("repeat", "FREQ=MONTHLY");
        Row above = top;
        for (int level = 1; level <= Outline.MAX_DEPTH + 2; level++) {
            above = deep.item("Level " + level).set("parentId", above.id);
        }
        cases.add(run(store, "a chain deeper than the outline keeps", deep.target(top)));
        Case note = new Case(1_800_000_000_000L);
        cases.add(run(store, "a note", note.target(note.item("Idea").set("kind", "note").set("repeat", "FREQ=DAILY")
                .set("due", "2026-01-01"))));
    }

    /** Completes the case's target in an empty store ({@link CaseStore}): the case's vector. */
    static Map<String, Object> run(CaseStore cases, String name, Case c) {
        return cases.run(c.now, store -> {
            store.writeAll(tx -> {
                c.rows.forEach(r -> tx.save(r.item()));
                c.tags.forEach(tx::save);
                return null;
            });
            Map<String, Object> before = dump(store);
            store.verbs().complete(c.target.id, false);
            Map<String, Object> after = dump(store);
            return obj("name", name, "now", c.now, "target", c.target.id, "before", before,
                    "changed", changed(before, after), "count", obj("items", size(after, "items"), "tags", size(after, "tags")));
        });
    }

    /**
     * The rows of {@code after} that are not in {@code before} as they are (new or changed), each whole; with the
     * counts, what the page must end with (a row it wrote that Java did not makes its count differ).
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> changed(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> out = obj();
        for (String table : List.of("items", "tags")) {
            List<Object> was = (List<Object>) before.get(table);
            out.put(table, ((List<Object>) after.get(table)).stream().filter(r -> !was.contains(r)).toList());
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static int size(Map<String, Object> dump, String table) {
        return ((List<Object>) dump.get(table)).size();
    }

    /** Every row, in id order, with its columns that are not null (a column left out is null). */
    private static Map<String, Object> dump(TodoStore store) {
        List<Object> items = new ArrayList<>();
        for (Item it : store.db().query(Item.class, "SELECT * FROM items ORDER BY id")) {
            Map<String, Object> row = obj("id", it.id());
            for (String col : ITEM_COLUMNS) {
                Object v = field(it, col);
                if (v != null) {
                    row.put(col, GoldenOut.value(v));
                }
            }
            items.add(row);
        }
        List<Object> tags = new ArrayList<>();
        for (ItemTag t : store.db().query(ItemTag.class, "SELECT * FROM item_tags ORDER BY id")) {
            Map<String, Object> row = obj("id", t.id(), "itemId", GoldenOut.value(t.itemId()), "tag", GoldenOut.value(t.tag()));
            if (t.removedAt() != null) {
                row.put("removedAt", GoldenOut.value(t.removedAt()));
            }
            tags.add(row);
        }
        return obj("items", items, "tags", tags);
    }

    private static Object field(Item it, String col) {
        try {
            return Item.class.getMethod(col).invoke(it);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(col, e);
        }
    }

    /** The rows of one case, with ids made from a counter so the vectors do not change from run to run. */
    static final class Case {
        final long now;
        final List<Row> rows = new ArrayList<>();
        final List<ItemTag> tags = new ArrayList<>();
        Row target;
        private int next;

        Case(long now) {
            this.now = now;
        }

        String id() {
            return new UUID(0x0190_0000_0000_7000L | next, 0x8000_0000_0000_0000L | (now & 0xffff_ffffL) << 8 | next++)
                    .toString();
        }

        Row item(String title) {
            Row r = new Row(id());
            r.set("title", title).set("done", 0L).set("createdAt", now - 86_400_000L);
            rows.add(r);
            return r;
        }

        void tag(Row on, String tag, Long removedAt) {
            tags.add(new ItemTag(id(), on.id, tag, removedAt));
        }

        Case target(Row r) {
            target = r;
            return this;
        }
    }

    /** One items row as its columns. */
    static final class Row {
        final String id;
        final Map<String, Object> cols = new java.util.LinkedHashMap<>();

        Row(String id) {
            this.id = id;
        }

        Row set(String col, Object v) {
            cols.put(col, v);
            return this;
        }

        Item item() {
            Object[] args = new Object[ITEM_COLUMNS.size() + 3];
            args[0] = id;
            for (int i = 0; i < ITEM_COLUMNS.size(); i++) {
                args[i + 1] = cols.get(ITEM_COLUMNS.get(i));
            }
            try {
                return Item.class.getDeclaredConstructor(canonical()).newInstance(args);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        private static Class<?>[] canonical() {
            return java.util.Arrays.stream(Item.class.getRecordComponents()).map(c -> c.getType()).toArray(Class<?>[]::new);
        }
    }
}
