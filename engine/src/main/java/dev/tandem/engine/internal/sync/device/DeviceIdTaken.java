package dev.tandem.engine.internal.sync.device;

import java.util.UUID;

/**
 * Another installation writes under this database's device id: the remote holds batches of the id
 * that this database never pushed. Thrown inside a sync, before anything of the kind is merged or
 * written, and handled by the engine, which gives the database a new id and syncs again; it never
 * reaches callers.
 */
public class DeviceIdTaken extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final UUID device;
    private final long head;

    public DeviceIdTaken(UUID device, String evidence) {
        this(device, 0, evidence);
    }

    /** {@code head}: the newest batch of the id the remote holds, 0 when unknown. */
    public DeviceIdTaken(UUID device, long head, String evidence) {
        super(evidence, null, false, false);
        this.device = device;
        this.head = head;
    }

    public UUID device() {
        return device;
    }

    public long head() {
        return head;
    }
}
