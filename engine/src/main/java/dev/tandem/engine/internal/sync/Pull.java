package dev.tandem.engine.internal.sync;

import dev.tandem.engine.internal.changelog.ChangeData;
import dev.tandem.engine.internal.clock.Uuid7;
import dev.tandem.engine.internal.wire.Batch;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncProgress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The pull half of a sync: other devices' batches the remote's heads list past the local cursors,
 * read and merged into the local changelog.
 *
 * <p><b>Order.</b> Batches are merged in the order of their greatest change id across devices, not
 * device by device. A version names only the version it replaced, and the merge tells a clash from
 * an edit that followed another by walking those names through what it already holds. Merged device
 * by device, a device far behind would take A's last rename, which followed B's renames, before
 * B's, fail to see that it followed them, and record a clash for every attribute the two took turns
 * on. Change ids are hybrid-logical-clock readings: a change its device made after reading batch Y
 * has an id above every change of Y, so a batch X holding any such change reaches higher than Y,
 * and Y is merged first. (The first id would not do: X may also hold edits made before its device
 * read Y.) So every batch comes after each batch it depends on, and no order can be circular.
 *
 * <p><b>Groups.</b> Batches read are merged {@link #GROUP_CHANGES} changes at a time, in one
 * transaction each ({@link Changelog#appendAll}): a device far behind pays one commit per group
 * rather than per batch, and a crash loses at most the group, which the next sync reads again.
 * Whatever else touches the local changelog (setting a batch aside, rebuilding from a snapshot)
 * comes after the group read so far is merged, so each device's cursor moves in order.
 *
 * <p><b>Stops.</b> A device's batches stop at one that is not there yet, or cannot be read and
 * may not be passed over ({@link Unreadable}); the other devices go on.
 */
final class Pull {
    /** Changes merged in one transaction, at least (a group ends at the batch that reaches it). */
    static final int GROUP_CHANGES = 25_000;
    static final Comparator<Read> CAUSAL = Comparator
            .comparing(Read::last, Uuid7.ORDER)
            .thenComparing(r -> r.batch().device(), Uuid7.ORDER);

    private final Changelog local;
    private final Changelog remote;
    private final SyncHooks hooks;
    private final List<String> problems;
    private final SyncProgress progress;
    private final long total;
    private final Map<UUID, Long> heads = new TreeMap<>();
    /** Per device, the next batch to read; past its head when the device is done or stopped for this sync. */
    private final Map<UUID, Long> next = new TreeMap<>();
    /** Per device, the batch read and not yet taken into the group. */
    private final Map<UUID, Read> read = new TreeMap<>();
    private final List<Batch> group = new ArrayList<>();
    private int grouped;
    private long done;
    /** Whether a rebuild dropped a batch read (see {@link #caughtUp}). */
    private boolean dropped;

    /** A batch read, with its greatest change id. */
    record Read(Batch batch, UUID last) {
        static Read of(Batch batch) {
            UUID last = new UUID(0, 0);
            for (ChangeData c : batch.changes()) {
                if (Uuid7.ORDER.compare(c.id(), last) > 0) {
                    last = c.id();
                }
            }
            return new Read(batch, last);
        }
    }

    private Pull(Changelog local, Changelog remote, SyncHooks hooks, List<String> problems, SyncProgress progress,
                 long total) {
        this.local = local;
        this.remote = remote;
        this.hooks = hooks;
        this.problems = problems;
        this.progress = progress;
        this.total = total;
    }

    /** Pulls every batch of the devices in {@code remoteHeads} but {@code self} past the local cursors. */
    static void run(Changelog local, Changelog remote, UUID self, Map<UUID, Long> remoteHeads, SyncHooks hooks,
                    List<String> problems, SyncProgress progress, long total) {
        Pull pull = new Pull(local, remote, hooks, problems, progress, total);
        Map<UUID, Long> localHeads = local.heads();
        for (Map.Entry<UUID, Long> e : remoteHeads.entrySet()) {
            if (!e.getKey().equals(self)) {
                pull.heads.put(e.getKey(), e.getValue());
                pull.next.put(e.getKey(), localHeads.getOrDefault(e.getKey(), 0L) + 1);
            }
        }
        pull.run();
    }

    private void run() {
        while (true) {
            // Every device's next batch, before choosing: a rebuild while reading one device may
            // have dropped another's (caughtUp), which is then read again.
            do {
                dropped = false;
                for (UUID device : heads.keySet()) {
                    if (!read.containsKey(device)) {
                        readNext(device);
                    }
                }
            } while (dropped);
            Optional<Read> first = read.values().stream().min(CAUSAL);
            if (first.isEmpty()) {
                break;
            }
            Batch batch = read.remove(first.get().batch().device()).batch();
            group.add(batch);
            grouped += batch.changes().size();
            if (grouped >= GROUP_CHANGES) {
                merge();
            }
        }
        merge();
    }

    /** Reads {@code device}'s next batch into {@link #read}, or stops the device; sets aside what it must. */
    private void readNext(UUID device) {
        while (next.get(device) <= heads.get(device)) {
            long seq = next.get(device);
            Optional<Batch> batch;
            try {
                batch = remote.batch(device, seq);
            } catch (SyncException unreadable) {
                merge();
                if (Unreadable.handle(local, device, seq, unreadable, problems)) {
                    next.put(device, seq + 1);
                    continue;
                }
                stop(device);
                return;
            }
            if (batch.isPresent()) {
                read.put(device, Read.of(batch.get()));
                next.put(device, seq + 1);
                return;
            }
            merge();
            long rebuilt = hooks.missing(device, seq, progress);
            if (rebuilt >= seq) {
                caughtUp(local.heads());
                next.merge(device, rebuilt + 1, Math::max);
                continue;
            }
            if (local.missingTooLong(device, seq)) {
                String key = RemoteChangelog.batchKey(device, seq);
                String problem = "Object " + key + " is listed by its device's head but " + remote.describe()
                        + " has not returned it for a long time: the server lost it, or a folder sync has"
                        + " not delivered it";
                local.setAside(device, seq, problem);
                problems.add("Set aside " + key + ": " + problem);
                next.put(device, seq + 1);
                continue;
            }
            stop(device);
            return;
        }
    }

    /** Reads no more of {@code device} in this sync. */
    private void stop(UUID device) {
        next.put(device, heads.get(device) + 1);
    }

    /** After a rebuild from a snapshot moved the local cursors: skip what it covered, on every device. */
    private void caughtUp(Map<UUID, Long> localHeads) {
        for (UUID device : heads.keySet()) {
            long cursor = localHeads.getOrDefault(device, 0L);
            Read waiting = read.get(device);
            if (waiting != null && waiting.batch().seq() <= cursor) {
                read.remove(device);
                dropped = true;
            }
            if (next.get(device) <= cursor) {
                next.put(device, cursor + 1);
            }
        }
    }

    /** Merges the group read so far in one transaction and reports it. */
    private void merge() {
        if (group.isEmpty()) {
            return;
        }
        local.appendAll(List.copyOf(group));
        for (int i = 0; i < group.size(); i++) {
            progress.onProgress("pull", ++done, total);
        }
        group.clear();
        grouped = 0;
    }
}
