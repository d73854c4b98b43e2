package dev.tandem.app.model;

import static dev.tandem.engine.testing.GoldenOut.obj;

import dev.tandem.app.model.outline.OutlineStore;
import dev.tandem.app.model.outline.SeenMoves;
import dev.tandem.app.testing.KeptVectors;
import dev.tandem.engine.testing.GoldenOut;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Golden vectors of a todo moved in an outline as the page's outbox asks ({@link SeenMoves#move}, {@link
 * OutlineStore#move}, {@link Rank}) for the phone page's second implementation (tandem-sync/app/moves.js and
 * rank.js, read by test/moves-golden.test.js): each case is the lists, sections and todos before, the move (its
 * target and the base the page saw), and what the model answered and wrote: its outcome, each items row it made or
 * changed (whole) and how many there are after.
 *
 * <p>Seeded random outlines (two lists and the Inbox, sections, subtasks, ranks valid, missing, alike and damaged,
 * done, trashed todos and notes) and moves of every kind the page makes: up and down among siblings, under a todo
 * and out, into a section, into another list with the todos under it, onto a parent that is gone, under itself,
 * with a base the todo no longer sits at. Kept in the repository beside the Node tests, as {@link SeriesGoldenTest}
 * keeps its own: written with {@code -Dtandem.writeVectors=true}, else compared.
 */
@Tag("unit")
class MoveGoldenTest {
    static final Path VECTORS = SeriesGoldenTest.VECTORS.resolveSibling("outline-moves.json");
    private static final List<String> RANKS = Rank.after(null, 12);

    @Test
    void move_everyCase_rowsAsTheVectorsSay() throws IOException {
        Random random = new Random(20261130L);
        List<Object> cases = new ArrayList<>();
        try (CaseStore store = new CaseStore()) {
            for (int i = 0; i < 250; i++) {
                cases.add(run(store, "random " + i, random));
            }
        }
        String text = GoldenOut.json(obj("cases", cases)) + "\n";
        KeptVectors.writeOrCompare(VECTORS, text, "moves.js");
    }

    /** One random outline and one move in it, made in an empty store ({@link CaseStore}). */
    static Map<String, Object> run(CaseStore cases, String name, Random r) {
        long now = 1_800_000_000_000L + r.nextInt(1_000_000);
        SeriesGoldenTest.Case c = new SeriesGoldenTest.Case(now);
        List<String> lists = List.of(c.id(), c.id());
        List<String[]> sections = new ArrayList<>();
        for (String l : lists) {
            for (int k = r.nextInt(3); k > 0; k--) {
                sections.add(new String[] {c.id(), l, r.nextInt(4) == 0 ? null : "a" + k});
            }
        }
        List<SeriesGoldenTest.Row> rows = new ArrayList<>();
        int n = 3 + r.nextInt(10);
        for (int i = 0; i < n; i++) {
            SeriesGoldenTest.Row it = c.item("T" + i).set("createdAt", now - r.nextInt(5) * 1000L);
            String list = r.nextInt(3) == 0 ? null : lists.get(r.nextInt(2));
            it.set("listId", list);
            if (!rows.isEmpty() && r.nextInt(3) == 0) {
                SeriesGoldenTest.Row p = rows.get(r.nextInt(rows.size()));
                it.set("parentId", p.id).set("listId", r.nextInt(8) == 0 ? list : p.cols.get("listId"));
            } else if (list != null && !sections.isEmpty() && r.nextInt(3) == 0) {
                String[] s = sections.get(r.nextInt(sections.size()));
                it.set("sectionId", s[1].equals(list) ? s[0] : null);
            }
            it.set("rank", switch (r.nextInt(10)) {
                case 0 -> null;
                case 1 -> "!bad";
                case 2 -> "a1";
                default -> RANKS.get(r.nextInt(RANKS.size())) + (r.nextBoolean() ? "" : String.valueOf((char) ('1' + r.nextInt(9))));
            });
            switch (r.nextInt(10)) {
                case 0 -> it.set("done", 1L);
                case 1 -> it.set("trashedAt", now - 3);
                case 2 -> it.set("kind", "note").set("done", r.nextBoolean() ? 1L : 0L);
                default -> { }
            }
            rows.add(it);
        }
        SeriesGoldenTest.Row moved = rows.get(r.nextInt(rows.size()));
        Map<String, Object> target = target(r, c, rows, moved, lists, sections);
        Map<String, Object> base = r.nextInt(5) == 0
                ? obj("listId", r.nextBoolean() ? null : lists.get(r.nextInt(2)), "parentId", null, "sectionId", null)
                : obj("listId", moved.cols.get("listId"), "parentId", moved.cols.get("parentId"),
                        "sectionId", moved.cols.get("parentId") != null ? null : moved.cols.get("sectionId"));
        return cases.run(now, store -> {
            store.writeAll(tx -> {
                for (int k = 0; k < lists.size(); k++) {
                    tx.save(new TodoList(lists.get(k), "List " + k, (long) k, now));
                }
                sections.forEach(s -> tx.save(new Section(s[0], s[1], "S", s[2], null, now)));
                rows.forEach(row -> tx.save(row.item()));
                return null;
            });
            List<Object> before = items(store);
            SeenMoves.Result result = new SeenMoves(store).move(moved.id, new SeenMoves.Place((String) base.get("listId"),
                    (String) base.get("parentId"), (String) base.get("sectionId")), new OutlineStore.Target(
                    (String) target.get("listId"), (String) target.get("parentId"), (String) target.get("sectionId"),
                    (String) target.get("beforeId")), "01900000-0000-7000-8000-0000000000aa", "Phone", Instant.ofEpochMilli(now));
            List<Object> after = items(store);
            List<Object> lists2 = new ArrayList<>();
            for (int k = 0; k < lists.size(); k++) {
                lists2.add(obj("id", lists.get(k), "name", GoldenOut.value("List " + k)));
            }
            List<Object> sections2 = new ArrayList<>();
            sections.forEach(s -> sections2.add(obj("id", s[0], "listId", GoldenOut.value(s[1]), "rank", GoldenOut.value(s[2]))));
            return obj("name", name, "lists", lists2, "sections", sections2, "items", before, "id", moved.id,
                    "target", target, "base", base, "outcome", result.outcome().name(), "stale", result.stale(),
                    "changed", after.stream().filter(x -> !before.contains(x)).toList(), "count", after.size());
        });
    }

