package dev.tandem.engine.internal.sync;

import dev.tandem.engine.internal.sync.space.DefaultSpaceMembers;
import dev.tandem.engine.internal.sync.space.SpaceAuthors;
import dev.tandem.engine.internal.sync.space.SpaceSetup;
import dev.tandem.engine.internal.sync.space.SpaceMemory;
import dev.tandem.engine.internal.sync.blobs.BlobCandidates;
import dev.tandem.engine.internal.sync.blobs.BlobRemote;
import dev.tandem.engine.internal.sync.blobs.DefaultRemoteBlobs;
import dev.tandem.engine.internal.sync.device.DeviceIdTaken;
import dev.tandem.engine.internal.sync.device.NewDeviceId;
import dev.tandem.engine.internal.sync.device.RemoteDevices;
import dev.tandem.engine.internal.sync.keys.DefaultRemoteKeys;
import dev.tandem.engine.internal.sync.keys.KeyedRemote;
import dev.tandem.engine.Db;
import dev.tandem.engine.internal.SyncPort;
import dev.tandem.engine.internal.snapshot.SnapshotStore;
import dev.tandem.engine.internal.blob.BlobKeys;
import dev.tandem.engine.internal.blob.BlobTransfer;
import dev.tandem.engine.internal.storage.EncryptedStorage;
import dev.tandem.engine.sync.RemoteBlobs;
import dev.tandem.engine.internal.storage.StorageProbe;
import dev.tandem.engine.sync.CompactionReport;
import dev.tandem.engine.sync.ConnectionCheck;
import dev.tandem.engine.sync.RemoteKeys;
import dev.tandem.engine.sync.RemoteDevice;
import dev.tandem.engine.sync.SetAside;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncProgress;
import dev.tandem.engine.sync.SyncReport;
import dev.tandem.engine.sync.SpaceMembers;
import dev.tandem.engine.sync.SyncScope;
import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.engine.sync.Version;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Wires a database, the storage stack and the {@link Synchronizer}. Syncs through one engine run
 * one at a time, which keeps request counts per sync exact; syncs of one database through several
 * engines or processes run one at a time too ({@link SyncLock}). The engine hands itself to the
 * packages below as the little each needs ({@link KeyedRemote}, {@link BlobRemote}), so they never
 * reach back up to it.
 */
public final class DefaultSyncEngine implements SyncEngine, KeyedRemote, BlobRemote {
    /** Changes per batch: large enough that a sync costs a handful of requests, small enough to stay
     * far below the object size limit with long notes. */
    public static final int BATCH_CAP = 5000;
    /** Remote batches past the newest snapshot before a sync writes a new one (and cleans up). */
    public static final int SNAPSHOT_EVERY = 200;
    /**
     * Changes past the newest snapshot before a sync writes a new one, whatever the batches: what a
     * new device replays after the snapshot stays about this small (see {@link dev.tandem.engine.internal.compaction.Compaction}).
     */
    public static final int SNAPSHOT_CHANGES = 5000;
    /** A device unseen this long is retired by the next cleanup (docs/SYNC_FORMAT.md, "Retired devices"). */
    public static final Duration RETIRE_AFTER = Duration.ofDays(90);

    private final SyncStorage storage;
    private final CountingStorage counter;
    private final String remoteId;
    private final ReentrantLock lock = new ReentrantLock();
    private final int snapshotEvery;
    private final int snapshotChanges;
    /** How long a device may go unseen before cleanup retires it; 0 for never. */
    private final long retireAfterMillis;
    /** Which own changes this remote receives. */
    private final SyncScope scope;
    /** This engine's part in a shared space, or null. */
    private final SpaceSetup space;
    private final ReadBack readBack;
    private final DefaultRemoteBlobs blobs = new DefaultRemoteBlobs(this);
    /** The change marker: a small object every push rewrites (docs/SYNC_FORMAT.md, "Change marker"). */
    static final String MARKER = "changed";
    /** How long an attachment nothing names stays on the remote before a compaction removes it. */
    static final Duration BLOB_GRACE = Duration.ofDays(30);
    /** The marker version this engine has caught up with; null before its first sync. */
    private volatile Version seen;
    /** The marker version the last {@link #remoteChanged()} found, for the sync it triggers. */
    private volatile Version observed;
    /** Null when the engine encrypts: then {@link dev.tandem.engine.internal.storage.EncryptedStorage} checks. */
    private final EncryptionGuard plainGuard;
    /** The encryption layer when this engine encrypts, else null. */
    private final EncryptedStorage encrypted;

