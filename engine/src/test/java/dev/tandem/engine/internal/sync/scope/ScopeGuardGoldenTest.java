package dev.tandem.engine.internal.sync.scope;

import static dev.tandem.engine.testing.GoldenOut.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.engine.Db;
import dev.tandem.engine.Table;
import dev.tandem.engine.internal.SyncPort;
import dev.tandem.engine.internal.changelog.ChangeData;
import dev.tandem.engine.internal.changelog.FieldData;
import dev.tandem.engine.sync.SyncScope;
import dev.tandem.engine.testing.GoldenOut;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Golden verdicts of the ScopeGuard for the JavaScript core: a database holding a shared list, a list
 * of its own, a todo in each and a tag on each, and one group of other members' changes judged against
 * it (in, out with the reason, or waiting), in the app's tree (lists, items by listId, item_tags by
 * itemId). The JavaScript core judges the same group against the same rows and must give the same
 * verdicts, word for word.
 */
@Tag("unit")
class ScopeGuardGoldenTest {
    static final String LIST = "0193433e-a800-7000-8000-00000000aaaa";
    static final SyncScope.Tree TREE = (SyncScope.Tree) SyncScope.tree("lists", Set.of(LIST),
            List.of(new SyncScope.Link("items", "listId", "lists"), new SyncScope.Link("item_tags", "itemId", "items"),
                    new SyncScope.Link("attachments", "itemId", "items")));

    @Table("lists")
    record TodoList(String id, String name) {
    }

    @Table("items")
    record Item(String id, String title, String listId) {
    }

    @Table("item_tags")
    record ItemTag(String id, String itemId, String tag) {
    }

    private int next;

    private ChangeData change(String table, String entity, Object... kv) {
        List<FieldData> fields = new ArrayList<>();
        for (int i = 0; i < kv.length; i += 2) {
            fields.add(new FieldData((String) kv[i], kv[i + 1], null));
        }
        return new ChangeData(new UUID(0x0193_433e_a800_7000L, 0x8000_0000_0000_0100L + next++), table, entity, fields);
    }

    @Test
    void write_verdictsOfOneGroup() throws Exception {
        try (Db db = Db.builder().memory().build()) {
            db.migrate(List.of("CREATE TABLE lists(id TEXT PRIMARY KEY, name TEXT)",
                    "CREATE TABLE items(id TEXT PRIMARY KEY, title TEXT, listId TEXT)",
                    "CREATE TABLE item_tags(id TEXT PRIMARY KEY, itemId TEXT, tag TEXT)"));
            db.save(new TodoList(LIST, "Shared"));
            db.save(new TodoList("mine", "Mine"));
            db.save(new Item("in", "Shared todo", LIST));
            db.save(new Item("home", "Private todo", "mine"));
            db.save(new ItemTag("tag-in", "in", "a"));
            db.save(new ItemTag("tag-home", "home", "b"));
            List<ChangeData> group = List.of(
                    change("items", "in", "title", "Renamed"),
                    change("items", "home", "title", "Hacked"),
                    change("lists", "mine", "name", "Mine now"),
                    change("lists", LIST, "name", "Shared, renamed"),
                    change("items", "in", "listId", "mine"),
                    change("items", "in", "listId", null),
                    change("items", "home", "listId", LIST),
                    change("notes", "n1", "title", "Elsewhere"),
                    change("items", "fresh", "listid", LIST, "title", "Spelled otherwise"),
                    change("item_tags", "t-late", "itemId", "made", "tag", "x"),
                    change("items", "made", "listId", LIST, "title", "Made in the same group"),
                    change("item_tags", "t-home", "itemId", "home", "tag", "y"),
                    change("items", "ghost", "title", "Not here yet"),
                    change("item_tags", "t-ghost", "itemId", "ghost2", "tag", "z"),
                    change("attachments", "a1", "itemId", "in", "name", "scan.pdf"),
                    change("Items", "in", "title", "Other case"));
            ScopeGuard.Judged<ChangeData> judged = SyncPort.of(db).read(c -> new ScopeGuard(TREE).admit(c, group, x -> x));
            Map<UUID, Object> verdicts = new LinkedHashMap<>();
            judged.in().forEach(ch -> verdicts.put(ch.id(), obj("in", true)));
            judged.out().forEach(e -> verdicts.put(e.getKey().id(), obj("in", false, "problem", e.getValue().problem(),
                    "waits", e.getValue().waits())));
            List<Object> cases = new ArrayList<>();
            for (ChangeData ch : group) {
                Map<String, Object> fields = new LinkedHashMap<>();
                ch.fields().forEach(f -> fields.put(f.name(), f.value()));
                cases.add(obj("id", ch.id(), "table", ch.table(), "entity", ch.entity(), "fields", fields,
                        "verdict", verdicts.get(ch.id())));
            }
            assertEquals(group.size(), verdicts.size());
            new GoldenOut("space").json("scope-guard", obj("list", LIST, "rows", List.of(
                    obj("table", "lists", "id", LIST, "fields", obj("name", "Shared")),
                    obj("table", "lists", "id", "mine", "fields", obj("name", "Mine")),
                    obj("table", "items", "id", "in", "fields", obj("title", "Shared todo", "listId", LIST)),
                    obj("table", "items", "id", "home", "fields", obj("title", "Private todo", "listId", "mine")),
                    obj("table", "item_tags", "id", "tag-in", "fields", obj("itemId", "in", "tag", "a")),
                    obj("table", "item_tags", "id", "tag-home", "fields", obj("itemId", "home", "tag", "b"))),
                    "in", judged.in().stream().map(ChangeData::id).toList(), "cases", cases));
        }
    }
}
