package dev.tandem.app.web;

import static dev.tandem.app.web.JsonText.obj;

import dev.tandem.app.model.ConflictWords;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.OutlineStore;
import dev.tandem.app.model.OutsideEdits;
import dev.tandem.app.model.Section;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.TreeDepth;
import dev.tandem.engine.Tx;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A todo moved on the page (the outbox's {@code move} entry): in its list, under another todo or out, into a
 * section, before a sibling. The move itself is the model's ({@link OutlineStore#move}), as the desktop's drag
 * and keys make it: it writes the todo's rank between its new neighbours' (and its parent or section), so moves
 * made on two devices at once end in the same order everywhere, as ranks and ids order siblings on every device.
 *
 * <p>A move carries its base: the list, parent and section the page showed the todo in. Decided in one
 * transaction with the move's write: when the todo still sits there (or sits already where the move puts it,
 * the entry sent again), it moves; when another device moved it elsewhere meanwhile, it stays where that device
 * put it, and the page's place for it is kept in Conflicts (its parent, section or list, as lost to the other
 * device's, with the browser as author), answered 409: a stale page never moves a todo back over a later move.
 *
 * <p>Checked before anything is read: {@code to} and {@code base} are objects of ids (1 to 200 letters, digits
 * and dashes) or nulls, nothing else; then the todo, the parent (not the todo itself nor under it, not in the
 * Trash, no deeper than {@code Outline.MAX_DEPTH}), the section (of the list it moves into) and the list must
 * exist, else 400 or 404 with a sentence.
 */
final class WebMoves {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,200}");
    private static final Set<String> TO = Set.of("listId", "parentId", "sectionId", "beforeId");
    private static final List<String> PLACE = List.of("listId", "parentId", "sectionId");

    private final TodoStore store;
    private final OutsideEdits edits;
    private final ItemAnswers items;

    WebMoves(TodoStore store, ItemAnswers items) {
        this.store = store;
        this.edits = new OutsideEdits(store);
        this.items = items;
    }

    /** Moves {@code id} to {@code to} if it is still where {@code base} says; else 409 and a Conflict. */
    WebWrites.Answer move(String id, Object to, Object base, Browsers.Browser browser, Language language) {
        Map<String, String> target = ids(to, TO, false);
        Map<String, String> seen = ids(base, Set.copyOf(PLACE), true);
        if (seen.get("parentId") != null) {
            // A subtask's section is its top todo's: whatever its row still says, it is in none of its own.
            seen.put("sectionId", null);
        }
        List<String> stale = store.writeAll(tx -> {
            Item cur = tx.get(Item.class, id).filter(i -> !i.isTrashed())
                    .orElseThrow(() -> new BadRequest(404, "server.item.gone"));
            OutlineStore.Target t = checked(tx, id, target);
            Map<String, String> now = place(tx, cur);
            Map<String, String> wanted = wanted(tx, t);
            if (now.equals(seen) || now.equals(wanted)) {
                try {
                    store.outlines().move(id, t);
                } catch (TreeDepth.TooDeepException e) {
                    throw new BadRequest("server.refused", e.getMessage());
                } catch (IllegalArgumentException e) {
                    throw new BadRequest("server.move.underItself");
                }
                return List.<String>of();
            }
            // Moved elsewhere since the page saw it: that move stays, and the page's place goes to Conflicts.
            List<String> fields = new ArrayList<>();
            Map<String, Object> lost = new LinkedHashMap<>();
            for (String f : PLACE) {
                if (!Objects.equals(now.get(f), wanted.get(f))) {
                    fields.add(f);
                    lost.put(f, wanted.get(f));
                }
            }
            List<String> tags = store.tags().of(id);
            edits.merge(cur, tags, null, tags, new OutsideEdits.Clashes(browser.id(), browser.name(), Map.of(), lost,
                    store.clock().instant()));
            return fields;
        });
        Map<String, Object> row = items.row(items.item(id));
        if (stale.isEmpty()) {
            return new WebWrites.Answer(200, obj("item", row));
        }
        return new WebWrites.Answer(409, obj("error", Messages.text(language, "server.conflict.moved",
                String.join(", ", stale.stream().map(ConflictWords::fieldLabel).toList())), "fields", stale, "item", row));
    }

    /** The target, its parent, section and list checked: they exist, and the section is of the list it goes into. */
    private static OutlineStore.Target checked(Tx tx, String id, Map<String, String> to) {
        String parentId = to.get("parentId");
        String listId = to.get("listId");
        if (parentId != null) {
            Item parent = tx.get(Item.class, parentId).filter(p -> !p.isTrashed())
                    .orElseThrow(() -> new BadRequest(404, "server.move.parentGone"));
            if (parent.id().equals(id)) {
                throw new BadRequest("server.move.underItself");
            }
            // A subtask's list is its parent's, whatever the page said.
            return new OutlineStore.Target(parent.listId(), parentId, null, to.get("beforeId"));
        }
        if (listId != null && tx.get(TodoList.class, listId).isEmpty()) {
            throw new BadRequest(404, "server.move.listGone");
        }
        String sectionId = to.get("sectionId");
        if (sectionId != null && tx.get(Section.class, sectionId).filter(s -> s.listId().equals(listId)).isEmpty()) {
            throw new BadRequest(404, "server.move.sectionGone");
        }
        return new OutlineStore.Target(listId, null, sectionId, to.get("beforeId"));
    }

    /** Where a todo sits, as the page knows it: its list (none when the list is gone), parent and section. */
    private static Map<String, String> place(Tx tx, Item it) {
        Map<String, String> out = new LinkedHashMap<>();
        String list = it.listId() == null || tx.get(TodoList.class, it.listId()).isEmpty() ? null
                : it.listId();
        out.put("listId", list);
        out.put("parentId", it.parentId());
        out.put("sectionId", it.hasParent() ? null : it.sectionId());
        return out;
    }

    /** Where the move puts it, as {@link #place} would then say. */
    private static Map<String, String> wanted(Tx tx, OutlineStore.Target t) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("listId", t.listId());
        out.put("parentId", t.parentId());
        out.put("sectionId", t.parentId() != null ? null : t.sectionId());
        return out;
    }

    /**
     * {@code value} as an object of ids: only {@code names}, each an id or null; with {@code all}, every one of
     * them given (a base names where the todo was, all of it).
     */
    private static Map<String, String> ids(Object value, Set<String> names, boolean all) {
        if (!(value instanceof Map<?, ?> m)) {
            throw new BadRequest(all ? "server.move.noBase" : "server.move.noTarget");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getKey() instanceof String k) || !names.contains(k)) {
                throw new BadRequest("server.move.unknownField", String.valueOf(e.getKey()));
            }
            Object v = e.getValue();
            if (v != null && !(v instanceof String s && ID.matcher(s).matches())) {
                throw new BadRequest("server.move.notAnId", k);
            }
            out.put(k, (String) v);
        }
        if (all && !out.keySet().containsAll(names)) {
            throw new BadRequest("server.move.noBase");
        }
        for (String n : names) {
            out.putIfAbsent(n, null);
        }
        return out;
    }
}
