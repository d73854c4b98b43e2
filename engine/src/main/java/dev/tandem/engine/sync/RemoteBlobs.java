package dev.tandem.engine.sync;

import dev.tandem.engine.Db;
import java.time.Duration;

/**
 * Attached files on one remote ({@link SyncEngine#blobs()}): downloading one when it is shown, and
 * removing the ones nothing refers to any more. Uploads need no call: a sync uploads each blob
 * before the first batch that names it.
 */
public interface RemoteBlobs {
    /** What {@link #fetch} found. */
    enum Fetch {
        /** Downloaded and checked: {@code db.blobs().file(id)} has it now. */
        FETCHED,
        /** This device had it already. */
        ALREADY_HERE,
        /** The remote has no such blob: the device that attached it has not synced since, or it was removed. */
        NOT_ON_REMOTE
    }

    /**
     * Downloads blob {@code id} into {@code db}'s store, streaming: memory does not grow with the
     * file's size, and a download cut short or of altered bytes leaves no copy.
     *
     * @throws SyncException CORRUPT (no retry helps) when the remote's object is damaged: altered,
     *     truncated, under another name, or not the file the id names; retryable reasons for the network
     */
    default Fetch fetch(Db db, String id) {
        return fetch(db, id, Long.MAX_VALUE);
    }

    /**
     * {@link #fetch(Db, String)} of a blob known to hold {@code size} bytes (as the row that names
     * it says): an object whose content runs longer is refused as damaged (CORRUPT) as soon as it
     * does, before it fills the disk.
     */
    Fetch fetch(Db db, String id, long size);

    /**
     * Finds the blobs on the remote that no row and no change in {@code db}'s history (and so no
     * version, no item in the Trash and no conflict) names, and publishes them for the other devices
     * to answer ({@link #answer}); when {@code delete}, removes those unreferenced here for at least
     * {@code grace} since this device first saw them so, and which every device that syncs with the
     * remote (retired ones aside) has since answered it no longer names, in its rows, its history or
     * its changes not yet pushed. Without {@code delete} it only counts, which is what a "what would
     * be freed" screen shows; it still starts the grace period of blobs it finds unreferenced for
     * the first time.
     */
    BlobSweep sweep(Db db, Duration grace, boolean delete);

    /**
     * Answers the other devices' sweeps now: which of the blobs each found unreferenced {@code db}
     * still names. A sync does this by itself at most daily (one listing); returns the sweeps
     * answered.
     */
    int answer(Db db);
}
