package dev.tandem.engine.internal.sync.device;

import java.util.UUID;

/**
 * The remote's own batches of this device, read back after their head was listed, are not the
 * ones this database pushed: a server dropped this database's writes while saying they landed,
 * and another installation under the same id (a copied profile) wrote those slots since. The
 * engine rewinds the push to the last confirmed batch, so the other installation's batches are
 * pulled and this database's changes after it are re-authored to a new id and pushed again.
 * Handled inside the engine; it never reaches callers.
 */
public final class OwnBatchesReplaced extends DeviceIdTaken {
    private static final long serialVersionUID = 1L;

    public OwnBatchesReplaced(UUID device, String evidence) {
        super(device, evidence);
    }
}
