package dev.tandem.engine.internal.sync;

import dev.tandem.engine.Blob;
import dev.tandem.engine.internal.DefaultDb.BlobConfig;
import dev.tandem.engine.internal.blob.BlobTransfer;
import dev.tandem.engine.internal.blob.LocalBlobs;
import dev.tandem.engine.internal.changelog.ChangeData;
import dev.tandem.engine.internal.changelog.FieldData;
import dev.tandem.engine.internal.wire.Batch;
import dev.tandem.engine.sync.SyncProgress;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The sync's hooks with one more step: before an own batch goes out, every blob it names is
 * uploaded, so a device that pulls the batch finds the blob (unless it was never on this device:
 * a row whose file another device must send, said in the report). The batches carry references
 * only; a batch that names no blob costs no request here.
 */
final class BlobPush implements SyncHooks {
    private final SyncHooks inner;
    private final BlobConfig config;
    private final LocalBlobs local;
    private final BlobTransfer transfer;
    private final List<String> warnings;
    private final Set<String> done = new LinkedHashSet<>();
    private int uploaded;

    BlobPush(SyncHooks inner, BlobConfig config, LocalBlobs local, BlobTransfer transfer, List<String> warnings) {
        this.inner = inner;
        this.config = config;
        this.local = local;
        this.transfer = transfer;
        this.warnings = warnings;
    }

    @Override
    public void beforePull(Map<UUID, Long> remoteHeads, Map<UUID, Long> localHeads, SyncProgress progress) {
        inner.beforePull(remoteHeads, localHeads, progress);
    }

    @Override
    public long missing(UUID device, long seq, SyncProgress progress) {
        return inner.missing(device, seq, progress);
    }

    @Override
    public void beforePush(Batch batch) {
        for (String id : named(batch, config)) {
            if (!done.add(id)) {
                continue;
            }
            if (transfer.upload(local, id)) {
                uploaded++;
            } else {
                warnings.add("An attachment (" + id.substring(0, 12) + "…) is named by a change from this device but"
                        + " its file is not on this device; other devices will show it as missing.");
            }
        }
        inner.beforePush(batch);
    }

    @Override
    public void afterSync(Map<UUID, Long> remoteHeads, boolean headPublished) {
        inner.afterSync(remoteHeads, headPublished);
    }

    int uploaded() {
        return uploaded;
    }

    /** The blob ids {@code batch} sets in the blob column. */
    static Set<String> named(Batch batch, BlobConfig config) {
        Set<String> ids = new LinkedHashSet<>();
        for (ChangeData c : batch.changes()) {
            if (!c.table().equalsIgnoreCase(config.table())) {
                continue;
            }
            for (FieldData f : c.fields()) {
                if (f.name().equalsIgnoreCase(config.column()) && f.value() instanceof String s && Blob.isId(s)) {
                    ids.add(s);
                }
            }
        }
        return ids;
    }
}
