package dev.tandem.app.caldav;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoStore;
import dev.tandem.engine.caldav.CalDavAccount;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tasks that move between calendars, across the lists of one sync.
 *
 * <p>A phone moves a task by PUT into the new calendar and DELETE from the old, same UID (DAVx5,
 * Apple Reminders, python3-caldav, todoman with vdirsyncer), and a sync may see either half first,
 * in one sync or two. So: a task gone from its calendar is only <em>pending</em> until every
 * connected list was read ({@link #removed}, {@link #finish}); an object new in a calendar whose UID
 * is known in another takes that task along, todo and base ({@link #movedHere}), and a pending
 * removal it claims is no delete. What no other calendar claimed by the end is a delete: the todo
 * goes to the Trash (a task moved to a calendar Tandem does not see is indistinguishable from a
 * delete). A UID arriving after its todo went to the Trash that way, in a later sync, brings the
 * todo back into the list it arrived in ({@link #taskIdFor}).
 *
 * <p>Tandem moves a todo to another connected list the way phones expect: PUT into the new
 * calendar under the same UID and file name, then DELETE from the old (the new list's push does
 * both; the old list's push leaves it alone, {@link #leftFor}), once the old list was read in this
 * sync ({@link #waitsForRead}). A todo moved to a list that is not
 * connected leaves the server (deleted from the old calendar) and stays here.
 */
final class Moves {
    private final TodoStore store;
    private final CalDavState state;
    private final Set<String> connected;
    private final Set<String> off;
    private final Map<String, CalDavState.Task> pending = new LinkedHashMap<>();
    private final Set<String> read = new HashSet<>();

    /**
     * {@code off}: the lists disconnected on their own, whose tasks are still known. A todo moved
     * from one of them to a connected list is moved on the server too (the old copy left behind
     * would take the todo back when its list is connected again); their calendars are not read.
     */
    Moves(TodoStore store, CalDavState state, Set<String> connected, Set<String> off) {
        this.store = store;
        this.state = state;
        this.connected = connected;
        this.off = Set.copyOf(off);
    }

    /** A known task's object is gone from its calendar: a delete, unless it turns up in another calendar by the end. */
    void removed(CalDavState.Task t) {
        pending.put(t.taskId(), t);
    }

    boolean isPending(String taskId) {
        return pending.containsKey(taskId);
    }

    /** The known task with {@code uid} at another path, now arrived at {@code href}: moved here. */
    Optional<CalDavState.Task> movedHere(String uid, String href) {
        Optional<CalDavState.Task> t = state.taskByUid(uid).filter(k -> !k.href().equals(href));
        t.ifPresent(k -> pending.remove(k.taskId()));
        return t;
    }

    /**
     * The task id of a task new here: a todo or series whose id is the UID (Tandem wrote it, and it
     * came back after a delete), else the id the UID derives, as a task from elsewhere.
     */
    String taskIdFor(String uid) {
        return TaskIds.current(store, uid) != null ? uid : TaskIds.fromUid(uid);
    }

    /** Whether the todo of a task known in {@code listId} now lives in another connected list, whose push moves it. */
    boolean leftFor(CalDavState.Task t, String listId) {
        Item it = TaskIds.current(store, t.taskId());
        String now = it == null || it.isTrashed() ? null : it.listId() == null ? "" : it.listId();
        return now != null && !now.equals(listId) && connected.contains(now);
    }

    /** List {@code listId}'s calendar was read in this sync: the phone's changes to its objects are merged. */
    void read(String listId) {
        read.add(listId);
    }

    /**
     * Whether a todo moved here from the list of {@code from} must wait until that list was read in
     * this sync: the old copy may hold a phone's edit, which is merged first and whose new entity tag
     * the DELETE of the old copy needs (a refused DELETE left a second copy behind, and reading the
     * old calendar then took the todo back there).
     */
    boolean waitsForRead(CalDavState.Task from) {
        return !read.contains(from.listId()) && !off.contains(from.listId());
    }

    /** The task known in another connected list for a todo of this one: Tandem moved it here. */
    Optional<CalDavState.Task> movedFromElsewhere(String taskId, String listId) {
        return state.task(taskId).filter(t -> !t.listId().equals(listId)
                && (connected.contains(t.listId()) || off.contains(t.listId())));
    }

    /** After every list: the removals no calendar claimed are deletes, their todos go to the Trash. */
    void finish(CalDavReport.Builder report) {
        for (CalDavState.Task t : pending.values()) {
            Item local = TaskIds.current(store, t.taskId());
            if (local != null && !local.isTrashed()) {
                store.trash(local.id());
                report.trashedFromPhone();
            }
            state.remove(t.taskId());
        }
        pending.clear();
    }

    /** The last segment of a path: the file name a moved object keeps. */
    static String fileName(String href) {
        return href.substring(href.lastIndexOf('/') + 1);
    }

    /** Deletes the old copy after a move here was written; a refused delete leaves it for the phone. */
    static boolean deleteOld(CalDavAccount account, CalDavState.Task old) {
        return account.delete(old.href(), old.etag());
    }
}
