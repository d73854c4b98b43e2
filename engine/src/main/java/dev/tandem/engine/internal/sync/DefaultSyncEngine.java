package dev.tandem.engine.internal.sync;

import dev.tandem.engine.Db;
import dev.tandem.engine.sync.ConnectionCheck;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.SyncProgress;
import dev.tandem.engine.sync.SyncReport;
import dev.tandem.engine.sync.SyncStorage;

/** PLACEHOLDER until the sync work lands. */
public final class DefaultSyncEngine implements SyncEngine {
    private final SyncStorage storage;
    private final String prefix;

    public DefaultSyncEngine(SyncStorage storage, String prefix) {
        this.storage = storage;
        this.prefix = prefix;
    }

    @Override public SyncReport sync(Db db, SyncProgress progress) { throw new UnsupportedOperationException("sync: in progress"); }
    @Override public ConnectionCheck check() { throw new UnsupportedOperationException("check: in progress"); }
    @Override public String describe() { return storage.describe() + (prefix.isEmpty() ? "" : "/" + prefix); }
    @Override public void close() { storage.close(); }
}
