package dev.tandem.engine.internal;

import dev.tandem.engine.Db;
import dev.tandem.engine.internal.apply.RemoteApply;
import dev.tandem.engine.internal.snapshot.SnapshotLocal;
import dev.tandem.engine.internal.store.SqlFunction;
import dev.tandem.engine.internal.tx.Writer;
import dev.tandem.engine.internal.blob.LocalBlobs;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/**
 * What sync may do to a database, and nothing more: read its tables, run its own write
 * transactions, merge remote changes and snapshots into it, read the wall clock it stamps changes
 * with, and manage the device id it pushes under.
 *
 * <p>Why only that: sync keeps its state (cursors, pushes, set-aside objects) in the database's
 * internal tables and merges through {@link RemoteApply}, so it needs transactions and the merge,
 * but not the writer, the change capture, the dispatcher or the stores themselves: with those it
 * could write rows around the changelog, or change the device id without the capture following.
 * Keeping this narrow also keeps {@link DefaultDb} the public {@link Db} only. Every database has one port for its lifetime, so it can stand for
 * the database (the sync lock of an in-memory database is keyed by it).
 */
public interface SyncPort {

    /** The port of {@code db}; refuses a database this engine did not open. */
    static SyncPort of(Db db) {
        if (!(db instanceof DefaultDb d)) {
            throw new IllegalArgumentException("db: must be a database opened with Db.open or Db.builder()");
        }
        return d.syncPort();
    }

    /** Runs {@code work} on a reader connection: sees the last commit. */
    <R> R read(SqlFunction<R> work);

    /**
     * Runs {@code work} in a write transaction (or the one this thread is in), through the same
     * path as every save, so subscribers hear of what it changed after the commit.
     */
    <R> R write(String doing, Writer.Work<R> work);

    /** What merging remote changes takes: for every pull and set-aside retry. */
    RemoteApply remoteApply();

    /** What applying a snapshot takes: for bootstrap and rebuild. */
    SnapshotLocal snapshotLocal();

    /** The wall clock of the database's hybrid clock, in milliseconds: "now" for sync's records. */
    long wallMillis();

    /** The device id this database's changes are authored and pushed under. */
    UUID deviceUuid();

    /**
     * Gives this database a new device id because another installation writes under the current
     * one (a copied profile), or because the remote lost batches of it ({@code repushAll}: every own
     * change is pushed again); see {@link dev.tandem.engine.internal.changelog.DeviceIds}. Returns
     * the new id.
     */
    UUID takeNewDeviceId(boolean repushAll);

    /**
     * Follows a device id another program gave this database file (its {@code tandem sync} found a
     * copied profile): from now on saves here use it, and the ones made meanwhile under the old id
     * are re-authored so they are pushed. A cheap read when nothing changed.
     */
    UUID refreshDeviceId();

    /** The database file, empty in memory: where the sync lock lives. */
    /** The column naming blobs and where their copies live, when the database has one. */
    Optional<DefaultDb.BlobConfig> blobConfig();

    /** The local blob store, or null without {@link #blobConfig}. */
    LocalBlobs localBlobs();

    Optional<Path> file();
}
