package dev.tandem.app.model;

import dev.tandem.engine.Backups;
import dev.tandem.engine.ChangeEvent;
import dev.tandem.engine.ChangeListener;
import dev.tandem.engine.Db;
import dev.tandem.engine.PrunedHistory;
import dev.tandem.engine.Subscription;
import dev.tandem.engine.sync.BlobSweep;
import dev.tandem.engine.sync.CompactionReport;
import dev.tandem.engine.sync.RemoteBlobs;
import dev.tandem.engine.sync.RemoteDevice;
import dev.tandem.engine.sync.RemoteKeys;
import dev.tandem.engine.sync.RotationReport;
import dev.tandem.engine.sync.SetAside;
import dev.tandem.engine.sync.SpaceKeys;
import dev.tandem.engine.sync.SpaceMembers;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.SyncProgress;
import dev.tandem.engine.sync.SyncReport;
import dev.tandem.engine.sync.SyncStorage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * This profile's database as the engine's services see it: what a sync engine, a key rotation, a
 * remote's blobs and the backups do with it, and the commits they listen for. No rows and no
 * transactions go through here (those are the stores'), so the services that sync, back up and
 * fetch never hold the database itself: the engine's calls that take it are made here, with it.
 */
public final class Replica {
    /** The last versions of each field that history keeps, however short its window ({@link #pruneHistory}). */
    public static final int HISTORY_VERSIONS = Db.HISTORY_VERSIONS;

    private final Db db;
    private final Clock clock;

    Replica(TodoStore store) {
        this.db = Objects.requireNonNull(store, "store").db();
        this.clock = store.clock();
    }

    public SyncReport sync(SyncEngine engine) {
        return engine.sync(db);
    }

    public SyncReport sync(SyncEngine engine, SyncProgress progress) {
        return engine.sync(db, progress);
    }

    public CompactionReport compact(SyncEngine engine) {
        return engine.compact(db);
    }

    public CompactionReport compact(SyncEngine engine, SyncProgress progress) {
        return engine.compact(db, progress);
    }

    public long pendingChanges(SyncEngine engine) {
        return engine.pendingChanges(db);
    }

    public List<SetAside> setAside(SyncEngine engine) {
        return engine.setAside(db);
    }

    public List<RemoteDevice> devices(SyncEngine engine) {
        return engine.devices(db);
    }

    public boolean forget(SyncEngine engine, UUID device) {
        return engine.forget(db, device);
    }

    /** The members of the space {@code engine} syncs, as this profile knows them. */
    public SpaceMembers members(SyncEngine engine) {
        return engine.members(db);
    }

    /** Removes {@code member} from {@code engine}'s space and changes its key to {@code passphrase}. */
    public void removeAndRotate(SyncEngine engine, String member, String passphrase, SyncProgress progress) {
        engine.members().removeAndRotate(db, member, passphrase, progress);
    }

    public RotationReport rotate(RemoteKeys keys, String passphrase, SyncProgress progress) {
        return keys.rotate(db, passphrase, progress);
    }

    public RotationReport resumeRotation(RemoteKeys keys, SyncProgress progress) {
        return keys.resumeRotation(db, progress);
    }

    /** The new passphrase of a shared list sealed to this member, when its owner changed the key. */
    public Optional<String> rekeyedPassphrase(SpaceKeys keys, SyncStorage storage) {
        return keys.rekeyedPassphrase(db, storage);
    }

    public RemoteBlobs.Fetch fetch(RemoteBlobs remote, String blob, long size) {
        return remote.fetch(db, blob, size);
    }

    public BlobSweep sweep(RemoteBlobs remote, Duration grace, boolean delete) {
        return remote.sweep(db, grace, delete);
    }

    public Backups backups() {
        return db.backups();
    }

    /** This device's id in the changelog; a sync that finds its id taken elsewhere changes it. */
    public String deviceId() {
        return db.deviceId();
    }

    /** The database file; empty for one in memory. */
    public Optional<Path> file() {
        return db.file();
    }

    /** Calls back after each commit, whoever made it. */
    public Subscription onCommit(ChangeListener listener) {
        return db.subscribe(listener);
    }

    /** Calls back after each commit made from {@code origin}. */
    public Subscription onCommit(ChangeEvent.Origin origin, ChangeListener listener) {
        return db.subscribe(origin, listener);
    }

    /**
     * Forgets the tags and files no todo names any more, then history older than {@code keep}: in this
     * order, so the rows forgotten first leave the window with the rest. Then the marks of where forgotten
     * changes came from ({@link ChangeOrigins#forgetPruned}), which go with the history they describe.
     */
    public PrunedHistory pruneHistory(Duration keep) {
        TagStore.forgetOrphans(db);
        AttachmentStore.forgetOrphans(db);
        PrunedHistory pruned = db.pruneHistory(keep);
        ChangeOrigins.forgetPruned(db, keep, clock.millis());
        return pruned;
    }
}
