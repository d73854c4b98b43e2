package dev.tandem.engine;

import java.time.Instant;

/**
 * An attribute that two devices changed without either having seen the other's change. Last write
 * wins picked {@code kept}; {@code lost} is the value that lost, kept here so a person can see it
 * and take it back with {@link Conflicts#useLostValue(long)}.
 *
 * @param kind what collided: two edits of one field, or an edit of an entity another device deleted.
 *             For {@link Kind#EDIT_DELETE} the kept side is the delete: {@code keptValue} is the
 *             winning {@code _deleted} value (1 while the entity stays deleted) and {@code keptChange}
 *             and {@code keptAuthor} are the delete's; the lost side is the edit of {@code field}
 */
public record Conflict(long id, Kind kind, String table, String entity, String field,
                       Object keptValue, String keptChange, String keptAuthor,
                       Object lostValue, String lostChange, String lostAuthor,
                       Instant lostAt, Instant detectedAt, boolean seen) {
    public enum Kind { EDIT_EDIT, EDIT_DELETE }
}
