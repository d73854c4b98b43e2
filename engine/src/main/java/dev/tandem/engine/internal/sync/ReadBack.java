package dev.tandem.engine.internal.sync;

import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncException.Reason;
import dev.tandem.engine.sync.SyncStorage;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads back the first batch an engine writes, once per engine (so once per remote and app run,
 * and once per command-line sync that pushes). A server that stores request bodies other than as
 * sent (aws-chunked framing kept, a proxy that re-encodes) answers every write with success, and
 * only readers would notice, each setting every batch aside: this catches it at the writer, before
 * its head is published, so no reader is ever pointed at the damaged batch.
 *
 * <p>Then it writes the same bytes to the same key again, which a server must refuse: one that
 * ignores If-None-Match would let concurrent writers, or a copied profile, overwrite each other's
 * batches, and sync depends on create-if-absent for that.
 *
 * <p>It costs one GET and one refused PUT, once per engine (up to {@value #PROBES} PUTs when an
 * answer was ambiguous).
 */
final class ReadBack {
    /**
     * Reads of an object just written (or of an own batch whose slot was reported taken) before the
     * sync gives up for now. Kept here, not in RemoteChangelog, so this class depends on nothing it is used by.
     */
    static final int ATTEMPTS = 4;

    /** Writes that must all be accepted before a server is taken for one that ignores If-None-Match. */
    static final int PROBES = 3;
    private final AtomicBoolean verified = new AtomicBoolean();
    private final RetryPause pause;

    ReadBack() {
        this(RetryPause.REAL);
    }

    ReadBack(RetryPause pause) {
        this.pause = pause;
    }

    /** What this engine's read retries wait with. */
    RetryPause pause() {
        return pause;
    }

    /** Throws SERVER_FAULT unless {@code key} reads back as exactly {@code written}. */
    void check(SyncStorage storage, String key, byte[] written) {
        if (verified.get()) {
            return;
        }
        Optional<byte[]> back;
        try {
            back = ReadRetry.untilPresent(ATTEMPTS, 50, pause, () -> storage.get(key));
        } catch (SyncException e) {
            if (e.reason() != Reason.CORRUPT) {
                throw e;
            }
            throw fault(storage, key, "it cannot be read back as written (" + e.getMessage() + ")", e);
        }
        if (back.isEmpty()) {
            throw new SyncException(Reason.SERVER_INCONSISTENT, "This device wrote " + key + " to "
                    + storage.describe() + ", but the server does not return it. Sync stopped before telling other"
                    + " devices about it.");
        }
        if (!Arrays.equals(back.get(), written)) {
            throw fault(storage, key, "it came back with different content (" + written.length + " bytes written, "
                    + back.get().length + " read back), so the server does not store request bodies as sent"
                    + " (for example it keeps aws-chunked framing)", null);
        }
        // The same bytes again under the same key: a server that honours If-None-Match refuses,
        // and one that does not overwrites the object with identical content, which does no harm.
        // One "accepted" can be a network fault: a first attempt throttled or cut, whose retry was
        // refused, reads as the storage's own earlier write of these bytes. A server that ignores
        // the condition accepts every time, so the verdict takes every one of a few fresh tries.
        for (int probe = 0; probe < PROBES; probe++) {
            if (!storage.createIfAbsent(key, written)) {
                verified.set(true);
                return;
            }
        }
        throw new SyncException(Reason.NO_CONDITIONAL_WRITES, storage.describe() + " accepted a second write to "
                + key + " instead of refusing it: it ignores If-None-Match, so two devices (or a copied profile)"
                + " writing at the same time could overwrite each other's changes. Sync stopped before telling"
                + " other devices about the batch.");
    }

    private static SyncException fault(SyncStorage storage, String key, String what, Throwable cause) {
        return new SyncException(Reason.SERVER_FAULT, "This device wrote " + key + " to " + storage.describe()
                + ", but " + what + ". Sync stopped before telling other devices about it.", cause);
    }
}
