package dev.tandem.engine.internal.snapshot;

import dev.tandem.engine.internal.changelog.ChangeData;
import dev.tandem.engine.internal.changelog.FieldData;
import dev.tandem.engine.internal.clock.Uuid7;
import dev.tandem.engine.internal.snapshot.SnapshotPlan.Placed;
import dev.tandem.engine.internal.snapshot.SnapshotPlan.Plan;
import dev.tandem.engine.internal.store.BulkInsert;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The changelog rows of a snapshot's bulk load ({@link SnapshotLocal}): per change its row and its
 * history row, per entity its winners, with change numbers after {@code base} in the plan's order.
 * The rows are worked out (ids as bytes, each change's fields and each entity's winners as
 * MessagePack) on a helper thread while this one inserts them ({@link WorkedAhead}).
 */
final class SnapshotChangeRows {
    /** A row of {@code _tandem_change} ({@code change}) or of {@code _tandem_entity}, as its values. */
    private record Row(boolean change, Object[] values) {
    }

    private SnapshotChangeRows() {
    }

    /** Inserts the changelog rows of {@code plan}, numbered after {@code base}, in the caller's transaction. */
    static void write(Connection c, Plan plan, long base) throws SQLException {
        try (BulkInsert change = new BulkInsert(c, "INSERT INTO _tandem_change(seq, id, author, tbl, entity, fields)", 6, "");
             BulkInsert entity = new BulkInsert(c, "INSERT INTO _tandem_entity(tbl, entity, key, seq, winners)", 5, "")) {
            WorkedAhead.<Row>run("tandem-snapshot-rows", out -> make(plan, base, out),
                    row -> (row.change ? change : entity).add(row.values));
            change.finish();
            entity.finish();
        }
    }

    /** On the helper: the rows, in the order they are inserted. */
    private static void make(Plan plan, long base, WorkedAhead.Out<Row> out) {
        // Every attribute the snapshot holds wins (Plan checked each occurs once), so an entity's
        // winners are the kept fields of its changes; each change also gets its history row.
        BulkBlobs blobs = new BulkBlobs();
        Map<UUID, byte[]> authors = new HashMap<>();
        Placed[] changes = plan.changes;
        int[] entities = plan.entities;
        List<FieldData> kept = new ArrayList<>();
        for (int g = 0; g < entities.length - 1; g++) {
            blobs.clearWinners();
            Placed first = changes[entities[g]];
            for (int i = entities[g]; i < entities[g + 1]; i++) {
                Placed p = changes[i];
                ChangeData ch = p.entry().change();
                long seq = base + i + 1;
                byte[] id = Uuid7.toBytes(ch.id());
                kept.clear();
                for (FieldData f : ch.fields()) {
                    if (!SnapshotLocal.skippedInSnapshot(f)) {
                        kept.add(f);
                        blobs.winner(f.name(), seq, id);
                    }
                }
                byte[] author = authors.computeIfAbsent(p.entry().author(), Uuid7::toBytes);
                out.put(new Row(true, new Object[] {seq, id, author, p.table(), ch.entity(), blobs.fields(kept)}));
                out.put(new Row(false, new Object[] {p.table(), ch.entity(), id, seq, null}));
            }
            if (!blobs.noWinners()) {
                out.put(new Row(false, new Object[] {first.table(), first.entry().change().entity(), "",
                        base + entities[g + 1], blobs.winners()}));
            }
        }
    }
}
