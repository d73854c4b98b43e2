package dev.tandem.engine.internal.storage;

import dev.tandem.engine.sync.SyncStorage;
import org.junit.jupiter.api.Tag;

@Tag("unit")
class MemoryStorageTest extends SyncStorageContract {
    @Override
    protected SyncStorage newStorage() {
        return new MemoryStorage();
    }
}
