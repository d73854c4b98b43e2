package dev.tandem.engine.internal.capture;

import dev.tandem.engine.Change;
import dev.tandem.engine.ChangeEvent;
import dev.tandem.engine.Conflict;
import dev.tandem.engine.MappingException;
import dev.tandem.engine.internal.apply.HeldRows;
import dev.tandem.engine.internal.apply.Materializer;
import dev.tandem.engine.internal.changelog.ChangelogStore;
import dev.tandem.engine.internal.changelog.ConflictStore;
import dev.tandem.engine.internal.changelog.Winner;
import dev.tandem.engine.internal.clock.Uuid7;
import dev.tandem.engine.internal.store.SchemaSnapshot.TableInfo;
import dev.tandem.engine.internal.tx.WriteSession;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * "Use the other value": writes a conflict's lost value back as a new local change, which then
 * wins everywhere. An edit that lost to a delete restores the entity with it. In the caller's
 * transaction, in this order: record the change, materialize the row, write held children that
 * were waiting for it, dismiss the conflict.
 */
public final class LostValues {
    private final ChangelogStore log;
    private final ChangeCapture capture;
    private final Materializer materializer;
    private final ConflictStore conflicts;
    private final HeldRows held;

    public LostValues(ChangelogStore log, ChangeCapture capture, Materializer materializer, ConflictStore conflicts) {
        this.log = log;
        this.capture = capture;
        this.materializer = materializer;
        this.conflicts = conflicts;
        this.held = new HeldRows(log, materializer);
    }

    public void use(WriteSession s, long conflictId) throws SQLException {
        ConflictStore.Lost lost = conflicts.lost(s, conflictId);
        TableInfo t = s.schema().table(lost.table()).orElseThrow(() -> new MappingException("Unknown table '"
                + lost.table() + "' for conflict " + conflictId + "; migrate first"));
        Map<String, Object> fields = new LinkedHashMap<>();
        if (lost.kind() == Conflict.Kind.EDIT_DELETE && !lost.field().equals(Change.DELETED_FIELD)) {
            fields.put(Change.DELETED_FIELD, 0L);
        }
        fields.put(lost.field(), lost.value());
        capture.record(s, t, lost.entity(), fields, log.winnerIds(s.sql(), t.name(), lost.entity()));
        ChangeEvent.Kind event = materializer.materialize(s, t, lost.entity(), log.winners(s.sql(), t.name(), lost.entity()));
        if (event != null) {
            s.event(event, t.name(), lost.entity());
        }
        held.retryChildrenOf(s, Set.of(t.name()));
        conflicts.dismiss(s, conflictId);
    }

    /**
     * Records that {@code value}, written outside Tandem's sync by {@code author} at {@code atMillis},
     * lost {@code field} to the entity's current winner. The current winner must exist: the caller
     * settled the field first.
     */
    public void outsideLost(WriteSession s, String table, String entity, String field, Object value, UUID author,
                            long atMillis, long nowMillis) throws SQLException {
        Winner winner = log.winners(s.sql(), table, entity).get(field.toLowerCase(Locale.ROOT));
        if (winner == null) {
            throw new IllegalArgumentException("field: " + table + "." + field + " of " + entity + " has no value to"
                    + " have won; save it first");
        }
        // The field as the changelog spells it, which Conflicts looks the lost value up by.
        long loser = log.appendLoser(s.sql(), Uuid7.at(atMillis), author, table, entity, winner.field(), value);
        conflicts.record(s, Conflict.Kind.EDIT_EDIT, table, entity, winner.field(), winner.seq(), loser, null,
                nowMillis);
    }

    /**
     * Records that the entity's earlier change {@code loserId} lost {@code field} to the current
     * winner: a value from outside Tandem's sync, saved here because it was the later change, replaced
     * that edit; {@code author} is where that value came from, named as the kept side's author while
     * the winner stays. False when the changelog no longer holds that change.
     */
    public boolean replaced(WriteSession s, String table, String entity, String field, UUID loserId, UUID author,
                            long nowMillis) throws SQLException {
        Winner winner = log.winners(s.sql(), table, entity).get(field.toLowerCase(Locale.ROOT));
        long loser = log.seqOf(s.sql(), table, entity, loserId);
        if (winner == null || loser < 0 || loser == winner.seq()) {
            return false;
        }
        return conflicts.record(s, Conflict.Kind.EDIT_EDIT, table, entity, winner.field(), winner.seq(), loser,
                author, nowMillis);
    }
}
