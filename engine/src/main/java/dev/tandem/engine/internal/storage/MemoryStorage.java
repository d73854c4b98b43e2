package dev.tandem.engine.internal.storage;

import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.engine.sync.Version;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/** Objects in a sorted concurrent map; the reference implementation of the storage contract. */
public final class MemoryStorage implements SyncStorage {
    // Keys are ASCII, so String order is byte order.
    private final ConcurrentSkipListMap<String, byte[]> objects = new ConcurrentSkipListMap<>();
    /** The change marker's versions: a counter per overwrite (created objects never change). */
    private final Map<String, Long> versions = new HashMap<>();
    private final AtomicLong writes = new AtomicLong();
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
    public synchronized Version overwrite(String key, byte[] data) {
        StorageKeys.validate(key);
        objects.put(key, data.clone());
        long v = writes.incrementAndGet();
        versions.put(key, v);
        return new Version(Long.toString(v));
    }

    @Override
    public synchronized Version version(String key, Version known) {
        StorageKeys.validate(key);
        Version now = !objects.containsKey(key) ? Version.MISSING
                : new Version(Long.toString(versions.computeIfAbsent(key, k -> 0L)));
        return now.equals(known) ? known : now;
    }

    @Override
    public String describe() {
        return name;
    }
}
