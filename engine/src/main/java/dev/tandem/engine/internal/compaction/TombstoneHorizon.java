package dev.tandem.engine.internal.compaction;

import dev.tandem.engine.internal.SyncPort;
import dev.tandem.engine.internal.changelog.MetaTable;
import dev.tandem.engine.internal.changelog.SyncState;
import dev.tandem.engine.internal.clock.Uuid7;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * When deleted entities may be forgotten whole ({@link TombstoneSweep}): the newest local change
 * seq below which no change can still arrive that was made without seeing what lies below it.
 *
 * <p>At each cleanup this database records a <em>checkpoint</em>: its newest change seq {@code M}
 * (lowered below its first own change not yet pushed), its read cursor on every device and its
 * own pushed batch. Every change at or below {@code M} came in a batch at or below those cursors,
 * or went out in one at or below the pushed batch. At a later cleanup the checkpoint is
 * <em>stable</em> when, for every live device {@code D} (one with a head or ack that is not
 * retired):
 * <ol>
 *   <li>{@code D}'s published cursors reach every cursor of the checkpoint, this device's pushed
 *       batch included: {@code D} has merged everything at or below {@code M};</li>
 *   <li>this database has read {@code D} up to the head whose cursors those are. A device pulls
 *       before it pushes and publishes its head last, so everything {@code D} wrote before it had
 *       seen {@code M} lies at or below that head, and is merged here already.</li>
 * </ol>
 * Anything {@code D} writes later was made after it saw the delete, so it cannot bring a deleted
 * entity back, and a device built from a snapshot never had it. Retired devices do not count: they
 * re-join as new devices. A database that syncs with more than one remote forgets nothing, as one
 * remote's devices say nothing of another's. A device that never published (no head, no ack) is
 * unknown here, as it is to {@link Cleanup}; a reader acks on its first sync that read anything,
 * so only one whose ack never landed stays unknown (and is rebuilt from a snapshot if its batches go).
 *
 * <p>The stable checkpoint's seq is also kept as {@link SyncState#seenByAll}, for snapshots.
 *
 * <p>Checkpoints live in {@code _tandem_meta} ({@code tomb_points:<remote>}), the newest
 * {@link #KEPT} of them; the stable one and all older are dropped once swept.
 */
final class TombstoneHorizon {
    /** Deleted entities stay at least this long, for "Undo" of Empty Trash and restores. */
    static final long KEEP_DELETED_MILLIS = 30L * 24 * 3600 * 1000;
    static final int KEPT = 4;
    /** How often a device that writes no snapshot checks on its own. */
    static final long EVERY_MILLIS = 7L * 24 * 3600 * 1000;

    /** One recorded state: newest change seq, and the batch cursors it was merged from. */
    record Point(long seq, Map<UUID, Long> cursors) {
    }

    private final SyncPort db;
    private final String remote;
    private final UUID self;

    TombstoneHorizon(SyncPort db, String remote, UUID self) {
        this.db = db;
        this.remote = remote;
        this.self = self;
    }

    /**
     * After a cleanup that could read every device ({@code published}: live devices other than this
     * one, to their read cursors): forgets the deleted entities the newest stable checkpoint allows,
     * then records a new checkpoint. Returns the entities forgotten.
     */
    long sweep(Map<UUID, Map<UUID, Long>> published, Map<UUID, Long> remoteHeads) {
        List<Point> points = db.read(this::points);
        if (db.read(TombstoneHorizon::remotes) > 1) {
            return 0;
        }
        Map<UUID, Long> cursors = db.read(c -> new SyncState().cursors(c, remote));
        int stable = -1;
        for (int i = points.size() - 1; i >= 0 && stable < 0; i--) {
            if (stable(points.get(i), published, remoteHeads, cursors)) {
                stable = i;
            }
        }
        long entities = 0;
        if (stable >= 0) {
            long seen = points.get(stable).seq();
            db.write("Recording what every device has seen", s -> {
                new SyncState().raiseSeenByAll(s.sql(), remote, seen);
                return null;
            });
            TombstoneSweep sweep = new TombstoneSweep(seen, db.wallMillis() - KEEP_DELETED_MILLIS);
            String[] after = {null, null};
            do {
                TombstoneSweep.Slice slice = db.write("Forgetting deleted items every device has seen deleted",
                        s -> sweep.run(s, after[0], after[1], TombstoneSweep.SLICE));
                entities += slice.entities();
                after[0] = slice.nextTable();
                after[1] = slice.nextEntity();
            } while (after[0] != null);
            points = new ArrayList<>(points.subList(stable + 1, points.size()));
        } else {
            points = new ArrayList<>(points);
        }
        points.add(db.read(this::now));
        while (points.size() > KEPT) {
            points.remove(0);
        }
        save(points);
        return entities;
    }

    private boolean stable(Point p, Map<UUID, Map<UUID, Long>> published, Map<UUID, Long> remoteHeads,
                           Map<UUID, Long> cursors) {
        for (Map.Entry<UUID, Map<UUID, Long>> d : published.entrySet()) {
            if (cursors.getOrDefault(d.getKey(), 0L) < remoteHeads.getOrDefault(d.getKey(), 0L)) {
                return false;
            }
            for (Map.Entry<UUID, Long> e : p.cursors().entrySet()) {
                if (!e.getKey().equals(d.getKey()) && d.getValue().getOrDefault(e.getKey(), 0L) < e.getValue()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** This database's checkpoint now. */
    private Point now(Connection c) throws SQLException {
        SyncState state = new SyncState();
        SyncState.Pushed pushed = state.pushed(c, remote);
        Map<UUID, Long> at = new TreeMap<>(state.cursors(c, remote));
        at.put(self, pushed.batchSeq());
        long seq;
        try (PreparedStatement ps = c.prepareStatement("SELECT max(seq) FROM _tandem_change");
             ResultSet rs = ps.executeQuery()) {
            seq = rs.next() ? rs.getLong(1) : 0;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT min(seq) FROM _tandem_change WHERE seq > ? AND author = ?")) {
            ps.setLong(1, pushed.changeSeq());
            ps.setBytes(2, Uuid7.toBytes(self));
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getObject(1) != null) {
                    seq = Math.min(seq, rs.getLong(1) - 1);
                }
            }
        }
        return new Point(seq, at);
    }

    private static int remotes(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM (SELECT remote FROM _tandem_sync_cursor"
                + " UNION SELECT remote FROM _tandem_sync_push)"); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private List<Point> points(Connection c) throws SQLException {
        List<Point> points = new ArrayList<>();
        String kept = MetaTable.text(c, key());
        if (kept != null && !kept.isEmpty()) {
            for (String point : kept.split(";")) {
                points.add(decode(point));
            }
        }
        return points;
    }

    private void save(List<Point> points) {
        StringBuilder b = new StringBuilder();
        for (Point p : points) {
            b.append(b.length() == 0 ? "" : ";").append(p.seq());
            p.cursors().forEach((d, s) -> b.append(' ').append(d).append('=').append(s));
        }
        db.write("Recording a tombstone checkpoint", s -> {
            MetaTable.put(s.sql(), key(), b.toString());
            return null;
        });
    }

    private static Point decode(String point) {
        String[] parts = point.trim().split(" ");
        Map<UUID, Long> cursors = new TreeMap<>();
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            cursors.put(UUID.fromString(parts[i].substring(0, eq)), Long.parseLong(parts[i].substring(eq + 1)));
        }
        return new Point(Long.parseLong(parts[0]), cursors);
    }

    private String key() {
        return "tomb_points:" + remote;
    }
}
