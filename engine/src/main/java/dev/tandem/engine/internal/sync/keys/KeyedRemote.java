package dev.tandem.engine.internal.sync.keys;

import dev.tandem.engine.Db;
import dev.tandem.engine.sync.CompactionReport;
import dev.tandem.engine.sync.SyncProgress;

/**
 * What a key change needs of the engine whose remote it changes: its name for messages, a
 * compaction (so a rotation re-encrypts fewer objects), and the change marker rewritten (so other
 * devices follow the keyring at their next check). The engine implements it; this package never
 * sees the engine itself.
 */
public interface KeyedRemote {
    /** The remote's name, for messages. */
    String describe();

    /** A full sync with compaction, as {@link dev.tandem.engine.sync.SyncEngine#compact} runs it. */
    CompactionReport compact(Db db, SyncProgress progress);

    /** Rewrites the change marker, so other devices' next check runs a full sync. */
    void markChanged();
}
