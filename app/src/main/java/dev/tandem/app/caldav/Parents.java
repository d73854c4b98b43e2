package dev.tandem.app.caldav;

import dev.tandem.app.model.Item;

import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.outline.OutlineStore;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Subtasks across the bridge: a todo's {@code parentId} is, on the server, the parent's UID in the
 * subtask's RELATED-TO ({@link Relations}). A parent is followed within one list only, as a subtask's list
 * is its top todo's in Tandem.
 *
 * <p>A phone's parent that is not here (yet: the parent arrives later in the sync, or in a later one; or
 * it is in another calendar, or following it would make a loop) does not lose the task: the todo stays at
 * the top of its list, and the parent's UID is remembered in {@link CalDavState} ({@code unlinked:} and
 * the todo's id), so the todo's fields still say that parent and no write takes the relation off the
 * server. {@link #link} puts it under the parent once the parent is in its list. An edit here that
 * places the todo somewhere forgets the remembered parent, and the next write says the new one.
 */
final class Parents {
    private static final String UNLINKED = "unlinked:";
    /** Deeper than any outline a person keeps; only a damaged tree would need more outdents. */
    private static final int MAX_DEPTH = 64;

    private final TodoStore store;
    private final CalDavState state;
    private final OutlineStore outline;

    Parents(TodoStore store, CalDavState state) {
        this.store = store;
        this.state = state;
        this.outline = new OutlineStore(store);
    }

    /**
     * The fields of {@code it} as the server should hold them, its parent's UID included; {@code base} (null
     * when unknown) is what the server said, whose parent stands while the todo's parent has no task on the
     * server (in the Trash here, deleted or moved on the phone until the move's other half is read).
     */
    TaskFields fieldsOf(Item it, TaskFields base) {
        TaskFields f = Merge.fieldsOf(store, it);
        if (!it.hasParent()) {
            return f.withParent(state.setting(UNLINKED + it.id()).orElse(null));
        }
        Item parent = store.get(it.parentId()).orElse(null);
        if (parent != null && Item.NOTE.equals(parent.kind())) {
            return f.withParent(null); // notes are not on the server: a todo under one is at the top there
        }
        String taskId = parent == null ? null : TaskIds.of(parent);
        Optional<CalDavState.Task> task = taskId == null ? Optional.empty() : state.task(taskId);
        if (task.isPresent()) {
            return f.withParent(task.get().uid());
        }
        // A todo made here and not written yet has its task id as UID; a missing or trashed one's UID is unknown.
        return f.withParent(parent != null && !parent.isTrashed() ? taskId : base == null ? null : base.parent());
    }

    /** The todo of list {@code listId} ("" the Inbox) that the task {@code uid} stands for; null when none here. */
    Item byUid(String uid, String listId) {
        Item it = state.taskByUid(uid).map(t -> TaskIds.current(store, t.taskId())).orElse(null);
        if (it == null) {
            it = TaskIds.current(store, uid); // made here, not written yet
        }
        if (it == null) {
            it = TaskIds.current(store, TaskIds.fromUid(uid));
        }
        return it == null || it.isTrashed() || !listOf(it).equals(listId) ? null : it;
    }

    /**
     * Where a todo made from the phone goes: the parent's id when the task {@code uid} is in list
     * {@code listId}, else null (at the top), remembering the parent for {@code itemId}.
     */
    String parentForNew(String itemId, String uid, String listId) {
        Item parent = uid == null ? null : byUid(uid, listId);
        if (parent != null && !outline.fits(parent.id(), null)) {
            parent = null; // past the depth limit: at the top, as a chain of the phone's any deeper is not followed
        }
        remember(itemId, uid != null && parent == null ? uid : null);
        return parent == null ? null : parent.id();
    }

    /** Puts {@code it} under the task {@code uid} (null: at the top), as the phone's RELATED-TO says. */
    void place(Item it, String uid) {
        Item parent = uid == null ? null : byUid(uid, listOf(it));
        if (parent != null && (loops(parent, it.id()) || !outline.fits(parent.id(), it.id()))) {
            parent = null; // a loop the phone's relations make, or a chain past the depth limit, is not followed
        }
        remember(it.id(), uid != null && parent == null ? uid : null);
        if (parent != null) {
            if (!parent.id().equals(it.parentId())) {
                outline.move(it.id(), new OutlineStore.Target(parent.listId(), parent.id(), null, null));
            }
        } else {
            toTop(it.id());
        }
    }

    /**
     * Moves {@code it} with the todos under it into list {@code listId} ("" the Inbox), after its new
     * siblings and in no section (a section is its list's): the phone moved its task to that calendar.
     * It stays under its parent if the parent is in that list already; else it waits at the top for it,
     * its parent's UID remembered, as a subtask whose parent has not arrived.
     */
    void moveToList(Item it, String listId) {
        if (listOf(it).equals(listId)) {
            return;
        }
        Item parent = it.hasParent() ? store.get(it.parentId()).orElse(null) : null;
        boolean keep = parent != null && !parent.isTrashed() && listOf(parent).equals(listId)
                && outline.fits(parent.id(), it.id());
        if (it.hasParent() && !keep) {
            remember(it.id(), fieldsOf(it, null).parent());
        }
        outline.move(it.id(), new OutlineStore.Target(listId.isEmpty() ? null : listId, keep ? parent.id() : null,
                null, null));
    }

    /** Puts under their parents the todos of list {@code listId} left at the top for a parent that is here now. */
    void link(String listId) {
        for (Map.Entry<String, String> e : state.settings(UNLINKED).entrySet()) {
            Item it = store.get(e.getKey()).orElse(null);
            if (it == null || it.hasParent()) {
                remember(e.getKey(), null); // gone for good, or placed here since: that place is the todo's now
                continue;
            }
            if (it.isTrashed() || !listOf(it).equals(listId)) {
                continue;
            }
            Item parent = byUid(e.getValue(), listId);
            if (parent != null && !loops(parent, it.id()) && outline.fits(parent.id(), it.id())) {
                outline.move(it.id(), new OutlineStore.Target(parent.listId(), parent.id(), null, null));
                remember(it.id(), null);
            }
        }
    }

    /** Out of its parents to the top, right after its top todo (in that todo's section). */
    private void toTop(String id) {
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            Item it = store.get(id).orElse(null);
            if (it == null || !it.hasParent() || outline.outdent(id).isEmpty()) {
                return;
            }
        }
    }

    /** Whether {@code parent} is {@code id} or lies under it. */
    private boolean loops(Item parent, String id) {
        Set<String> seen = new HashSet<>();
        Item at = parent;
        while (at != null && seen.add(at.id())) {
            if (at.id().equals(id)) {
                return true;
            }
            at = at.hasParent() ? store.get(at.parentId()).orElse(null) : null;
        }
        return false;
    }

    private void remember(String itemId, String uid) {
        if (!Objects.equals(state.setting(UNLINKED + itemId).orElse(null), uid)) {
            state.setting(UNLINKED + itemId, uid);
        }
    }

    private static String listOf(Item it) {
        return it.listId() == null ? "" : it.listId();
    }
}
