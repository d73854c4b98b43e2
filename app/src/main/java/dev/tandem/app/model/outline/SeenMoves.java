package dev.tandem.app.model.outline;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.OutsideEdits;
import dev.tandem.app.model.Section;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.TreeDepth;
import dev.tandem.engine.Db;
import dev.tandem.engine.Tx;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A todo moved by a reader that saw it somewhere (the web page's outbox, replayed later): the move is the outline's
 * own ({@link OutlineStore#move}), made only if the todo still sits where the reader saw it, or sits already where
 * the move puts it (the move sent again). Otherwise another device moved it elsewhere meanwhile: that move stays,
 * and the reader's place for it is kept as a Conflict (its list, parent or section as lost values, with the reader
 * as author), as an edit of a field changed meanwhile is. A stale reader never moves a todo back over a later move.
 *
 * <p>Decided and written in one transaction: what is read (the todo, its target's parent, section and list) is what
 * the write builds on. Refusals are answered, not thrown, so the caller says each in its own words.
 */
public final class SeenMoves {
    /** Where a todo sits: its list (null: the Inbox, or a list that is gone), parent and section (null under a parent). */
    public record Place(String listId, String parentId, String sectionId) {
        /** The place a subtask has no section of its own in. */
        public Place {
            sectionId = parentId != null ? null : sectionId;
        }
    }

    /** What the move did: {@code MOVED}, {@code MOVED_ELSEWHERE} (with the {@code stale} fields kept in Conflicts), or why not. */
    public enum Outcome { MOVED, MOVED_ELSEWHERE, GONE, PARENT_GONE, UNDER_ITSELF, TOO_DEEP, LIST_GONE, SECTION_GONE }

    /** An outcome, with the fields kept in Conflicts ({@code listId}, {@code parentId}, {@code sectionId}) when moved elsewhere. */
    public record Result(Outcome outcome, List<String> stale) {
    }

    private final Db db;
    private final OutlineStore outline;

    public SeenMoves(TodoStore store) {
        this.db = Objects.requireNonNull(store, "store").db();
        this.outline = new OutlineStore(store);
    }

    /**
     * Moves {@code id} to {@code target} if it sits at {@code seen} (or at the target already); else keeps the
     * target's place as lost to the other device's, by {@code author} (named {@code authorName}) at {@code at}.
     */
    public Result move(String id, Place seen, OutlineStore.Target target, String author, String authorName, Instant at) {
        return db.transactionResult(tx -> {
            Item cur = tx.get(Item.class, id).filter(i -> !i.isTrashed()).orElse(null);
            if (cur == null) {
                return result(Outcome.GONE);
            }
            OutlineStore.Target t;
            if (target.parentId() != null) {
                Item parent = tx.get(Item.class, target.parentId()).filter(p -> !p.isTrashed()).orElse(null);
                if (parent == null) {
                    return result(Outcome.PARENT_GONE);
                }
                // A subtask's list is its parent's, whatever the reader said.
                t = new OutlineStore.Target(parent.listId(), parent.id(), null, target.beforeId());
            } else {
                if (target.listId() != null && tx.get(TodoList.class, target.listId()).isEmpty()) {
                    return result(Outcome.LIST_GONE);
                }
                if (target.sectionId() != null && tx.get(Section.class, target.sectionId())
                        .filter(s -> s.listId().equals(target.listId())).isEmpty()) {
                    return result(Outcome.SECTION_GONE);
                }
                t = target;
            }
            Place now = place(tx, cur);
            Place wanted = new Place(t.listId(), t.parentId(), t.sectionId());
            if (now.equals(seen) || now.equals(wanted)) {
                try {
                    outline.move(id, t);
                } catch (TreeDepth.TooDeepException e) {
                    return result(Outcome.TOO_DEEP);
                } catch (IllegalArgumentException e) {
                    return result(Outcome.UNDER_ITSELF);
                }
                return result(Outcome.MOVED);
            }
            Map<String, Object> lost = new LinkedHashMap<>();
            if (!Objects.equals(now.listId(), wanted.listId())) {
                lost.put("listId", wanted.listId());
            }
            if (!Objects.equals(now.parentId(), wanted.parentId())) {
                lost.put("parentId", wanted.parentId());
            }
            if (!Objects.equals(now.sectionId(), wanted.sectionId())) {
                lost.put("sectionId", wanted.sectionId());
            }
            OutsideEdits.keep(tx, id, new OutsideEdits.Clashes(author, authorName, Map.of(), lost, at));
            return new Result(Outcome.MOVED_ELSEWHERE, new ArrayList<>(lost.keySet()));
        });
    }

    private static Result result(Outcome o) {
        return new Result(o, List.of());
    }

    /** Where {@code it} sits, as a reader knows it: a list that is gone is the Inbox. */
    private static Place place(Tx tx, Item it) {
        String list = it.listId() == null || tx.get(TodoList.class, it.listId()).isEmpty() ? null : it.listId();
        return new Place(list, it.parentId(), it.sectionId());
    }
}
