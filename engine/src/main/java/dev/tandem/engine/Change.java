package dev.tandem.engine;

import java.time.Instant;
import java.util.List;

/**
 * One entry of the changelog: a save, delete or restore of one entity, made by one device.
 *
 * @param id      the change id, a UUIDv7 that doubles as a hybrid logical clock reading
 * @param author  the id of the database (device) that made the change
 * @param at      the wall-clock time encoded in the id
 * @param table   the table of the entity
 * @param entity  the entity's id
 * @param fields  the attributes the change set; a delete sets {@value #DELETED_FIELD} to 1
 */
public record Change(String id, String author, Instant at, String table, String entity, List<FieldChange> fields) {
    /** The pseudo-attribute that carries a delete (1) or a restore (0), merged last-write-wins. */
    public static final String DELETED_FIELD = "_deleted";

    public Change {
        fields = List.copyOf(fields);
    }
}
