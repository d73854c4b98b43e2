package dev.tandem.engine.internal.sync;

import dev.tandem.engine.internal.sync.device.OwnBatchesLost;
import dev.tandem.engine.internal.sync.device.DeviceRetired;
import dev.tandem.engine.internal.sync.device.DeviceIdTaken;
import dev.tandem.engine.internal.wire.Batch;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One sync between two changelogs; it knows nothing of databases or storage.
 *
 * <p>Order: read the remote's heads (one request); pull the other devices' batches after the local
 * cursors up to their heads, in causal order across devices and a group per transaction, each device
 * stopping at its first not yet visible (a folder synced by Dropbox may deliver them out of order;
 * see {@link Pull}); then push the own batches
 * the remote lacks, recording each before cutting the next; then publish the head. A crash at any
 * point leaves a state the next sync completes: batches are immutable and create-if-absent, each
 * merge and each push record commits atomically, and a head is written only after its batches.
 *
 * <p>Before anything is pulled, the remote's head of this device is checked against the local
 * state: past the last push means another installation writes under this id ({@link DeviceIdTaken},
 * handled by the engine); short of the last head recorded as published means the server hides or
 * lost it. Own batches pushed since the last sync are then read back once their head is listed
 * ({@link OwnBatchCheck}). A batch that a head lists but the remote lacks is waited for, then set aside.
 * A remote that lists this device as retired stops the sync before anything moves
 * ({@link DeviceRetired}: the engine re-joins under a new id).
 *
 * <p>A batch that cannot be read is set aside and reported ({@link Unreadable}): the cursor moves
 * past it, so one bad object stops nothing after it, and it is read again later
 * ({@link QuarantineRetry}). A batch of a newer format stops that device until Tandem is updated.
 * Other devices and the push go on either way.
 */
public final class Synchronizer {
    /** What a sync did besides what the changelogs count. */
    public record Result(List<String> problems, List<String> notes) {
    }

    private Synchronizer() {
    }

    public static Result sync(Changelog local, Changelog remote, UUID self, SyncProgress progress) {
        return sync(local, remote, self, progress, SyncHooks.NONE);
    }

    public static Result sync(Changelog local, Changelog remote, UUID self, SyncProgress progress, SyncHooks hooks) {
        // Read before listing: a head this database recorded as published before the listing must
        // be in it, whatever another program syncing the same database does meanwhile.
        long published = local.publishedHead(self);
        Map<UUID, Long> remoteHeads = new TreeMap<>(remote.heads());
        if (remote.retired().contains(self)) {
            throw new DeviceRetired(self, remote.describe() + " lists device " + self + " as retired");
        }
        hooks.beforePull(remoteHeads, local.heads(), progress);
        Map<UUID, Long> localHeads = local.heads();
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        long ownHead = checkOwnHead(local, remote, self, remoteHeads.getOrDefault(self, 0L),
                localHeads.getOrDefault(self, 0L), published, notes);
        OwnBatchCheck.run(local, remote, self, ownHead);
        long total = 0;
        for (Map.Entry<UUID, Long> e : remoteHeads.entrySet()) {
            if (!e.getKey().equals(self)) {
                total += Math.max(0, e.getValue() - localHeads.getOrDefault(e.getKey(), 0L));
            }
        }
        QuarantineRetry.run(local, remote, hooks, problems, progress);
        Pull.run(local, remote, self, remoteHeads, hooks, problems, progress, total);
        long seq = local.heads().getOrDefault(self, 0L);
        long pushedBatches = 0;
        while (true) {
            Optional<Batch> next = local.batch(self, seq + 1);
            if (next.isEmpty()) {
                break;
            }
            Batch stored;
            hooks.beforePush(next.get());
            try {
                stored = remote.append(next.get());
            } catch (SyncException unreadable) {
                // The own slot holds an object nobody can read (a clone's or a hostile writer's):
                // it is burnt, and the same changes go into the next slot.
                if (!Unreadable.handle(local, self, seq + 1, unreadable, problems)) {
                    throw unreadable;
                }
                seq++;
                continue;
            }
            local.append(stored);
            seq = stored.seq();
            progress.onProgress("push", ++pushedBatches, -1);
        }
        if (seq > remoteHeads.getOrDefault(self, 0L)) {
            Map<UUID, Long> cursors = new TreeMap<>(local.heads());
            cursors.remove(self);
            remote.publishHead(self, seq, cursors);
            local.publishHead(self, seq, cursors);
        }
        hooks.afterSync(remoteHeads, seq > remoteHeads.getOrDefault(self, 0L));
        return new Result(problems, notes);
    }

    /**
     * The remote's head of this device must lie between the last head this database published there
     * and its last pushed batch. Past the push: another installation writes under this id (the heads
     * are listed before the local state is read, and a push is recorded before its head is written,
     * so a sync running beside this one cannot cause it). Short of the published head: the server
     * hides or lost an object this device wrote. That stops the sync (retryable: a lagging listing
     * catches up) until it has lasted {@link DbChangelog#MISSING_GRACE_MILLIS}; then the objects are
     * taken as lost. If every own batch the head covered is still there, this sync writes the head
     * again; if one is gone, the database pushes all its changes again under a new id
     * ({@link OwnBatchesLost}), as it cannot rebuild a lost batch exactly. Returns the own head the
     * remote holds: the listed one, or the last push when the head was written again.
     */
    private static long checkOwnHead(Changelog local, Changelog remote, UUID self, long remoteHead, long pushed,
                                     long published, List<String> notes) {
        if (remoteHead > pushed) {
            throw new DeviceIdTaken(self, remoteHead, remote.describe() + " lists head " + remoteHead + " of device " + self
                    + ", but this database pushed only up to batch " + pushed);
        }
        if (remoteHead >= published) {
            return remoteHead;
        }
        String missing = remote.describe() + " does not list " + RemoteChangelog.headKey(self, published)
                + ", which this device wrote there" + (remoteHead == 0 ? "" : " (its newest head of this device is "
                + remoteHead + ")");
        if (!local.missingTooLong(self, published)) {
            throw new SyncException(SyncException.Reason.SERVER_INCONSISTENT, missing + ": the server hides or lost"
                    + " objects, or the remote was emptied or replaced. Sync stopped before writing anything on top"
                    + " of it.");
        }
        for (long seq = remoteHead + 1; seq <= pushed; seq++) {
            if (remote.batch(self, seq).isEmpty()) {
                throw new OwnBatchesLost(self, missing + ", nor " + RemoteChangelog.batchKey(self, seq));
            }
        }
        notes.add(missing + " for a long time; every batch it covered is there, so the head was written again.");
        return pushed;
    }
}
