package dev.tandem.app.model.outline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.Rank;
import dev.tandem.app.model.Section;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.engine.Change;
import dev.tandem.engine.Db;
import dev.tandem.engine.FieldChange;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class OutlineStoreTest {
    @TempDir
    Path dir;

    private static List<String> titles(TodoStore store, String listId) {
        List<Item> items = store.db().query(Item.class, "SELECT * FROM items WHERE listId = ? AND trashedAt IS NULL", listId);
        List<Section> sections = store.db().query(Section.class, "SELECT * FROM sections WHERE listId = ?", listId);
        return Outline.of(items, sections, Map.of()).stream()
                .map(l -> l.isSection() ? "#" + l.section().name() : "  ".repeat(l.depth()) + l.item().title()).toList();
    }

    private static Item add(TodoStore store, String title, String listId) {
        return store.add(title, null, listId, null, TodoDetails.NONE).item();
    }

    @Test
    void add_severalTodos_rankedInTheOrderAdded() {
        try (TodoStore store = new TodoStore(Db.open(dir.resolve("a.db")), Clock.systemUTC())) {
            TodoList l = store.createList("Home");
            add(store, "one", l.id());
            add(store, "two", l.id());
            add(store, "three", l.id());
            assertEquals(List.of("one", "two", "three"), titles(store, l.id()));
        }
    }

    @Test
    void move_beforeASibling_writesOnlyTheMovedTodosRank() {
        try (TodoStore store = new TodoStore(Db.open(dir.resolve("b.db")), Clock.systemUTC())) {
            OutlineStore outline = new OutlineStore(store);
            TodoList l = store.createList("Home");
            Item a = add(store, "a", l.id());
            add(store, "b", l.id());
            Item c = add(store, "c", l.id());
            OutlineStore.Moved m = outline.move(c.id(), new OutlineStore.Target(l.id(), null, null, a.id()));
            assertEquals(List.of("c", "a", "b"), titles(store, l.id()));
            assertEquals(1, m.after().size());
            outline.place(m.before());
            assertEquals(List.of("a", "b", "c"), titles(store, l.id()));
        }
    }

    @Test
    void indentAndOutdent_nestTwoLevels_andComeBack() {
        try (TodoStore store = new TodoStore(Db.open(dir.resolve("c.db")), Clock.systemUTC())) {
            OutlineStore outline = new OutlineStore(store);
            TodoList l = store.createList("Home");
            add(store, "Move house", l.id());
            Item van = add(store, "Book the van", l.id());
            Item driver = add(store, "Find a driver", l.id());
            outline.indent(van.id());
            outline.indent(driver.id());
            outline.indent(driver.id());
            assertEquals(List.of("Move house", "  Book the van", "    Find a driver"), titles(store, l.id()));
            outline.outdent(driver.id());
            assertEquals(List.of("Move house", "  Book the van", "  Find a driver"), titles(store, l.id()));
            outline.shift(driver.id(), -1);
            assertEquals(List.of("Move house", "  Find a driver", "  Book the van"), titles(store, l.id()));
        }
    }

    @Test
    void move_underItsOwnSubtask_isRefused() {
        try (TodoStore store = new TodoStore(Db.open(dir.resolve("d.db")), Clock.systemUTC())) {
            OutlineStore outline = new OutlineStore(store);
            TodoList l = store.createList("Home");
            Item p = add(store, "p", l.id());
            Item c = add(store, "c", l.id());
            outline.indent(c.id());
            assertThrows(IllegalArgumentException.class,
                    () -> outline.move(p.id(), new OutlineStore.Target(l.id(), c.id(), null, null)));
        }
    }

    @Test
    void move_toAnotherList_takesTheSubtreeAlong() {
        try (TodoStore store = new TodoStore(Db.open(dir.resolve("e.db")), Clock.systemUTC())) {
            OutlineStore outline = new OutlineStore(store);
            TodoList home = store.createList("Home");
            TodoList work = store.createList("Work");
            Item p = add(store, "p", home.id());
            Item c = add(store, "c", home.id());
            outline.indent(c.id());
            outline.move(p.id(), new OutlineStore.Target(work.id(), null, null, null));
            assertEquals(List.of("p", "  c"), titles(store, work.id()));
            assertEquals(List.of(), titles(store, home.id()));
        }
    }

    @Test
    void move_betweenTodosSharingARank_reranksTheSiblingsOnce() {
        try (TodoStore store = new TodoStore(Db.open(dir.resolve("f.db")), Clock.systemUTC())) {
            OutlineStore outline = new OutlineStore(store);
            TodoList l = store.createList("Home");
            Item a = add(store, "a", l.id());
            Item b = add(store, "b", l.id());
            Item c = add(store, "c", l.id());
            // Two devices put a and b in the same gap: same key, ordered by id.
            store.update(b.id(), i -> i.withRank(store.get(a.id()).orElseThrow().rank()));
            List<String> before = titles(store, l.id());
            String second = before.get(1);
            Item target = second.equals("a") ? a : b;
            outline.move(c.id(), new OutlineStore.Target(l.id(), null, null, target.id()));
            List<String> after = titles(store, l.id());
            assertEquals(List.of(before.get(0), "c", before.get(1)), after);
            assertTrue(Rank.isValid(store.get(c.id()).orElseThrow().rank()));
        }
    }

    @Test
    void sections_createMoveAndDelete_keepTheirTodos() {
        try (TodoStore store = new TodoStore(Db.open(dir.resolve("g.db")), Clock.systemUTC())) {
            OutlineStore outline = new OutlineStore(store);
            SectionStore sections = new SectionStore(store);
            TodoList l = store.createList("Home");
            Section week = sections.create(l.id(), "This week");
            Section later = sections.create(l.id(), "Later");
            Item a = add(store, "a", l.id());
            add(store, "b", l.id());
            outline.move(a.id(), new OutlineStore.Target(l.id(), null, later.id(), null));
            assertEquals(List.of("b", "#This week", "#Later", "a"), titles(store, l.id()));
            sections.move(later.id(), week.id());
            assertEquals(List.of("b", "#Later", "a", "#This week"), titles(store, l.id()));
            SectionStore.Deleted d = sections.delete(later.id()).orElseThrow();
            assertEquals(List.of("a", "b", "#This week"), titles(store, l.id()));
            sections.undelete(d);
            assertEquals(List.of("b", "#Later", "a", "#This week"), titles(store, l.id()));
        }
    }

    @Test
    void moveList_beforeAnother_ordersTheSidebar() {
        try (TodoStore store = new TodoStore(Db.open(dir.resolve("h.db")), Clock.systemUTC())) {
            SectionStore sections = new SectionStore(store);
            TodoList a = store.createList("A");
            store.createList("B");
            TodoList c = store.createList("C");
            sections.moveList(c.id(), a.id());
            assertEquals(List.of("C", "A", "B"), store.lists().stream().map(TodoList::name).toList());
            TodoList d = store.createList("D");
            assertEquals(List.of("C", "A", "B", "D"), store.lists().stream().map(TodoList::name).toList());
            sections.moveList(d.id(), c.id());
            assertEquals("D", store.lists().get(0).name());
        }
    }

    @Test
    void move_inAListOfAThousand_recordsOneFieldChangeOfTheMovedTodoOnly() {
        try (TodoStore store = new TodoStore(Db.open(dir.resolve("i.db")), Clock.systemUTC())) {
            OutlineStore outline = new OutlineStore(store);
            TodoList l = store.createList("Home");
            List<Item> items = new ArrayList<>();
            for (int n = 0; n < 1_000; n++) {
                items.add(add(store, "t" + n, l.id()));
            }
            Map<String, Integer> before = new HashMap<>();
            items.forEach(i -> before.put(i.id(), store.history().changes("items", i.id()).size()));
            Item moved = items.get(900);
            outline.move(moved.id(), new OutlineStore.Target(l.id(), null, null, items.get(10).id()));
            for (Item i : items) {
                List<Change> changes = store.history().changes("items", i.id());
                if (i.id().equals(moved.id())) {
                    assertEquals(before.get(i.id()) + 1, changes.size());
                    assertEquals(List.of("rank"), changes.get(changes.size() - 1).fields().stream()
                            .map(FieldChange::field).toList());
                } else {
                    assertEquals(before.get(i.id()), changes.size(), "a sibling was rewritten");
                }
            }
        }
    }
}
