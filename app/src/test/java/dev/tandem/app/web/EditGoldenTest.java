package dev.tandem.app.web;

import static dev.tandem.engine.testing.GoldenOut.obj;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.ItemTag;
import dev.tandem.app.model.TagStore;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.testing.KeptVectors;
import dev.tandem.engine.Db;
import dev.tandem.engine.testing.GoldenOut;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Golden vectors of the page's edit of a todo's details ({@link WebEdits}: time, length, tags, reminder, repeat,
 * start, Someday, with the due date, title and priority beside them) for the page as its own device, whose
 * tandem-sync/app/edits.js is a second implementation read by test/edits-golden.test.js. Each case is the todo's row
 * and tag rows before, the edit (its fields and the base the page saw), today and now; and what the model did: applied
 * or refused (with the message's key), each row it made or changed (whole), the row counts, and every field as
 * {@link ItemJson#field} shows it to the page after (the repeat described in English).
 *
 * <p>Seeded random rows (dates, times and lengths well formed and damaged, rules, reminders, tags to normalise) and
 * edits of good and bad values: times with and without a due date, lengths at and past their bounds, rules in every
 * phrasing the English field reads and ones it does not, reminders at the edges of the date range, a start date with
 * and without Someday, tags added and removed against a base. Kept beside the Node tests as {@code SeriesGoldenTest}
 * keeps its own: written with {@code -Dtandem.writeVectors=true}, else compared.
 */
@Tag("unit")
class EditGoldenTest {
    static final Path VECTORS = Path.of("..", "ui-resources", "src", "main", "js", "tandem-sync", "test", "vectors",
            "todo-edits.json").toAbsolutePath().normalize();
    private static final List<String> ITEM_COLUMNS = List.of("listId", "title", "notes", "due", "done", "doneAt",
            "trashedAt", "createdAt", "priority", "repeat", "seriesId", "remindAt", "remindDismissed", "kind", "dueTime",
            "durationMinutes", "parentId", "sectionId", "rank", "start", "someday", "collapsed");
    private static final String[] TIMES = {"09:30", "9:30", "25:00", " 07:05 ", "", "23:59", "00:00", "noon", "12:60"};
    private static final Object[] LENGTHS = {45L, 0L, -3L, 10_080L, 10_081L, 12.7, "45", 1L, null};
    private static final String[] REPEATS = {"every monday", "weekly", "2 weeks", "every month on the 31st",
            "every other fri", "daily", "", "every blursday", "  EVERY   Day ", "every weekday", "every 3 months",
            "every mon, wed and fri", "every 2 weeks on tue, thu", "fortnightly", "every year", "yearly", "monday",
            "every 0 days", "every 1000 days", "every month on the 32nd", "every sat and sun"};
    private static final String[] DATES = {"2026-11-30", "2026-02-30", "", "1899-12-31", "2999-12-31", "2027-01-31",
            "tomorrow", " 2026-12-01 "};
    private static final String[] TAGS = {"home", "@Work", "Big Project", "ÉTÉ", "x".repeat(70), "", "@@a b", "home"};

    @Test
    void edit_everyCase_rowsAsTheVectorsSay() throws IOException {
        Messages.use(Language.ENGLISH);
        List<Object> cases = new ArrayList<>();
        AtomicLong millis = new AtomicLong();
        TodoStore store = new TodoStore(Db.openMemory(), new StillClock(millis), ZoneOffset.UTC);
        try {
            Random random = new Random(20261129L);
            for (int i = 0; i < 400; i++) {
                cases.add(run(store, millis, i, random));
            }
        } finally {
            store.close();
        }
        String text = GoldenOut.json(obj("cases", cases)) + "\n";
        KeptVectors.writeOrCompare(VECTORS, text, "edits.js");
    }

    /** One random todo and one edit of it, in ids of its own: the store keeps every case's rows beside the others. */
    private static Map<String, Object> run(TodoStore store, AtomicLong millis, int n, Random r) {
        long now = 1_795_000_000_000L + r.nextInt(40_000_000) * 1000L;
        millis.set(now);
        String id = new UUID(0x0190_0000_0000_7000L | n, 0x8000_0000_0000_0000L | n).toString();
        Map<String, Object> cols = new LinkedHashMap<>();
        cols.put("title", "Todo " + n);
        cols.put("done", 0L);
        cols.put("createdAt", now - 86_400_000L);
        if (r.nextInt(4) > 0) {
            cols.put("due", r.nextInt(8) == 0 ? "2026-13-01" : "2026-12-" + (10 + r.nextInt(18)));
        }
        if (r.nextBoolean()) {
            cols.put("dueTime", r.nextInt(6) == 0 ? "late" : String.format("%02d:%02d", r.nextInt(24), r.nextInt(60)));
        }
        if (r.nextInt(3) == 0) {
            cols.put("durationMinutes", r.nextInt(6) == 0 ? -5L : 15L + r.nextInt(200));
        }
        if (r.nextInt(3) == 0) {
            cols.put("repeat", r.nextInt(5) == 0 ? "FREQ=SOMETIMES" : "FREQ=WEEKLY;BYDAY=MO");
            if (r.nextBoolean()) {
                cols.put("seriesId", new UUID(0x0190_0000_0000_7000L | n, 0x9000_0000_0000_0000L | n).toString());
            }
        }
        if (r.nextInt(3) == 0) {
            cols.put("remindAt", now + r.nextInt(1_000_000) * 1000L);
        }
        if (r.nextInt(4) == 0) {
            cols.put("start", "2026-12-0" + (1 + r.nextInt(9)));
        }
        if (r.nextInt(4) == 0) {
            cols.put("someday", 1L);
        }
        List<String> tags = new ArrayList<>();
        for (int k = r.nextInt(3); k > 0; k--) {
            tags.add(TAGS[r.nextInt(4)]);
        }
        Item before = item(id, cols);
        store.writeAll(tx -> {
            tx.save(before);
            tags.forEach(t -> TagStore.add(tx, id, t));
            return null;
        });
        Item shown = before.withTags(String.join(" ", store.tags().of(id)));
        Map<String, Object> set = new LinkedHashMap<>();
        for (int k = 1 + r.nextInt(3); k > 0; k--) {
            String field = List.of("time", "lengthMinutes", "tags", "remindAt", "repeat", "start", "someday", "due",
                    "time", "repeat", "tags", "lengthMinutes").get(r.nextInt(12));
            set.put(field, value(field, r, now));
        }
        Map<String, Object> base = new LinkedHashMap<>();
        for (String f : set.keySet()) {
            base.put(f, ItemJson.field(shown, f));
        }
        if (set.containsKey("tags") && r.nextInt(3) == 0) {
            // A base the page saw before another device's tag came: the tag it did not see stays.
            List<String> seen = new ArrayList<>(shown.tagList());
            if (!seen.isEmpty()) {
                seen.remove(0);
            }
            base.put("tags", seen);
        }
        Map<String, Object> rowsBefore = dump(store, id);
        String refused = null;
        try {
            new WebEdits(store).apply(id, set, base, "browser", "Phone");
        } catch (BadRequest e) {
            refused = e.key();
        }
        Map<String, Object> rowsAfter = dump(store, id);
        Item after = store.get(id).orElseThrow().withTags(String.join(" ", store.tags().of(id)));
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String f : ItemJson.FIELDS) {
            Object v = ItemJson.field(after, f);
            fields.put(f, v instanceof Long l ? GoldenOut.value(l) : v);
        }
        return obj("name", "random " + n, "now", now, "today", store.today().toString(), "id", id, "before", rowsBefore,
                "set", typedMap(set), "base", typedMap(base), "refused", refused,
                "changed", changed(rowsBefore, rowsAfter), "count", obj("items", size(rowsAfter, "items"),
                        "tags", size(rowsAfter, "tags")), "fields", fields);
    }

    private static Object value(String field, Random r, long now) {
        return switch (field) {
            case "time" -> r.nextInt(8) == 0 ? null : TIMES[r.nextInt(TIMES.length)];
            case "lengthMinutes" -> LENGTHS[r.nextInt(LENGTHS.length)];
            case "remindAt" -> switch (r.nextInt(6)) {
                case 0 -> null;
                case 1 -> -2_300_000_000_000L;
                case 2 -> 32_600_000_000_000L;
                case 3 -> "tomorrow";
                default -> now + r.nextInt(10_000_000) * 1000L;
            };
            case "repeat" -> r.nextInt(10) == 0 ? null : REPEATS[r.nextInt(REPEATS.length)];
            case "start", "due" -> r.nextInt(8) == 0 ? null : DATES[r.nextInt(DATES.length)];
            case "someday" -> r.nextInt(6) == 0 ? "yes" : r.nextBoolean();
            default -> {
                List<Object> out = new ArrayList<>();
                for (int k = r.nextInt(4); k > 0; k--) {
                    out.add(TAGS[r.nextInt(TAGS.length)]);
                }
                yield out;
            }
        };
    }

    /** The edit's values as JSON keeps them: whole numbers with their class, so 45 and 45.0 stay apart. */
    private static Map<String, Object> typedMap(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v instanceof Long || v instanceof Double ? GoldenOut.value(v) : v));
        return out;
    }

    private static Item item(String id, Map<String, Object> cols) {
        Object[] args = new Object[ITEM_COLUMNS.size() + 3];
        args[0] = id;
        for (int i = 0; i < ITEM_COLUMNS.size(); i++) {
            args[i + 1] = cols.get(ITEM_COLUMNS.get(i));
        }
        try {
            Class<?>[] types = java.util.Arrays.stream(Item.class.getRecordComponents()).map(c -> c.getType())
                    .toArray(Class<?>[]::new);
            return Item.class.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> changed(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> out = obj();
        for (String table : List.of("items", "tags")) {
            List<Object> was = (List<Object>) before.get(table);
            out.put(table, ((List<Object>) after.get(table)).stream().filter(x -> !was.contains(x)).toList());
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static int size(Map<String, Object> dump, String table) {
        return ((List<Object>) dump.get(table)).size();
    }

    /** The case's todo and its tag rows, with their columns that are not null. */
    private static Map<String, Object> dump(TodoStore store, String id) {
        List<Object> items = new ArrayList<>();
        for (Item it : store.db().query(Item.class, "SELECT * FROM items WHERE id = ?", id)) {
            Map<String, Object> row = obj("id", it.id());
            for (String col : ITEM_COLUMNS) {
                Object v;
                try {
                    v = Item.class.getMethod(col).invoke(it);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(col, e);
                }
                if (v != null) {
                    row.put(col, GoldenOut.value(v));
                }
            }
            items.add(row);
        }
        List<Object> tags = new ArrayList<>();
        for (ItemTag t : store.db().query(ItemTag.class, "SELECT * FROM item_tags WHERE itemId = ? ORDER BY id", id)) {
            Map<String, Object> row = obj("id", t.id(), "itemId", GoldenOut.value(t.itemId()), "tag", GoldenOut.value(t.tag()));
            if (t.removedAt() != null) {
                row.put("removedAt", GoldenOut.value(t.removedAt()));
            }
            tags.add(row);
        }
        return obj("items", items, "tags", tags);
    }

    /** A clock that reads what it was set to. */
    private static final class StillClock extends Clock {
        private final AtomicLong millis;

        StillClock(AtomicLong millis) {
            this.millis = millis;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }

        @Override
        public long millis() {
            return millis.get();
        }
    }
}