    public DefaultSyncEngine(SyncStorage storage, CountingStorage counter, String remoteId) {
        this(storage, counter, remoteId, SNAPSHOT_EVERY, SNAPSHOT_CHANGES, null, RETIRE_AFTER, SyncScope.everything());
    }

    /**
     * {@code plain} is the storage stack below encryption when this engine does not encrypt (so it
     * can tell an encrypted remote and refuse it), else null.
     */
    public DefaultSyncEngine(SyncStorage storage, CountingStorage counter, String remoteId, int snapshotEvery,
                             int snapshotChanges, SyncStorage plain, Duration retireAfter, SyncScope scope) {
        this(storage, counter, remoteId, snapshotEvery, snapshotChanges, plain, retireAfter, scope, null);
    }

    /** {@code space}: this engine's part in a shared space (its storage is then {@code space.signed()}), else null. */
    public DefaultSyncEngine(SyncStorage storage, CountingStorage counter, String remoteId, int snapshotEvery,
                             int snapshotChanges, SyncStorage plain, Duration retireAfter, SyncScope scope,
                             SpaceSetup space) {
        this(storage, counter, remoteId, snapshotEvery, snapshotChanges, plain, retireAfter, scope, space, RetryPause.REAL);
    }

    /** {@code pause}: what read retries wait with ({@link RetryPause}). */
    public DefaultSyncEngine(SyncStorage storage, CountingStorage counter, String remoteId, int snapshotEvery,
                             int snapshotChanges, SyncStorage plain, Duration retireAfter, SyncScope scope,
                             SpaceSetup space, RetryPause pause) {
        this.readBack = new ReadBack(pause);
        this.retireAfterMillis = retireAfter.toMillis();
        this.scope = scope;
        this.space = space;
        this.storage = storage;
        this.counter = counter;
        this.remoteId = remoteId;
        this.snapshotEvery = snapshotEvery;
        this.snapshotChanges = snapshotChanges;
        this.plainGuard = plain == null ? null : new EncryptionGuard(plain, remoteId);
        SyncStorage below = space == null ? storage : space.signed().below();
        this.encrypted = below instanceof EncryptedStorage e ? e : null;
    }

    @Override
    public SyncReport sync(Db db) {
        return sync(db, SyncProgress.NONE);
    }

    @Override
    public SyncReport sync(Db db, SyncProgress progress) {
        return run(db, progress, false).sync();
    }

    @Override
    public CompactionReport compact(Db db, SyncProgress progress) {
        CompactionReport report = run(db, progress, true);
        if (SyncPort.of(db).blobConfig().isPresent()) {
            blobs().sweep(db, BLOB_GRACE, true);
        }
        return report;
    }

    @Override
    public long pendingChanges(Db db) {
        // No lock: a read sees the last commit, and a running sync commits each push in one step.
        return PushBacklog.count(SyncPort.of(db), remoteId);
    }

    @Override
    public boolean remoteChanged() {
        Version known = seen;
        Version now = storage.version(MARKER, known == null ? Version.MISSING : known);
        if (known != null && now.equals(known) && !now.equals(Version.UNKNOWN)) {
            return false;
        }
        observed = now;
        return true;
    }

    @Override
    public long requestsSoFar() {
        return counter.snapshot()[0];
    }

    @Override
    public AutoCloseable watchRemote(Runnable onChange) {
        return storage.watch("", onChange);
    }

