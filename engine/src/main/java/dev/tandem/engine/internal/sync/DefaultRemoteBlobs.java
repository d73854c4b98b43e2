package dev.tandem.engine.internal.sync;

import dev.tandem.engine.Db;
import dev.tandem.engine.internal.DefaultDb.BlobConfig;
import dev.tandem.engine.internal.SyncPort;
import dev.tandem.engine.internal.blob.BlobKeys;
import dev.tandem.engine.internal.blob.BlobReferences;
import dev.tandem.engine.internal.blob.BlobTransfer;
import dev.tandem.engine.internal.blob.LocalBlobs;
import dev.tandem.engine.internal.changelog.MetaTable;
import dev.tandem.engine.sync.BlobSweep;
import dev.tandem.engine.sync.RemoteBlobs;
import dev.tandem.engine.sync.RemoteDevice;
import dev.tandem.engine.sync.SyncStorage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;

/**
 * Blobs on one engine's remote: fetch, and the sweep of unreferenced ones.
 *
 * <p>The sweep's order: the references are read first, then the remote is listed, so a blob
 * uploaded after the read (for a change made meanwhile) may look unreferenced; that only starts its
 * grace period. A blob is deleted only when it was unreferenced at every sweep for {@code grace}
 * (this device's memory in {@code _tandem_meta}: {@code blob orphan <remote> <name>} = when first
 * seen so; a sweep that finds it referenced forgets it) and every device the remote knows, retired
 * ones aside, was seen after that moment: each has since pushed what it had and pulled what was
 * there, so a change naming the blob would be in this device's history by now. A device that names
 * it again later uploads it again before its batch, if it has the file.
 */
final class DefaultRemoteBlobs implements RemoteBlobs {
    private static final String ORPHAN = "blob orphan ";

    private final DefaultSyncEngine engine;

    DefaultRemoteBlobs(DefaultSyncEngine engine) {
        this.engine = engine;
    }

    @Override
    public Fetch fetch(Db db, String id) {
        SyncPort d = SyncPort.of(db);
        LocalBlobs local = local(d);
        return switch (engine.blobTransfer().download(local, id)) {
            case FETCHED -> Fetch.FETCHED;
            case ALREADY_HERE -> Fetch.ALREADY_HERE;
            case NOT_ON_REMOTE -> Fetch.NOT_ON_REMOTE;
        };
    }

    @Override
    public BlobSweep sweep(Db db, Duration grace, boolean delete) {
        SyncPort d = SyncPort.of(db);
        BlobConfig config = d.blobConfig().orElseThrow(() -> new IllegalStateException(
                "blobs: this database was built without Db.Builder.blobs(table, column)"));
        Set<String> ids = d.read(c -> BlobReferences.all(c, config.table(), config.column()));
        BlobTransfer transfer = engine.blobTransfer();
        Set<String> referenced = new HashSet<>();
        for (String id : ids) {
            referenced.addAll(transfer.names(id));
        }
        SyncStorage data = transfer.data();
        List<String> orphans = new ArrayList<>();
        String after = null;
        while (true) {
            List<String> page = data.list(BlobKeys.DATA, after, 1000);
            for (String name : page) {
                if (!referenced.contains(name)) {
                    orphans.add(name);
                }
            }
            if (page.size() < 1000) {
                break;
            }
            after = page.get(page.size() - 1);
        }
        String prefix = ORPHAN + engine.describe() + " ";
        long now = d.wallMillis();
        SortedMap<String, Long> firstSeen = d.read(c -> MetaTable.startingWith(c, prefix, (rs, i) -> rs.getLong(i)));
        Set<String> orphanSet = new HashSet<>(orphans);
        d.write("Remembering unreferenced attachments", s -> {
            for (String name : orphans) {
                if (!firstSeen.containsKey(name)) {
                    MetaTable.put(s.sql(), prefix + name, now);
                }
            }
            for (String name : firstSeen.keySet()) {
                if (!orphanSet.contains(name)) {
                    MetaTable.delete(s.sql(), prefix + name);
                }
            }
            return null;
        });
        List<RemoteDevice> devices = orphans.isEmpty() ? List.of() : engine.devices(db);
        int deletable = 0;
        int deleted = 0;
        long bytes = 0;
        long deletableBytes = 0;
        long deletedBytes = 0;
        for (String name : orphans) {
            OptionalLong size = data.size(name);
            if (size.isEmpty()) {
                continue;
            }
            bytes += size.getAsLong();
            long since = firstSeen.getOrDefault(name, now);
            if (now - since < grace.toMillis() || !allSeenSince(devices, since)) {
                continue;
            }
            deletable++;
            deletableBytes += size.getAsLong();
            if (delete) {
                data.delete(name);
                deleted++;
                deletedBytes += size.getAsLong();
                d.write("Forgetting a removed attachment", s -> {
                    MetaTable.delete(s.sql(), prefix + name);
                    return null;
                });
            }
        }
        return new BlobSweep(orphans.size(), bytes, deletable, deletableBytes, deleted, deletedBytes);
    }

    private static boolean allSeenSince(List<RemoteDevice> devices, long millis) {
        for (RemoteDevice device : devices) {
            if (!device.retired() && !device.thisDevice()
                    && (device.lastSeen() == null || device.lastSeen().toEpochMilli() <= millis)) {
                return false;
            }
        }
        return true;
    }

    private static LocalBlobs local(SyncPort d) {
        if (d.localBlobs() == null) {
            throw new IllegalStateException("blobs: this database was built without Db.Builder.blobs(table, column)");
        }
        return d.localBlobs();
    }

}
