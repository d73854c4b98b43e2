package dev.tandem.engine.internal.sync.device;

import java.util.UUID;

/**
 * The remote lists this database's device as retired ({@link dev.tandem.engine.internal.wire.Retirement}): it was unseen too long,
 * or forgotten by hand. Like a copied profile, the database takes a new id and syncs again: its
 * changes not yet pushed go out under the new id, and what it pushed before stays as the old id's.
 * Thrown before anything is pulled or pushed; handled by the engine, it never reaches callers.
 */
public final class DeviceRetired extends DeviceIdTaken {
    private static final long serialVersionUID = 1L;

    public DeviceRetired(UUID device, String evidence) {
        super(device, evidence);
    }
}