    /**
     * After a sync: rewrites the change marker when this sync pushed, so other devices' checks see a
     * change, and remembers which marker version this engine has now caught up with: its own, or
     * the one the check before the sync saw (taken before the sync's listing, so any marker written
     * after that listing differs from it and is noticed by the next check).
     */
    private void afterSync(int pushed, Version before) {
        if (pushed > 0) {
            try {
                seen = storage.overwrite(MARKER, MarkerBytes.fresh());
                return;
            } catch (SyncException e) {
                // The push is done and recorded; other devices find it at their next full sync.
                System.getLogger(DefaultSyncEngine.class.getName()).log(System.Logger.Level.WARNING,
                        "Could not rewrite the change marker on " + remoteId + ": " + e.getMessage());
            }
        }
        if (before != null) {
            seen = before;
        }
    }

    @Override
    public List<RemoteDevice> devices(Db db) {
        UUID self = SyncPort.of(db).deviceUuid();
        RemoteChangelog heads = new RemoteChangelog(storage, self);
        Map<UUID, Long> newest = heads.heads();
        return RemoteDevices.list(storage, self, newest, heads.retired());
    }

    @Override
    public boolean forget(Db db, UUID device) {
        SyncPort d = SyncPort.of(db);
        boolean retired = RemoteDevices.forget(storage, d.deviceUuid(), device,
                () -> new RemoteChangelog(storage, d.deviceUuid()).heads().getOrDefault(device, 0L), d.wallMillis());
        if (retired) {
            markChanged();
        }
        return retired;
    }

    @Override
    public List<SetAside> setAside(Db db) {
        return SetAsideList.read(SyncPort.of(db), remoteId);
    }

