package dev.tandem.engine.internal.sync;

import dev.tandem.engine.internal.SyncPort;
import dev.tandem.engine.internal.changelog.SyncState;
import dev.tandem.engine.internal.snapshot.FollowingBatch;
import dev.tandem.engine.internal.snapshot.SnapshotCapture;
import dev.tandem.engine.internal.snapshot.SnapshotLocal;
import dev.tandem.engine.internal.snapshot.SnapshotParts;
import dev.tandem.engine.internal.snapshot.SnapshotPolicy;
import dev.tandem.engine.internal.snapshot.SnapshotStore;
import dev.tandem.engine.internal.wire.Snapshot.Manifest;
import dev.tandem.engine.internal.wire.Snapshot.Part;
import dev.tandem.engine.internal.wire.SnapshotEntry;
import dev.tandem.engine.sync.SyncProgress;
import dev.tandem.engine.sync.SyncScope;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Snapshots in a sync: bootstrap, rebuild, the automatic policy, acks and cleanup. One instance per
 * sync of one database.
 *
 * <p><b>Bootstrap.</b> Only when the sync is behind by at least {@link #BOOTSTRAP_MIN} batches (so an
 * idle or small sync costs no extra request), or the database is new to a shared space, are the
 * snapshots listed; the newest is applied when it covers more batches than its parts cost to read
 * and finds only real clashes (a new device, a returning one whose state it replaces, a database
 * new to this remote: see {@link SnapshotLocal#appliesCleanly}), and always for a database new to a
 * shared space. A database that synced here before and that the snapshot would have to be merged
 * into replays the batches instead: the normal merge of a snapshot cannot walk replace chains
 * through the batches it stands for, and would record a clash for nearly every attribute edited
 * elsewhere meanwhile. <b>Rebuild.</b> When a batch the heads promise
 * is gone, a snapshot covering it is applied, and the report says the device was too far behind.
 * Applying merges into the existing state (see {@link SnapshotLocal}), so unpushed local changes
 * stay and are pushed by the same sync.
 *
 * <p><b>Policy.</b> After a sync, when {@link SnapshotPolicy} finds one due (batches or changes past
 * the newest snapshot this database knows of), and this device has pushed everything, it lists the
 * snapshots, and unless a newer one another device wrote leaves too little past it, writes a new one
 * (parts, then the manifest) and runs {@link Cleanup}; when cleanup could read every device, deleted
 * entities every device has seen deleted are then forgotten locally ({@link TombstoneHorizon}), so
 * the next snapshot no longer carries them. A device that does not write the snapshots runs that
 * check on its own at least weekly (reading the heads, as cleanup does). The covered batches, the volume and the
 * newest snapshot's size are kept in {@code _tandem_meta}, so the check itself costs no request.
 *
 * <p><b>Acks.</b> Cleanup trusts only published cursors. Heads carry them, but a device that only
 * reads never writes a head; so after a sync without a head, when its cursors moved by at least
 * {@link #ACK_EVERY} batches since it last published (a bootstrap usually does), or on its first
 * sync that read anything, it writes one small ack (one request) and deletes its older ones at the
 * next cleanup. A reader whose ack never landed (lost, or a store it cannot write) is unknown to
 * cleanup; if its batches go, it is rebuilt from a snapshot (see {@link #missing}).
 * It also acks at least weekly, so a device that syncs is never retired as unseen ({@link Cleanup}).
 */
final class Compaction implements SyncHooks {
    static final int BOOTSTRAP_MIN = 8;
    /** {@code _tandem_meta} name of a retired device already looked up in a snapshot ({@link #unreadRetired}). */
    private static final String RETIRED_READ = "retired_read ";
    static final int ACK_EVERY = 16;

    private final SyncPort db;
    private final String remote;
    private final SnapshotStore store;
    private final UUID self;
    private final SnapshotPolicy policy;
    private final boolean force;
    private final SnapshotLocal local;
    private final SyncState state = new SyncState();
    private final long retireAfterMillis;
    private final Supplier<Set<UUID>> retired;
    private final RemoteChangelog batches;
    private final SyncScope scope;
    final List<String> warnings = new ArrayList<>();
    /** What of a snapshot's entries may be loaded (a shared space lets in only its own tree). */
    interface EntryFilter {
        List<SnapshotEntry> admit(dev.tandem.engine.internal.tx.WriteSession s, String object,
                                  List<SnapshotEntry> entries) throws java.sql.SQLException;
    }

    private EntryFilter filter = (s, object, entries) -> entries;
    int pulled;
    int merged;
    int conflicts;
    boolean bootstrapped;
    boolean snapshotWritten;
    int deletedBatches;
    int deletedSnapshots;
    int retiredDevices;
    long forgottenDeleted;

    /**
     * {@code every}: batches past the newest snapshot before one is written, 0 for never (the whole
     * policy); {@code changes}: changes past it before one is written, 0 for no volume trigger;
     * {@code force}: now.
     */
    public Compaction(SyncPort db, String remote, SnapshotStore store, int every, int changes, boolean force) {
        this(db, remote, store, every, changes, force, 0, null, SyncScope.everything());
    }

    /**
     * Also {@code retireAfterMillis}: how long a device may go unseen before cleanup retires it (0:
     * never); {@code batches}: the remote the sync pulls from, whose listing shows the retired
     * devices, and from which a bootstrap reads the batches past its snapshot ({@link FollowingBatches});
     * null for neither.
     */
    Compaction(SyncPort db, String remote, SnapshotStore store, int every, int changes, boolean force,
               long retireAfterMillis, RemoteChangelog batches, SyncScope scope) {
        this.scope = scope;
        this.db = db;
        this.remote = remote;
        this.store = store;
        this.self = db.deviceUuid();
        this.policy = new SnapshotPolicy(every, changes);
        this.force = force;
        this.local = db.snapshotLocal();
        this.retireAfterMillis = retireAfterMillis;
        this.batches = batches;
        this.retired = batches == null ? Set::of : batches::retired;
    }

    /** Loads only what {@code filter} lets in of each snapshot from now on. */
    void filter(EntryFilter filter) {
        this.filter = filter;
    }

    @Override
    public void beforePull(Map<UUID, Long> remoteHeads, Map<UUID, Long> localHeads, SyncProgress progress) {
        long behind = 0;
        long total = localHeads.getOrDefault(self, 0L);
        for (Map.Entry<UUID, Long> e : remoteHeads.entrySet()) {
            if (!e.getKey().equals(self)) {
                behind += Math.max(0, e.getValue() - localHeads.getOrDefault(e.getKey(), 0L));
                total += e.getValue();
            }
        }
        // A database new to a shared space starts from its newest snapshot whenever there is one:
        // the space's first snapshot holds what its batches do not (the list as it was shared,
        // whoever wrote it), so replaying the batches alone would leave parts out.
        // Only a shared space's: elsewhere a missing batch is rebuilt from a snapshot when met.
        boolean fresh = scope instanceof SyncScope.Tree && localHeads.values().stream().allMatch(v -> v == 0);
        List<UUID> unread = unreadRetired(remoteHeads, localHeads);
        if (behind < BOOTSTRAP_MIN && !fresh && unread.isEmpty()) {
            return;
        }
        Optional<Manifest> newest = store.newest(store.list(), warnings::add);
        boolean read = true;
        if (newest.isPresent()) {
            Manifest m = newest.get();
            remember(m, total);
            long ahead = m.ahead(localHeads, self);
            if (fresh || (ahead > m.parts() + 1L && db.read(c -> local.appliesCleanly(c, self, remote, m.cursors())))) {
                read = apply(m, remoteHeads, localHeads, progress);
            } else if (unread.stream().anyMatch(d -> m.cursors().getOrDefault(d, 0L) > 0)) {
                // As when a batch the heads promise is gone: the snapshot holds what nothing else does.
                read = apply(m, null, localHeads, progress);
            }
        }
        if (read) {
            unread.forEach(d -> setMeta(RETIRED_READ + d, 1));
        }
    }

    /**
     * Retired devices whose heads are gone, which this database never read: cleanup deleted their
     * batches once the newest snapshot covered them, so what they wrote lives on only in snapshots,
     * and no head promises a batch whose absence would send this database there. Each is looked up
     * in the newest snapshot once.
     */
    private List<UUID> unreadRetired(Map<UUID, Long> remoteHeads, Map<UUID, Long> localHeads) {
        List<UUID> unread = new ArrayList<>();
        for (UUID d : retired.get()) {
            if (!d.equals(self) && !remoteHeads.containsKey(d) && localHeads.getOrDefault(d, 0L) == 0
                    && meta(RETIRED_READ + d) == 0) {
                unread.add(d);
            }
        }
        return unread;
    }

    @Override
    public long missing(UUID device, long seq, SyncProgress progress) {
        SnapshotStore.Listing listing = store.list();
        List<String> ids = listing.completeIds();
        for (int i = ids.size() - 1; i >= 0; i--) {
            Optional<Manifest> m = store.newest(new SnapshotStore.Listing(new TreeMap<>(
                    Map.of(ids.get(i), listing.keys().get(ids.get(i))))), warnings::add);
            if (m.isPresent() && m.get().cursors().getOrDefault(device, 0L) >= seq) {
                if (!apply(m.get(), null, Map.of(), progress)) {
                    return -1;
                }
                warnings.add("This device was too far behind: batch " + seq + " of device " + device
                        + " has been cleaned up from the remote. It was rebuilt from snapshot " + m.get().id()
                        + "; its changes not yet pushed are kept and pushed now.");
                return db.read(c -> state.cursors(c, remote)).getOrDefault(device, 0L);
            }
        }
        return -1;
    }

    /**
     * Applies a snapshot; false when one of its parts is gone (cleaned up since listing). With
     * {@code remoteHeads} (a bootstrap before the pull), the batches past the snapshot are read
     * first and offered to its bulk load; those it does not take go on to the pull.
     */
    private boolean apply(Manifest m, Map<UUID, Long> remoteHeads, Map<UUID, Long> localHeads,
                          SyncProgress progress) {
        long t0 = System.nanoTime();
        progress.onProgress(SyncProgress.SNAPSHOT, 0, m.changes());
        Optional<List<Part>> parts = store.parts(m);
        if (parts.isEmpty()) {
            warnings.add("Snapshot " + m.id() + " was removed while reading it; the next sync tries again.");
            return false;
        }
        FollowingBatches.Read following = new FollowingBatches.Read(List.of(), List.of());
        if (remoteHeads != null && batches != null && ScopeCheck.all(scope)) {
            Map<UUID, Long> after = new TreeMap<>(localHeads);
            m.cursors().forEach((device, seq) -> after.merge(device, seq, Math::max));
            following = FollowingBatches.read(batches, self, remoteHeads, after);
        }
        long t1 = System.nanoTime();
        List<SnapshotEntry> entries = new ArrayList<>();
        parts.get().forEach(p -> entries.addAll(p.entries()));
        long[] applied = new long[1];
        List<FollowingBatch> offered = following.following();
        SnapshotLocal.Stats st = db.write("Applying snapshot " + m.id(), s -> {
            SnapshotLocal.Stats stats = local.apply(s, self, remote, m.cursors(),
                    filter.admit(s, SnapshotStore.manifestKey(m.id()), entries), db.wallMillis(), ScopeCheck.all(scope), offered);
            applied[0] = System.nanoTime();
            return stats;
        });
        if (batches != null) {
            following.handOn(batches, st.folded());
        }
        progress.onProgress(SyncProgress.SNAPSHOT, m.changes(), m.changes());
        if (Boolean.getBoolean("tandem.debugSnapshots")) {
            long t2 = System.nanoTime();
            System.err.printf("snapshot and following batches fetch+decode %d ms, apply %d ms (of which commit %d ms)%n",
                    (t1 - t0) / 1_000_000,
                    (t2 - t1) / 1_000_000, (t2 - applied[0]) / 1_000_000);
        }
        if (st.keptOut() > 0) {
            warnings.add(st.keptOut() + " change(s) this device made while away were of items deleted on other devices,"
                    + " which forgot them or may, as they no longer waited for this device; they were not kept, so the"
                    + " items stay deleted everywhere.");
        }
        pulled += st.pulled();
        merged += st.merged();
        conflicts += st.conflicts();
        bootstrapped = true;
        remember(m, -1);
        return true;
    }

    @Override
    public void afterSync(Map<UUID, Long> remoteHeads, boolean headPublished) {
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
            Cleanup.Seen seen = Cleanup.seen(store, self, cursors, remoteHeads, warnings::add);
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
        Optional<Manifest> newest = store.newest(store.list(), warnings::add);
        if (newest.isPresent() && remember(newest.get(), total) && !force
                && !policy.due(total - meta("snapshot_cover"), meta("snapshot_volume"), meta("snapshot_size"))) {
            return; // another device wrote one since this database last looked, and little lies past it
        }
        SnapshotCapture.Capture capture = db.read(c -> {
            SnapshotCapture.Capture all = new SnapshotCapture().read(c, self, remote);
            if (all == null || ScopeCheck.all(scope)) {
                return all;
            }
            // A scoped remote's snapshot holds only what its scope holds, as its batches do.
            ScopeCheck check = new ScopeCheck(scope);
            List<SnapshotEntry> kept = new ArrayList<>();
            for (SnapshotEntry e : all.entries()) {
                if (check.includes(c, e.change().table(), e.change().entity())) {
                    kept.add(e);
                }
            }
            return new SnapshotCapture.Capture(all.cursors(), kept);
        });
        if (capture == null) {
            return; // local changes arrived during the sync; the next sync writes the snapshot
        }
        // Written now, or the newest snapshot covers all this database holds: nothing lies past it.
        setMeta("snapshot_volume", 0);
        boolean fresh = newest.isPresent() && Cleanup.dominates(newest.get(), new Manifest(
                newest.get().id(), self, 0, capture.cursors(), 0, 0));
        if (!fresh && !capture.entries().isEmpty()) {
            write(capture);
        }
        Cleanup.Result r = Cleanup.run(store, self, cursors, remoteHeads, retired.get(), retireAfterMillis,
                db.wallMillis(), warnings::add);
        deletedBatches += r.batches();
        deletedSnapshots += r.snapshots();
        retiredDevices += r.retired();
        if (r.published() != null) {
            sweep(r.published(), remoteHeads);
        }
    }

    /** Forgets deleted items every live device has seen deleted ({@code published}: what the devices read). */
    private void sweep(Map<UUID, Map<UUID, Long>> published, Map<UUID, Long> remoteHeads) {
        Map<UUID, Map<UUID, Long>> live = new java.util.HashMap<>(published);
        live.remove(self);
        retired.get().forEach(live::remove);
        forgottenDeleted += new TombstoneHorizon(db, remote, self).sweep(live, remoteHeads);
        setMeta("tomb_ms", db.wallMillis());
    }

    private void write(SnapshotCapture.Capture capture) {
        long now = db.wallMillis();
        String id = SnapshotStore.newId(now, self);
        List<byte[]> parts = SnapshotParts.encode(id, capture.entries());
        Manifest m = new Manifest(id, self, now, capture.cursors(), parts.size(), capture.entries().size());
        store.write(m, parts);
        snapshotWritten = true;
        remember(m, -1);
    }

    /**
     * Notes the newest snapshot known; true when it is newer than the one known before. The volume
     * keeps the share of it that lies past the newer snapshot, estimated from the {@code total}
     * batches on the remote ({@link SnapshotPolicy#volumeAfter}); with {@code total} -1 (a snapshot
     * this database applied or wrote itself) nothing lies past it.
     */
    private boolean remember(Manifest m, long total) {
        long cover = m.cursors().values().stream().mapToLong(Long::longValue).sum();
        long before = meta("snapshot_cover");
        if (cover <= before) {
            return false;
        }
        setMeta("snapshot_cover", cover);
        setMeta("snapshot_volume", total < 0 ? 0 : SnapshotPolicy.volumeAfter(meta("snapshot_volume"), total, before, cover));
        setMeta("snapshot_size", m.changes());
        return true;
    }

    private long meta(String name) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT value FROM _tandem_meta WHERE key = ?")) {
                ps.setString(1, name + ":" + remote);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    private void setMeta(String name, long value) {
        db.write("Recording " + name, s -> {
            PreparedStatement ps = s.sql().get("INSERT INTO _tandem_meta(key, value) VALUES(?, ?)"
                    + " ON CONFLICT(key) DO UPDATE SET value = excluded.value");
            ps.setString(1, name + ":" + remote);
            ps.setLong(2, value);
            ps.executeUpdate();
            return null;
        });
    }
}
