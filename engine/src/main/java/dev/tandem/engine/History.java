package dev.tandem.engine;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The changelog read backwards: any earlier version of an entity, and a table as it stood at an
 * earlier time. Nothing here writes; bringing a version back is an ordinary save of its values,
 * which syncs as a new edit.
 *
 * <p>A version is the entity's state right after one of its changes: every attribute at the value
 * the newest change up to that one gave it (the order last write wins uses). A table "as of" a time
 * holds every entity as it was after all changes made at or before that time (by the time in each
 * change's id, wherever it was made), leaving out entities not yet made or deleted by then. Both are
 * exact while the changelog still holds the changes involved: {@link Db#pruneHistory} keeps the last
 * {@value Db#HISTORY_VERSIONS} versions of every attribute and every change younger than its window,
 * so further back a version may show an attribute's older kept value.
 */
public interface History {
    /** The changelog entries for one entity, oldest first. */
    List<Change> changes(String table, String id);

    /**
     * The entity as it was right after the change {@code changeId} (an id from {@link #changes}),
     * deleted or not; empty when the changelog holds no change of it up to that one.
     */
    <T extends Record> Optional<T> version(Class<T> type, String id, String changeId);

    /**
     * When each attribute of one entity got the value it holds now: per field (lower case), the time in the id of
     * the change whose value won ({@link Change#at}), wherever it was made; {@link Change#DELETED_FIELD} for a
     * delete or restore. Reads the entity's one row of winners and no values, so it costs the same whatever the
     * entity holds (a megabyte of notes, hundreds of versions). Empty for an entity no change has touched. A
     * writer that decides on it inside a transaction sees that transaction's own writes.
     */
    Map<String, Instant> changedAt(String table, String id);

    /** Every entity of {@code type}'s table that existed, undeleted, at {@code at}; in id order. */
    <T extends Record> List<T> asOf(Class<T> type, Instant at);

    /**
     * Which of {@code changeIds} (ids from {@link #changes}, of any entity) the changelog still holds: for a caller
     * that keeps something about a change apart from it and lets it go once {@link Db#pruneHistory} has forgotten the
     * change. A string that is no change id is held by none. One pass over the changelog's ids, however many are
     * asked; none when none are.
     */
    Set<String> held(Collection<String> changeIds);

    /** The entity as it stood at {@code at}; empty when it did not exist or was deleted then. */
    <T extends Record> Optional<T> asOf(Class<T> type, String id, Instant at);
}
