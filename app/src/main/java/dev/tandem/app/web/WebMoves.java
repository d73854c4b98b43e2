package dev.tandem.app.web;

import static dev.tandem.app.web.JsonText.obj;

import dev.tandem.app.model.ConflictWords;


import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.outline.Outline;
import dev.tandem.app.model.outline.OutlineStore;
import dev.tandem.app.model.outline.SeenMoves;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A todo moved on the page (the outbox's {@code move} entry): in its list, under another todo or out, into a
 * section, before a sibling. The move itself is the model's ({@link OutlineStore#move}), as the desktop's drag
 * and keys make it: it writes the todo's rank between its new neighbours' (and its parent or section), so moves
 * made on two devices at once end in the same order everywhere, as ranks and ids order siblings on every device.
 *
 * <p>A move carries its base: the list, parent and section the page showed the todo in. The model decides in one
 * transaction with the move's write ({@link SeenMoves}): when the todo still sits there (or sits already where the
 * move puts it, the entry sent again), it moves; when another device moved it elsewhere meanwhile, it stays where
 * that device put it, and the page's place for it is kept in Conflicts (its parent, section or list, as lost to the
 * other device's, with the browser as author), answered 409: a stale page never moves a todo back over a later move.
 *
 * <p>Checked before anything is read: {@code to} and {@code base} are objects of ids (1 to 200 letters, digits
 * and dashes) or nulls, nothing else; then the todo, the parent (not the todo itself nor under it, not in the
 * Trash, no deeper than {@code Outline.MAX_DEPTH}), the section (of the list it moves into) and the list must
 * exist, else 400 or 404 with a sentence.
 */
final class WebMoves {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,200}");
    private static final Set<String> TO = Set.of("listId", "parentId", "sectionId", "beforeId");
    private static final Set<String> PLACE = Set.of("listId", "parentId", "sectionId");

    private final TodoStore store;
    private final SeenMoves moves;

    WebMoves(TodoStore store) {
        this.store = store;
        this.moves = new SeenMoves(store);
    }

    /** Moves {@code id} to {@code to} if it is still where {@code base} says; else 409 and a Conflict. */
    WebWrites.Answer move(String id, Object to, Object base, Browsers.Browser browser, Language language) {
        Map<String, String> target = ids(to, TO, false);
        Map<String, String> seen = ids(base, PLACE, true);
        SeenMoves.Result r = moves.move(id, new SeenMoves.Place(seen.get("listId"), seen.get("parentId"), seen.get("sectionId")),
                new OutlineStore.Target(target.get("listId"), target.get("parentId"), target.get("sectionId"), target.get("beforeId")),
                browser.id(), browser.name(), store.clock().instant());
        switch (r.outcome()) {
            case GONE -> throw new BadRequest(404, "server.item.gone");
            case PARENT_GONE -> throw new BadRequest(404, "server.move.parentGone");
            case LIST_GONE -> throw new BadRequest(404, "server.move.listGone");
            case SECTION_GONE -> throw new BadRequest(404, "server.move.sectionGone");
            case UNDER_ITSELF -> throw new BadRequest("server.move.underItself");
            case TOO_DEEP -> throw new BadRequest("server.refused", Messages.text("common.outline.tooDeep", Outline.MAX_DEPTH));
            default -> { }
        }
        if (r.outcome() == SeenMoves.Outcome.MOVED) {
            return new WebWrites.Answer(200, id, Map.of());
        }
        return new WebWrites.Answer(409, id, obj("reason", Messages.text(language, "server.conflict.moved",
                String.join(", ", r.stale().stream().map(ConflictWords::fieldLabel).toList())), "fields", r.stale()));
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
