package dev.tandem.engine.internal.changelog;

import dev.tandem.engine.StorageException;
import dev.tandem.engine.internal.changelog.SnapshotPlan.Placed;
import dev.tandem.engine.internal.changelog.SnapshotPlan.Plan;
import dev.tandem.engine.internal.clock.Uuid7;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The changelog rows of a snapshot's bulk load ({@link SnapshotLocal}): per change its row and its
 * history row, per entity its winners, with change numbers after {@code base} in the plan's order.
 *
 * <p><b>Two threads.</b> Working out the rows (the ids' bytes, each change's fields and each
 * entity's winners as MessagePack) costs about as much as SQLite inserting them, so a helper
 * thread works them out a chunk of entities ahead while this one inserts: a device back from a
 * long time loads a few hundred thousand changes on a machine with a core to spare. Only this
 * thread touches the connection; the helper reads the plan, which nothing changes meanwhile, and
 * owns its own encoders. When the insert fails, the helper is stopped before this returns; when
 * the helper fails, its error is thrown here.
 */
final class SnapshotChangeRows {
    /** Changes per chunk the helper hands over, about; a chunk always ends between entities. */
    private static final int CHUNK = 4096;
    /** Chunks worked out ahead at most: bounds the memory the helper holds. */
    private static final int AHEAD = 4;

    /** Flat row values: {@code changes} 6 per change row, {@code entities} 5 per entity row; null ends. */
    private record Chunk(Object[] changes, Object[] entities) {
    }

    private static final Chunk END = new Chunk(null, null);

    private final Plan plan;
    private final long base;
    private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(AHEAD);
    private volatile boolean stopped;
    private volatile Throwable failure;

    private SnapshotChangeRows(Plan plan, long base) {
        this.plan = plan;
        this.base = base;
    }

    /** Inserts the changelog rows of {@code plan}, numbered after {@code base}, in the caller's transaction. */
    static void write(Connection c, Plan plan, long base) throws SQLException {
        SnapshotChangeRows rows = new SnapshotChangeRows(plan, base);
        Thread helper = new Thread(rows::produce, "tandem-snapshot-rows");
        helper.setDaemon(true);
        helper.start();
        try {
            rows.consume(c);
        } finally {
            rows.stopped = true;
            rows.queue.clear(); // a helper waiting to hand over a chunk sees the stop
            try {
                helper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StorageException("Interrupted while loading a snapshot", e);
            }
        }
    }

    private void consume(Connection c) throws SQLException {
        try (BulkInsert change = new BulkInsert(c, "INSERT INTO _tandem_change(seq, id, author, tbl, entity, fields)", 6, "");
             BulkInsert entity = new BulkInsert(c, "INSERT INTO _tandem_entity(tbl, entity, key, seq, winners)", 5, "")) {
            while (true) {
                Chunk chunk;
                try {
                    chunk = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StorageException("Interrupted while loading a snapshot", e);
                }
                if (chunk == END) {
                    break;
                }
                for (Object v : chunk.changes) {
                    change.put(v);
                }
                for (Object v : chunk.entities) {
                    entity.put(v);
                }
            }
            Throwable t = failure;
            if (t instanceof RuntimeException r) {
                throw r;
            } else if (t instanceof Error e) {
                throw e;
            } else if (t != null) {
                throw new IllegalStateException(t);
            }
            change.finish();
            entity.finish();
        }
    }

    /** The helper: works out the rows chunk by chunk, then hands over {@link #END}, also after a failure. */
    private void produce() {
        try {
            // Every attribute the snapshot holds wins (Plan checked each occurs once), so an entity's
            // winners are the kept fields of its changes; each change also gets its history row.
            BulkBlobs blobs = new BulkBlobs();
            Map<UUID, byte[]> authors = new HashMap<>();
            Placed[] changes = plan.changes;
            int[] entities = plan.entities;
            List<FieldData> kept = new ArrayList<>();
            List<Object> changeRows = new ArrayList<>(CHUNK * 6 + 64);
            List<Object> entityRows = new ArrayList<>(CHUNK * 5 * 2);
            for (int g = 0; g < entities.length - 1 && !stopped; g++) {
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
                    add(changeRows, seq, id, author, p.table(), ch.entity(), blobs.fields(kept));
                    add(entityRows, p.table(), ch.entity(), id, seq, null);
                }
                if (!blobs.noWinners()) {
                    add(entityRows, first.table(), first.entry().change().entity(), "", base + entities[g + 1],
                            blobs.winners());
                }
                if (changeRows.size() >= CHUNK * 6) {
                    hand(changeRows, entityRows);
                }
            }
            hand(changeRows, entityRows);
        } catch (RuntimeException | Error e) {
            failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = e;
        } finally {
            handEnd();
        }
    }

    private static void add(List<Object> rows, Object... values) {
        for (Object v : values) {
            rows.add(v);
        }
    }

    private void hand(List<Object> changeRows, List<Object> entityRows) throws InterruptedException {
        Chunk chunk = new Chunk(changeRows.toArray(), entityRows.toArray());
        changeRows.clear();
        entityRows.clear();
        while (!stopped && !queue.offer(chunk, 50, TimeUnit.MILLISECONDS)) {
            // waits for the inserts, or for the stop
        }
    }

    private void handEnd() {
        try {
            while (!stopped && !queue.offer(END, 50, TimeUnit.MILLISECONDS)) {
                // as in hand
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the helper ends here either way
        }
    }
}
