package dev.tandem.engine.internal.compaction;

import dev.tandem.engine.internal.SyncPort;
import dev.tandem.engine.internal.changelog.SyncState;
import dev.tandem.engine.internal.snapshot.SnapshotCapture;
import dev.tandem.engine.internal.snapshot.SnapshotParts;
import dev.tandem.engine.internal.snapshot.SnapshotPolicy;
import dev.tandem.engine.internal.snapshot.SnapshotStore;
import dev.tandem.engine.internal.wire.Snapshot.Manifest;
import dev.tandem.engine.internal.wire.SnapshotEntry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Compaction after a sync: the automatic snapshot policy, acks and cleanup. One instance per sync
 * of one database; the sync calls {@link #afterSync} once its push and head are done.
 *
 * <p><b>Policy.</b> After a sync, when {@link SnapshotPolicy} finds one due (batches or changes past
 * the newest snapshot this database knows of), and this device has pushed everything, it lists the
 * snapshots, and unless a newer one another device wrote leaves too little past it, writes a new one
 * (parts, then the manifest) and runs {@link Cleanup}; when cleanup could read every device, deleted
 * entities every device has seen deleted are then forgotten locally ({@link TombstoneHorizon}), so
 * the next snapshot no longer carries them. A device that does not write the snapshots runs that
 * check on its own at least weekly (reading the heads, as cleanup does). The covered batches, the volume and the
 * newest snapshot's size are kept in {@code _tandem_meta} ({@link SnapshotMemory}), so the check
 * itself costs no request.
 *
 * <p><b>Acks.</b> Cleanup trusts only published cursors. Heads carry them, but a device that only
 * reads never writes a head; so after a sync without a head, when its cursors moved by at least
 * {@link #ACK_EVERY} batches since it last published (a bootstrap usually does), or on its first
 * sync that read anything, it writes one small ack (one request) and deletes its older ones at the
 * next cleanup. A reader whose ack never landed (lost, or a store it cannot write) is unknown to
 * cleanup; if its batches go, it is rebuilt from a snapshot (by the sync, when it meets a batch
 * the heads promise and finds it gone).
 * It also acks at least weekly, so a device that syncs is never retired as unseen ({@link Cleanup}).
 */
public final class Compaction {
    static final int ACK_EVERY = 16;

    /**
     * What of this database's winners a snapshot for this remote holds: a scoped remote's only what
     * its scope holds, as its batches do. The sync, which knows the scope, supplies it.
     */
    public interface CaptureFilter {
        List<SnapshotEntry> kept(Connection c, List<SnapshotEntry> entries) throws SQLException;
    }

    private final SyncPort db;
    private final String remote;
    private final SnapshotStore store;
    private final UUID self;
    private final SnapshotPolicy policy;
    private final boolean force;
    private final SyncState state = new SyncState();
    private final long retireAfterMillis;
    private final Supplier<Set<UUID>> retired;
    private final CaptureFilter capture;
    private final Consumer<String> warnings;
    private final SnapshotMemory memory;
    private boolean snapshotWritten;
    private int deletedBatches;
    private int deletedSnapshots;
    private int retiredDevices;
    private long forgottenDeleted;

    /**
     * {@code every}: batches past the newest snapshot before one is written, 0 for never (the whole
     * policy); {@code changes}: changes past it before one is written, 0 for no volume trigger;
     * {@code force}: now. {@code retireAfterMillis}: how long a device may go unseen before cleanup
     * retires it (0: never); {@code retired}: the devices the sync's listing shows retired; {@code
     * capture}: what a snapshot holds, null for everything; {@code warnings}: where problems go.
     */
    public Compaction(SyncPort db, String remote, SnapshotStore store, int every, int changes, boolean force,
                      long retireAfterMillis, Supplier<Set<UUID>> retired, CaptureFilter capture,
                      Consumer<String> warnings) {
        this.db = db;
        this.remote = remote;
        this.store = store;
        this.self = db.deviceUuid();
        this.policy = new SnapshotPolicy(every, changes);
        this.force = force;
        this.retireAfterMillis = retireAfterMillis;
        this.retired = retired;
        this.capture = capture;
        this.warnings = warnings;
        this.memory = new SnapshotMemory(db, remote);
    }

    /** Whether this sync wrote a snapshot. */
    public boolean snapshotWritten() {
        return snapshotWritten;
    }

    public int deletedBatches() {
        return deletedBatches;
    }

    public int deletedSnapshots() {
        return deletedSnapshots;
    }

    public int retiredDevices() {
        return retiredDevices;
    }

    /** Deleted entities forgotten locally, as every device has seen them deleted. */
    public long forgottenDeleted() {
        return forgottenDeleted;
    }

    /**
     * After the push and the head; {@code headPublished} when this sync wrote a new head, {@code
     * bootstrapped} when it applied a snapshot.
     */
    public void afterSync(Map<UUID, Long> remoteHeads, boolean headPublished, boolean bootstrapped) {
        Map<UUID, Long> cursors = db.read(c -> state.cursors(c, remote));
        long pushed = db.read(c -> state.pushed(c, remote)).batchSeq();
        long total = pushed;
        for (Map.Entry<UUID, Long> e : remoteHeads.entrySet()) {
            if (!e.getKey().equals(self)) {
                total += e.getValue();
            }
        }
        // A sync that bootstrapped does not weigh volume: the device is new and in a hurry, and the
        // devices that made the changes it replayed after the snapshot count them too.
        long volume = bootstrapped ? 0 : meta("snapshot_volume");
        if (force || policy.due(total - meta("snapshot_cover"), volume, meta("snapshot_size"))) {
            compact(remoteHeads, cursors, total);
        } else if (meta("tomb_ms") == 0) {
            setMeta("tomb_ms", db.wallMillis()); // the clock starts at the first sync, which costs nothing more
        } else if (db.wallMillis() - meta("tomb_ms") >= TombstoneHorizon.EVERY_MILLIS) {
            // Another device writes the snapshots: deleted items are still forgotten here, weekly.
            Cleanup.Seen seen = Cleanup.seen(store, self, cursors, remoteHeads, warnings);
            if (seen != null) {
                sweep(seen.published(), remoteHeads);
            }
        }
        long sum = cursors.values().stream().mapToLong(Long::longValue).sum();
        long acked = meta("ack_sum");
        long now = db.wallMillis();
        long ackedAt = meta("ack_ms");
        if (headPublished) {
            setMeta("ack_sum", sum);
            setMeta("ack_ms", now);
        } else if (ackedAt == 0 && sum == 0) {
            setMeta("ack_ms", now); // the clock starts at this database's first sync, which costs nothing more
        } else if ((acked == 0 && sum > 0) || sum - acked >= ACK_EVERY || now - ackedAt >= ackRefreshMillis()) {
            // The first sync that read anything acks at once (nothing read was published before):
            // until then cleanup does not know this device, so deleted items it has not seen
            // deleted could be forgotten everywhere else, and an edit it made meanwhile would
            // bring one back on some devices only.
            store.publishAck(self, pushed, cursors, now);
            setMeta("ack_sum", sum);
            setMeta("ack_ms", now);
        }
    }

    /**
     * A device that syncs but neither pushes nor reads much still says it is alive this often, so
     * cleanup never takes it for unseen: a week, or a quarter of the retirement time if shorter.
     */
    private long ackRefreshMillis() {
        long week = 7L * 24 * 3600 * 1000;
        return retireAfterMillis > 0 ? Math.min(week, retireAfterMillis / 4) : week;
    }

    /** {@code total}: the batches on the remote, this device's included. */
    private void compact(Map<UUID, Long> remoteHeads, Map<UUID, Long> cursors, long total) {
        SnapshotStore.Listing listing = store.list();
        Optional<Manifest> newest = store.newest(listing, warnings);
        if (newest.isPresent() && memory.remember(newest.get(), total) && !force
                && !policy.due(total - meta("snapshot_cover"), meta("snapshot_volume"), meta("snapshot_size"))) {
            return; // another device wrote one since this database last looked, and little lies past it
        }
        SnapshotCapture.Capture capture = db.read(c -> {
            SnapshotCapture.Capture all = new SnapshotCapture().read(c, self, remote);
            if (all == null || this.capture == null) {
                return all;
            }
            return new SnapshotCapture.Capture(all.cursors(), this.capture.kept(c, all.entries()));
        });
        if (capture == null) {
            return; // local changes arrived during the sync; the next sync writes the snapshot
        }
        // Written now, or the newest snapshot covers all this database holds: nothing lies past it.
        setMeta("snapshot_volume", 0);
        boolean fresh = newest.isPresent() && Cleanup.dominates(newest.get(), new Manifest(
                newest.get().id(), self, 0, capture.cursors(), 0, 0));
        if (!fresh && !capture.entries().isEmpty()) {
            write(capture, listing);
        }
        Cleanup.Result r = Cleanup.run(store, self, cursors, remoteHeads, retired.get(), retireAfterMillis,
                db.wallMillis(), warnings);
        deletedBatches += r.batches();
        deletedSnapshots += r.snapshots();
        retiredDevices += r.retired();
        if (r.published() != null) {
            sweep(r.published(), remoteHeads);
        }
    }

    /** Forgets deleted items every live device has seen deleted ({@code published}: what the devices read). */
    private void sweep(Map<UUID, Map<UUID, Long>> published, Map<UUID, Long> remoteHeads) {
        Map<UUID, Map<UUID, Long>> live = new HashMap<>(published);
        live.remove(self);
        retired.get().forEach(live::remove);
        forgottenDeleted += new TombstoneHorizon(db, remote, self).sweep(live, remoteHeads);
        setMeta("tomb_ms", db.wallMillis());
    }

    private void write(SnapshotCapture.Capture capture, SnapshotStore.Listing listing) {
        long now = listing.nextMillis(db.wallMillis(), self);
        String id = SnapshotStore.newId(now, self);
        List<byte[]> parts = SnapshotParts.encode(id, capture.entries());
        Manifest m = new Manifest(id, self, now, capture.cursors(), parts.size(), capture.entries().size());
        store.write(m, parts);
        snapshotWritten = true;
        memory.remember(m, -1);
    }

    private long meta(String name) {
        return memory.get(name);
    }

    private void setMeta(String name, long value) {
        memory.set(name, value);
    }
}
