package dev.tandem.engine.internal;

import dev.tandem.engine.internal.DefaultDb.BlobConfig;
import dev.tandem.engine.internal.apply.RemoteApply;
import dev.tandem.engine.internal.blob.LocalBlobs;
import dev.tandem.engine.internal.clock.HybridClock;
import dev.tandem.engine.internal.snapshot.SnapshotLocal;
import dev.tandem.engine.internal.store.Connections;
import dev.tandem.engine.internal.store.SqlFunction;
import dev.tandem.engine.internal.tx.Writer;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The one {@link SyncPort} of a {@link DefaultDb}: sync's narrow view of it. Its own class so what sync
 * can reach of a database is exactly what is handed in here, read in one place; the capture, the
 * dispatcher and the stores are not among it.
 *
 * <p>Made once with the database and kept for its lifetime: it stands for the database in sync's lock.
 */
final class DbSyncPort implements SyncPort {
    private final Reader reader;
    private final Writer writer;
    private final DeviceIdentity deviceId;
    private final HybridClock clock;
    private final Supplier<RemoteApply> merging;
    /** The reader pool a snapshot's catch-up compares rows in; null for an in-memory database (writer only). */
    private final Connections snapshotReaders;
    private final Path file;
    private final BlobConfig blobConfig;
    private final LocalBlobs blobs;

    /** {@code file}, {@code blobConfig} and {@code blobs} are null for an in-memory database, and without blobs. */
    DbSyncPort(Reader reader, Writer writer, DeviceIdentity deviceId, HybridClock clock, Supplier<RemoteApply> merging,
               Connections snapshotReaders, Path file, BlobConfig blobConfig, LocalBlobs blobs) {
        this.reader = reader;
        this.writer = writer;
        this.deviceId = deviceId;
        this.clock = clock;
        this.merging = merging;
        this.snapshotReaders = snapshotReaders;
        this.file = file;
        this.blobConfig = blobConfig;
        this.blobs = blobs;
    }

    @Override
    public <R> R read(SqlFunction<R> work) {
        return reader.read(work);
    }

    @Override
    public <R> R write(String doing, Writer.Work<R> work) {
        return writer.write(doing, work);
    }

    @Override
    public RemoteApply remoteApply() {
        return merging.get();
    }

    @Override
    public SnapshotLocal snapshotLocal() {
        return new SnapshotLocal(remoteApply(), clock, snapshotReaders);
    }

    @Override
    public long wallMillis() {
        return clock.wallMillis();
    }

    @Override
    public UUID deviceUuid() {
        return deviceId.current();
    }

    @Override
    public UUID takeNewDeviceId(boolean repushAll) {
        return deviceId.takeNew(repushAll);
    }

    @Override
    public UUID refreshDeviceId() {
        return deviceId.refresh();
    }

    @Override
    public Optional<BlobConfig> blobConfig() {
        return Optional.ofNullable(blobConfig);
    }

    @Override
    public LocalBlobs localBlobs() {
        return blobs;
    }

    @Override
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }
}