    private static Map<String, Object> target(Random r, SeriesGoldenTest.Case c, List<SeriesGoldenTest.Row> rows,
            SeriesGoldenTest.Row moved, List<String> lists, List<String[]> sections) {
        Object list = moved.cols.get("listId");
        SeriesGoldenTest.Row other = rows.get(r.nextInt(rows.size()));
        return switch (r.nextInt(7)) {
            // Among its siblings, before another row (or at the end).
            case 0, 1 -> obj("listId", list, "parentId", moved.cols.get("parentId"), "sectionId", moved.cols.get("sectionId"),
                    "beforeId", r.nextInt(4) == 0 ? null : other.id);
            // Under another todo (itself or one under it, now and then).
            case 2 -> obj("listId", other.cols.get("listId"), "parentId", other.id, "sectionId", null,
                    "beforeId", r.nextBoolean() ? null : rows.get(r.nextInt(rows.size())).id);
            // Out, to the top of its list.
            case 3 -> obj("listId", list, "parentId", null, "sectionId", null, "beforeId", r.nextBoolean() ? null : other.id);
            // Into a section (of its list or not).
            case 4 -> {
                String[] s = sections.isEmpty() ? new String[] {c.id(), lists.get(0)} : sections.get(r.nextInt(sections.size()));
                yield obj("listId", r.nextInt(4) == 0 ? list : s[1], "parentId", null, "sectionId", s[0], "beforeId", null);
            }
            // Into another list, or the Inbox.
            case 5 -> obj("listId", r.nextInt(3) == 0 ? null : lists.get(r.nextInt(2)), "parentId", null, "sectionId", null,
                    "beforeId", null);
            // Onto a parent or into a list that is not there.
            default -> r.nextBoolean() ? obj("listId", null, "parentId", c.id(), "sectionId", null, "beforeId", null)
                    : obj("listId", c.id(), "parentId", null, "sectionId", null, "beforeId", null);
        };
    }

    private static List<Object> items(TodoStore store) {
        List<Object> out = new ArrayList<>();
        for (Item it : store.db().query(Item.class, "SELECT * FROM items ORDER BY id")) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", it.id());
            for (String col : List.of("listId", "title", "done", "trashedAt", "createdAt", "kind", "parentId",
                    "sectionId", "rank")) {
                Object v = switch (col) {
                    case "listId" -> it.listId();
                    case "title" -> it.title();
                    case "done" -> it.done();
                    case "trashedAt" -> it.trashedAt();
                    case "createdAt" -> it.createdAt();
                    case "kind" -> it.kind();
                    case "parentId" -> it.parentId();
                    case "sectionId" -> it.sectionId();
                    default -> it.rank();
                };
                if (v != null) {
                    row.put(col, GoldenOut.value(v));
                }
            }
            out.add(row);
        }
        return out;
    }
}
