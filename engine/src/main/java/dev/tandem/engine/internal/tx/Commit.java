package dev.tandem.engine.internal.tx;

import dev.tandem.engine.ChangeEvent;
import java.util.List;
import java.util.Set;

/**
 * What one committed write transaction changed, as handed to the dispatcher.
 *
 * @param tables lower-case names of every table written, triggers and cascades included
 * @param events the row events, folded per row
 * @param exactTables the tables in {@code tables} whose every row write has a row event, so the
 *     ids in {@code events} are all the rows of that table the transaction changed
 * @param origin whether the transaction recorded a local change ({@link WriteSession#recordedLocal})
 */
public record Commit(Set<String> tables, List<ChangeEvent> events, Set<String> exactTables,
                     ChangeEvent.Origin origin) {
}
