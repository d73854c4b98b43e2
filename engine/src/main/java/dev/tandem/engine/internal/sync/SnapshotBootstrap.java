package dev.tandem.engine.internal.sync;

import dev.tandem.engine.internal.sync.scope.ScopeCheck;
import dev.tandem.engine.internal.SyncPort;
import dev.tandem.engine.internal.changelog.SyncState;
import dev.tandem.engine.internal.compaction.Compaction;
import dev.tandem.engine.internal.compaction.SnapshotMemory;
import dev.tandem.engine.internal.snapshot.FollowingBatch;
import dev.tandem.engine.internal.snapshot.SnapshotLocal;
import dev.tandem.engine.internal.snapshot.SnapshotStore;
import dev.tandem.engine.internal.tx.WriteSession;
import dev.tandem.engine.internal.wire.Snapshot.Manifest;
import dev.tandem.engine.internal.wire.Snapshot.Part;
import dev.tandem.engine.internal.wire.SnapshotEntry;
import dev.tandem.engine.sync.SyncProgress;
import dev.tandem.engine.sync.SyncScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Snapshots in a sync: bootstrap and rebuild, and {@link Compaction} after it. One instance per
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
 * is gone (cleaned up, or never acked for: see {@link Compaction}), a snapshot covering it is
 * applied, and the report says the device was too far behind.
 * Applying merges into the existing state (see {@link SnapshotLocal}), so unpushed local changes
 * stay and are pushed by the same sync.
 */
final class SnapshotBootstrap implements SyncHooks {
    static final int BOOTSTRAP_MIN = 8;
    /** {@code _tandem_meta} name of a retired device already looked up in a snapshot ({@link #unreadRetired}). */
    private static final String RETIRED_READ = "retired_read ";

    private final SyncPort db;
    private final String remote;
    private final SnapshotStore store;
    private final UUID self;
    private final SnapshotLocal local;
    private final SyncState state = new SyncState();
    private final Supplier<Set<UUID>> retired;
    private final SnapshotMemory memory;
    private final Compaction compaction;
    private final RemoteChangelog batches;
    private final SyncScope scope;
    final List<String> warnings = new ArrayList<>();
    /** What of a snapshot's entries may be loaded (a shared space lets in only its own tree). */
    interface EntryFilter {
        List<SnapshotEntry> admit(WriteSession s, String object,
                                  List<SnapshotEntry> entries) throws java.sql.SQLException;
    }

    private EntryFilter filter = (s, object, entries) -> entries;
    int pulled;
    int merged;
    int conflicts;
    boolean bootstrapped;

    /**
     * {@code every}, {@code changes}, {@code force}, {@code retireAfterMillis}: {@link Compaction}'s
     * policy; {@code batches}: the remote the sync pulls from, whose listing shows the retired
     * devices, and from which a bootstrap reads the batches past its snapshot ({@link FollowingBatches}).
     */
    SnapshotBootstrap(SyncPort db, String remote, SnapshotStore store, int every, int changes, boolean force,
                      long retireAfterMillis, RemoteChangelog batches, SyncScope scope) {
        this.scope = scope;
        this.db = db;
        this.remote = remote;
        this.store = store;
        this.self = db.deviceUuid();
        this.local = db.snapshotLocal();
        this.batches = batches;
        this.retired = batches == null ? Set::of : batches::retired;
        this.memory = new SnapshotMemory(db, remote);
        this.compaction = new Compaction(db, remote, store, every, changes, force, retireAfterMillis, retired,
                captureFilter(scope), warnings::add);
    }

    /** A scoped remote's snapshot holds only what its scope holds, as its batches do; null: everything. */
    private static Compaction.CaptureFilter captureFilter(SyncScope scope) {
        if (ScopeCheck.all(scope)) {
            return null;
        }
        return (c, entries) -> {
            ScopeCheck check = new ScopeCheck(scope);
            List<SnapshotEntry> kept = new ArrayList<>();
            for (SnapshotEntry e : entries) {
                if (check.includes(c, e.change().table(), e.change().entity())) {
                    kept.add(e);
                }
            }
            return kept;
        };
    }

    /** The compaction run after this sync, and what it did. */
    Compaction compaction() {
        return compaction;
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
        compaction.afterSync(remoteHeads, headPublished, bootstrapped);
    }

    private boolean remember(Manifest m, long total) {
        return memory.remember(m, total);
    }

    private long meta(String name) {
        return memory.get(name);
    }

    private void setMeta(String name, long value) {
        memory.set(name, value);
    }
}
