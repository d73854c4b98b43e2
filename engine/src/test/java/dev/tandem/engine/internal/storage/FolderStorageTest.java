package dev.tandem.engine.internal.storage;

import dev.tandem.engine.sync.SyncStorage;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class FolderStorageTest extends SyncStorageContract {
    @TempDir
    Path dir;

    @Override
    protected SyncStorage newStorage() {
        return new FolderStorage(dir);
    }
}
