package dev.tandem.engine.internal.sync;

import dev.tandem.engine.internal.snapshot.FollowingBatch;
import dev.tandem.engine.internal.wire.Batch;
import dev.tandem.engine.sync.SyncException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The batches past a snapshot, read before the snapshot is applied so that its bulk load can take
 * them in ({@code SnapshotFold}): a device far behind then writes each row once.
 *
 * <p>They are read as the pull would read them, each device's in turn from the snapshot's cursor,
 * and put in the pull's causal order ({@link Pull#CAUSAL}). A device's reading stops at a batch
 * that is missing or cannot be read, or once {@link #MAX_CHANGES} are held; the order then ends
 * where that device's next batch would have had to come, so what is offered is always a prefix of
 * what the pull would merge. Whatever the bulk load does not take is handed to the pull
 * ({@link RemoteChangelog#readAhead}), which merges it, and meets the missing or unreadable batch
 * again and handles it as always: nothing is fetched twice or passed over.
 */
final class FollowingBatches {
    /** Changes held in memory at most: beyond them the pull merges the rest in groups. */
    static final int MAX_CHANGES = 100_000;

    /** The batches in causal order ({@code ordered}), and those read but not orderable ({@code rest}). */
    record Read(List<Batch> ordered, List<Batch> rest) {
        List<FollowingBatch> following() {
            List<FollowingBatch> out = new ArrayList<>(ordered.size());
            for (Batch b : ordered) {
                out.add(new FollowingBatch(b.device(), b.seq(), b.changes()));
            }
            return out;
        }

        /** Hands the batches from {@code folded} on to the pull. */
        void handOn(RemoteChangelog remote, int folded) {
            ordered.subList(folded, ordered.size()).forEach(remote::readAhead);
            rest.forEach(remote::readAhead);
        }
    }

    private FollowingBatches() {
    }

    /** Reads every device's batches in {@code heads} but {@code self}'s, past {@code after}. */
    static Read read(Changelog remote, UUID self, Map<UUID, Long> heads, Map<UUID, Long> after) {
        Map<UUID, ArrayDeque<Pull.Read>> queues = new TreeMap<>();
        Map<UUID, Long> next = new TreeMap<>();
        Set<UUID> cut = new HashSet<>();
        for (Map.Entry<UUID, Long> e : heads.entrySet()) {
            if (!e.getKey().equals(self) && e.getValue() > after.getOrDefault(e.getKey(), 0L)) {
                queues.put(e.getKey(), new ArrayDeque<>());
                next.put(e.getKey(), after.getOrDefault(e.getKey(), 0L) + 1);
            }
        }
        int held = 0;
        boolean more = true;
        while (more) {
            more = false;
            for (UUID device : queues.keySet()) {
                long seq = next.get(device);
                if (cut.contains(device) || seq > heads.get(device)) {
                    continue;
                }
                if (held >= MAX_CHANGES) {
                    cut.add(device);
                    continue;
                }
                Optional<Batch> batch;
                try {
                    batch = remote.batch(device, seq);
                } catch (SyncException unreadable) {
                    // Not passed over: the pull reads this batch again and sets it aside or stops there.
                    cut.add(device);
                    continue;
                }
                if (batch.isEmpty()) {
                    cut.add(device); // the pull meets the gap again: a rebuild, waiting, or setting aside
                    continue;
                }
                queues.get(device).add(Pull.Read.of(batch.get()));
                held += batch.get().changes().size();
                next.put(device, seq + 1);
                more = true;
            }
        }
        List<Batch> ordered = new ArrayList<>();
        while (true) {
            Pull.Read first = null;
            boolean stop = false;
            for (Map.Entry<UUID, ArrayDeque<Pull.Read>> e : queues.entrySet()) {
                Pull.Read head = e.getValue().peek();
                if (head == null) {
                    stop |= cut.contains(e.getKey()); // its next batch might have come first
                } else if (first == null || Pull.CAUSAL.compare(head, first) < 0) {
                    first = head;
                }
            }
            if (stop || first == null) {
                break;
            }
            ordered.add(queues.get(first.batch().device()).poll().batch());
        }
        List<Batch> rest = new ArrayList<>();
        queues.values().forEach(q -> q.forEach(r -> rest.add(r.batch())));
        return new Read(ordered, rest);
    }
}
