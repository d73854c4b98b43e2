package dev.tandem.engine.internal.storage;

import dev.tandem.engine.sync.SyncStorage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** PLACEHOLDER until the storage work lands. */
public final class FolderStorage implements SyncStorage {
    public FolderStorage(Path dir) {
        throw new UnsupportedOperationException("folder storage not implemented yet");
    }
    @Override public List<String> list(String prefix, String startAfter, int maxKeys) { throw new UnsupportedOperationException(); }
    @Override public Optional<byte[]> get(String key) { throw new UnsupportedOperationException(); }
    @Override public boolean createIfAbsent(String key, byte[] data) { throw new UnsupportedOperationException(); }
    @Override public void delete(String key) { throw new UnsupportedOperationException(); }
    @Override public String describe() { return "folder"; }
}
