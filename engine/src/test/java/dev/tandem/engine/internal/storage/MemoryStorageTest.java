package dev.tandem.engine.internal.storage;

import dev.tandem.engine.sync.SyncStorage;

class MemoryStorageTest extends SyncStorageContract {
    @Override
    protected SyncStorage newStorage() {
        return new MemoryStorage();
    }
}
