package dev.tandem.engine.internal.sync.device;

import java.util.UUID;

/**
 * The remote lost batches this database pushed (they stayed missing past the grace period): the
 * engine gives the database a new device id and pushes every own change again under it, since a
 * lost batch cannot be rebuilt exactly. Devices that had read the lost batches merge the repeats
 * as no-ops. Handled inside the engine; it never reaches callers.
 */
public final class OwnBatchesLost extends DeviceIdTaken {
    private static final long serialVersionUID = 1L;

    public OwnBatchesLost(UUID device, String evidence) {
        super(device, evidence);
    }
}