    /**
     * One sync, or two when the first finds that another installation writes under this database's
     * device id: the database then takes a new id and syncs again ({@link NewDeviceId}).
     */
    private CompactionReport run(Db db, SyncProgress progress, boolean force) {
        SyncPort d = SyncPort.of(db);
        SyncProgress reporting = progress == null ? SyncProgress.NONE : progress;
        lock.lock();
        // Held from before the sync reads this database's state until its push and head are
        // recorded: a sync of the same database in another engine or process waits (SyncLock).
        try (SyncLock held = SyncLock.acquire(d, waited -> reporting.onProgress(SyncProgress.WAITING, waited, -1))) {
            long started = System.nanoTime();
            long[] before = counter.snapshot();
            Version markerBefore = observed;
            d.refreshDeviceId();
            List<String> logProblems = space == null ? List.of() : space.prepare(d, remoteId);
            boolean pushing = (plainGuard != null || encrypted != null) && PushBacklog.count(d, remoteId) > 0;
            if (plainGuard != null) {
                plainGuard.check(pushing);
            }
            if (encrypted != null && (pushing || markerBefore != null && !markerBefore.equals(seen))) {
                // A newer keyring (a changed passphrase, a rotation) is followed before anything is
                // written, and whenever the change marker moved, as every key change moves it; an
                // idle sync pays nothing for it.
                encrypted.refresh();
            }
            keyringForward(d);
            RunTally tally = new RunTally();
            tally.warnings.addAll(logProblems);
            // Listed before the pull, answered after it (DefaultRemoteBlobs#answer).
            List<BlobCandidates.Published> sweepLists = blobs.due(db, force);
            SnapshotBootstrap snapshots;
            while (true) {
                DbChangelog local = new DbChangelog(d, remoteId, BATCH_CAP, scope,
                        space == null ? null : new SpaceAuthors(space, remoteId));
                RemoteChangelog remote = new RemoteChangelog(storage, d.deviceUuid(), readBack, d::wallMillis);
                snapshots = new SnapshotBootstrap(d, remoteId, new SnapshotStore(storage), snapshotEvery, snapshotChanges,
                        force, retireAfterMillis, remote, scope);
                if (space != null) {
                    snapshots.filter(local::admittedSnapshot);
                }
                SnapshotBootstrap inner = snapshots;
                SyncHooks hooks = d.blobConfig().<SyncHooks>map(c -> new BlobPush(inner, c, d.localBlobs(),
                        blobTransfer(), tally.warnings)).orElse(snapshots);
                try {
                    Synchronizer.Result result = Synchronizer.sync(local, remote, d.deviceUuid(), reporting,
                            hooks);
                    local.retryWaiting();
                    tally.add(local, snapshots, result);
                    break;
                } catch (DeviceIdTaken taken) {
                    tally.add(local, snapshots, null);
                    tally.notes.add(NewDeviceId.take(taken, tally.newIds, d, remoteId,
                            local::rewindToConfirmed, remote::retirement));
                    tally.newIds++;
                }
            }
            keyringForward(d);
            if (plainGuard != null && tally.pushed > 0) {
                plainGuard.wrote();
            }
            afterSync(tally.pushed, markerBefore);
            try {
                blobs.answer(db, sweepLists, tally.warnings);
            } catch (SyncException e) {
                // The sync itself is done; the lists are looked for again after the next one.
                tally.warnings.add("Could not tell other devices' attachment cleanup what this device still"
                        + " uses: " + e.getMessage());
            }
            return tally.report(before, counter.snapshot(), started, SetAsideList.read(d, remoteId),
                    snapshots.compaction());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public SyncStorage storage() {
        return storage;
    }

    @Override
    public BlobTransfer blobTransfer() {
        if (encrypted == null) {
            return new BlobTransfer(storage, null, () -> 0);
        }
        return new BlobTransfer(encrypted.below(), new BlobKeys(storage), () -> encrypted.current().currentKeyId());
    }

    @Override
    public RemoteBlobs blobs() {
        return blobs;
    }

    /**
     * In a shared space, the keyring only moves forward: one older than this device opened before
     * means the storage was put back, and is refused before anything is pushed under it (checked
     * again after the sync, for what it opened meanwhile). No KDF runs for it: only a keyring this
     * engine opened already is compared.
     */
    private void keyringForward(SyncPort d) {
        if (space != null && encrypted != null && encrypted.openedGeneration() > 0) {
            SpaceMemory.of(d, space.signed().members().owner()).generation(encrypted.openedGeneration(), remoteId);
        }
    }

    @Override
    public SpaceMembers members() {
        if (space == null) {
            throw new IllegalStateException("members: " + remoteId + " is not a shared space; build the engine with space(keys)");
        }
        return new DefaultSpaceMembers(space, this::keys);
    }

    @Override
    public SpaceMembers members(Db db) {
        SpaceMembers members = members();
        space.signed().members().remember(SpaceMemory.of(SyncPort.of(db), space.signed().members().owner()));
        return members;
    }

    @Override
    public RemoteKeys keys() {
        if (encrypted == null) {
            throw new IllegalStateException("keys: " + remoteId + " is synced without encryption; build the engine "
                    + "with encrypted(passphrase) or recoveryKey(code)");
        }
        return new DefaultRemoteKeys(this, encrypted);
    }

    @Override
    public void markChanged() {
        seen = storage.overwrite(MARKER, MarkerBytes.fresh());
    }

    @Override
    public ConnectionCheck check() {
        if (plainGuard != null) {
            try {
                plainGuard.check(true);
            } catch (SyncException e) {
                if (e.reason() == SyncException.Reason.PASSPHRASE_REQUIRED) {
                    return new ConnectionCheck(List.of(new ConnectionCheck.Step(ConnectionCheck.Step.Kind.ENCRYPTION, false,
                            e.withHint(), e.reason())));
                }
                // Not reachable, refused, ...: the probe meets the same problem and names the step.
            }
        }
        return StorageProbe.run(storage);
    }

    @Override
    public String describe() {
        return remoteId;
    }

    @Override
    public void close() {
        storage.close();
    }
}
