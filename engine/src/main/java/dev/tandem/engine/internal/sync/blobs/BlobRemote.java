package dev.tandem.engine.internal.sync.blobs;

import dev.tandem.engine.Db;
import dev.tandem.engine.internal.blob.BlobTransfer;
import dev.tandem.engine.sync.RemoteDevice;
import dev.tandem.engine.sync.SyncReport;
import dev.tandem.engine.sync.SyncStorage;
import java.util.List;

/**
 * What the blobs of a remote need of its engine: the storage its own objects go through (for the
 * sweep's lists and answers), the transfer below encryption (for the blobs themselves), its devices
 * (who must answer a sweep) and a sync (before a sweep decides). The engine implements it; this
 * package never sees the engine itself.
 */
public interface BlobRemote {
    /** The remote's name, for messages and this database's memory of a sweep. */
    String describe();

    /** The storage the engine's own objects go through (encrypted, signed, as configured). */
    SyncStorage storage();

    /** Blobs to and from the remote: below its encryption, each under its own key. */
    BlobTransfer blobTransfer();

    /** The devices the remote knows of. */
    List<RemoteDevice> devices(Db db);

    /** One sync of {@code db}. */
    SyncReport sync(Db db);
}
