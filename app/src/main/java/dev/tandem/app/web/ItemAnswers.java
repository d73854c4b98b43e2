package dev.tandem.app.web;

import dev.tandem.app.model.AttachmentStore;
import dev.tandem.app.model.Item;

import dev.tandem.app.model.TagStore;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.outline.OutlineStore;
import dev.tandem.ui.messages.Language;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** Items as answers carry them: one item with its tags, in full (with its subtasks and files). */
final class ItemAnswers {
    private final TodoStore store;
    private final TagStore tags;
    private final OutlineStore outline;
    private final Supplier<Set<String>> sharedLists;
    private final AttachmentStore attachments;

    ItemAnswers(TodoStore store, Supplier<Set<String>> sharedLists, AttachmentStore attachments) {
        this.store = store;
        this.tags = store.tags();
        this.outline = new OutlineStore(store);
        this.sharedLists = sharedLists;
        this.attachments = attachments;
    }

    /** The item with its tags; 404 when there is none. */
    Item item(String id) {
        Item it = store.get(id).orElseThrow(() -> new BadRequest(404, "server.item.gone"));
        return it.withTags(String.join(" ", tags.of(id)));
    }

    /** The item with its tags, if {@code scope} sees it; 404 otherwise, as for one that does not exist. */
    Item item(String id, ApiScope scope) {
        Item it = item(id);
        if (!scope.sees(it)) {
            throw new BadRequest(404, "server.item.gone");
        }
        return it;
    }

    /**
     * Everything the editor shows, with the item's subtasks as rows (done ones too), in their order; the note's
     * files' words in {@code language}.
     */
    Map<String, Object> full(Item it, Language language) {
        Map<String, TodoList> lists = lists();
        Map<String, Object> m = ItemJson.full(it, lists, store.today(), sharedLists.get(), attachments, language);
        List<Object> subtasks = new ArrayList<>();
        for (Item child : outline.children(it.id())) {
            subtasks.add(ItemJson.row(child.withTags(String.join(" ", tags.of(child.id()))), lists, store.today(),
                    sharedLists.get()));
        }
        m.put("subtasks", subtasks);
        m.put("parentId", it.parentId());
        return m;
    }

    Map<String, TodoList> lists() {
        Map<String, TodoList> out = new LinkedHashMap<>();
        store.lists().forEach(l -> out.put(l.id(), l));
        return out;
    }
}
