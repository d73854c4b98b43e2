package dev.tandem.engine.internal.sync;

import dev.tandem.engine.internal.sync.device.OwnBatchesReplaced;
import dev.tandem.engine.internal.sync.device.OwnBatchesLost;
import dev.tandem.engine.internal.sync.device.DeviceRetired;
import dev.tandem.engine.internal.sync.device.DeviceIdTaken;
import dev.tandem.engine.internal.SyncPort;
import dev.tandem.engine.internal.changelog.SyncState;
import dev.tandem.engine.sync.SyncException;
import java.util.List;
import java.util.UUID;

/**
 * What a sync does when it finds that another installation writes under this database's device id, or
 * that the remote lost or replaced this device's batches, or retired it ({@link DeviceIdTaken}): the
 * database takes a new id ({@link SyncPort#takeNewDeviceId}) and the sync runs again under it, now
 * pulling what the other installation wrote. Returns the sentence the report carries, since the user
 * should know why this device now has another id.
 *
 * <p>Order: batches the remote replaced are rewound to what it confirmed first; where else this device
 * pushed is read next, because the new id resets the push state; only then the id is taken. A second
 * discovery in one run would mean the server invents objects under a brand-new id: a server fault.
 */
final class NewDeviceId {
    private NewDeviceId() {
    }

    /**
     * Takes a new id after {@code taken}; {@code takenBefore} is how many this run took already.
     *
     * @throws SyncException {@code SERVER_FAULT} when this run took one already
     */
    static String take(DeviceIdTaken taken, int takenBefore, SyncPort d, String remoteId, DbChangelog local,
                       RemoteChangelog remote) {
        if (takenBefore > 0) {
            throw new SyncException(SyncException.Reason.SERVER_FAULT, remoteId + " shows objects of"
                    + " device " + taken.device() + ", an id this database took moments ago: "
                    + taken.getMessage(), taken);
        }
        if (taken instanceof OwnBatchesReplaced) {
            local.rewindToConfirmed();
        }
        boolean lost = taken instanceof OwnBatchesLost;
        // Read before the new id resets the push state: a remote copied or moved from
        // one this database pushed to lists this device's batches too.
        List<String> copiedFrom = taken.head() == 0 ? List.of()
                : d.read(c -> new SyncState().pushedElsewhere(c, remoteId, taken.head()));
        UUID fresh = d.takeNewDeviceId(lost);
        return taken instanceof DeviceRetired
                ? remote.retirement(taken.device()).map(r -> r.explain(remoteId))
                        .orElse("This device was retired from " + remoteId) + ". It re-joined as a new"
                + " device (" + fresh + "): its changes not yet pushed are pushed now, and nothing was lost."
                : lost
                ? "The remote lost objects this device wrote (" + taken.getMessage() + "). This device now"
                + " syncs as " + fresh + " and pushed all its changes again, so other devices get them."
                : "Another installation syncs under this device's id " + taken.device()
                + " (a copied profile, or a restored backup or virtual machine)"
                + (copiedFrom.isEmpty() ? "" : ", or " + remoteId + " is a copy of, or was moved from, the"
                + " remote this device synced with at " + String.join(" and ", copiedFrom))
                + ". This device now syncs"
                + " as " + fresh + ", and what the other installation wrote is merged here; nothing"
                + " was lost. (" + taken.getMessage() + ")";
    }
}
