package dev.tandem.engine.sync;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A device that syncs, or synced, with a remote, as {@link SyncEngine#devices} finds it: what Sync
 * settings lists, and what "Forget this device" retires.
 *
 * @param id         the device's id (a database's {@code Db.deviceId()})
 * @param lastSeen   when it last pushed or said what it had read (its newest head or ack, by its own
 *                   clock); null when neither is left or readable
 * @param retired    retired from the remote: unseen too long, or forgotten; should it sync again, it
 *                   re-joins under a new id without losing what it had not pushed
 * @param thisDevice the database the engine was asked about
 */
public record RemoteDevice(UUID id, Instant lastSeen, boolean retired, boolean thisDevice) {
    public RemoteDevice {
        Objects.requireNonNull(id, "id");
    }
}
