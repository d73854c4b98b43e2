package dev.tandem.engine.internal.storage;

import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.engine.sync.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** Objects in a sorted concurrent map; the reference implementation of the storage contract. */
public final class MemoryStorage implements SyncStorage {
    // Keys are ASCII, so String order is byte order.
    private final ConcurrentSkipListMap<String, byte[]> objects = new ConcurrentSkipListMap<>();
    private final String name = "memory:" + Integer.toHexString(System.identityHashCode(this));

    @Override
    public List<String> list(String prefix, String startAfter, int maxKeys) {
        String p = StorageKeys.validatePrefix(prefix);
        StorageKeys.validateMaxKeys(maxKeys);
        boolean afterIsInside = startAfter != null && startAfter.compareTo(p) >= 0;
        String from = afterIsInside ? startAfter : p;
        List<String> keys = new ArrayList<>();
        for (String key : objects.tailMap(from, !afterIsInside).keySet()) {
            if (!key.startsWith(p) || keys.size() >= maxKeys) {
                break;
            }
            keys.add(key);
        }
        return keys;
    }

    @Override
    public Optional<byte[]> get(String key) {
        StorageKeys.validate(key);
        byte[] data = objects.get(key);
        return data == null ? Optional.empty() : Optional.of(data.clone());
    }

    @Override
    public boolean createIfAbsent(String key, byte[] data) {
        StorageKeys.validate(key);
        Objects.requireNonNull(data, "data");
        return objects.putIfAbsent(key, data.clone()) == null;
    }

    @Override
    public void delete(String key) {
        StorageKeys.validate(key);
        objects.remove(key);
    }

    @Override
    public Version overwrite(String key, byte[] data) {
        StorageKeys.validate(key);
        byte[] copy = data.clone();
        objects.put(key, copy);
        return versionOf(copy);
    }

    @Override
    public Version version(String key, Version known) {
        StorageKeys.validate(key);
        byte[] data = objects.get(key);
        Version now = data == null ? Version.MISSING : versionOf(data);
        return now.equals(known) ? known : now;
    }

    /** Each written array is a new object, so its identity is its version. */
    private static Version versionOf(byte[] data) {
        return new Version(Integer.toHexString(System.identityHashCode(data)) + "-" + data.length);
    }

    @Override
    public String describe() {
        return name;
    }
}
