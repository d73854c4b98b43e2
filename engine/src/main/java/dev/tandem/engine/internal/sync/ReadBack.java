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
 * <p>It costs one GET of an object just written, and it is skipped once a read back succeeded.
 */
final class ReadBack {
    private final AtomicBoolean verified = new AtomicBoolean();

    /** Throws SERVER_FAULT unless {@code key} reads back as exactly {@code written}. */
    void check(SyncStorage storage, String key, byte[] written) {
        if (verified.get()) {
            return;
        }
        Optional<byte[]> back;
        try {
            back = ReadRetry.untilPresent(RemoteChangelog.READ_BACK_ATTEMPTS, 50, () -> storage.get(key));
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
        verified.set(true);
    }

    private static SyncException fault(SyncStorage storage, String key, String what, Throwable cause) {
        return new SyncException(Reason.SERVER_FAULT, "This device wrote " + key + " to " + storage.describe()
                + ", but " + what + ". Sync stopped before telling other devices about it.", cause);
    }
}
