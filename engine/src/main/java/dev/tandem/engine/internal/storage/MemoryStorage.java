package dev.tandem.engine.internal.storage;

import dev.tandem.engine.sync.ObjectBody;
import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.engine.sync.Version;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/** Objects in a sorted concurrent map; the reference implementation of the storage contract. */
public final class MemoryStorage implements SyncStorage {
    // Names are ASCII, so String order is byte order.
    private final ConcurrentSkipListMap<String, byte[]> objects = new ConcurrentSkipListMap<>();
    /** The change marker's versions: a counter per overwrite (created objects never change). */
    private final Map<String, Long> versions = new HashMap<>();
    private final AtomicLong writes = new AtomicLong();
    /** The page's files' content types ({@link #publishPage}). */
    private final Map<String, String> types = new HashMap<>();
    private final String description = "memory:" + Integer.toHexString(System.identityHashCode(this));

    @Override
    public List<String> list(String prefix, String startAfter, int maxNames) {
        String p = ObjectNames.validatePrefix(prefix);
        ObjectNames.validateMaxNames(maxNames);
        boolean afterIsInside = startAfter != null && startAfter.compareTo(p) >= 0;
        String from = afterIsInside ? startAfter : p;
        List<String> names = new ArrayList<>();
        for (String name : objects.tailMap(from, !afterIsInside).keySet()) {
            if (!name.startsWith(p) || names.size() >= maxNames) {
                break;
            }
            names.add(name);
        }
        return names;
    }

    @Override
    public Optional<byte[]> get(String name) {
        ObjectNames.validate(name);
        byte[] data = objects.get(name);
        return data == null ? Optional.empty() : Optional.of(data.clone());
    }

    @Override
    public boolean createIfAbsent(String name, byte[] data) {
        ObjectNames.validate(name);
        Objects.requireNonNull(data, "data");
        return objects.putIfAbsent(name, data.clone()) == null;
    }

    /** Held in memory, as every object here: the body is read whole (and checked) before it is stored. */
    @Override
    public boolean createIfAbsent(String name, ObjectBody body) {
        ObjectNames.validate(name);
        return objects.putIfAbsent(name, Bodies.readAll(name, body)) == null;
    }

    /** Stored arrays are never changed, so the stream reads the stored one without a copy. */
    @Override
    public Optional<InputStream> open(String name) {
        ObjectNames.validate(name);
        byte[] data = objects.get(name);
        return data == null ? Optional.empty() : Optional.of(new ByteArrayInputStream(data));
    }

    @Override
    public OptionalLong size(String name) {
        ObjectNames.validate(name);
        byte[] data = objects.get(name);
        return data == null ? OptionalLong.empty() : OptionalLong.of(data.length);
    }

    @Override
    public void delete(String name) {
        ObjectNames.validate(name);
        objects.remove(name);
    }

    @Override
    public synchronized Version overwrite(String name, byte[] data) {
        ObjectNames.validate(name);
        objects.put(name, data.clone());
        long v = writes.incrementAndGet();
        versions.put(name, v);
        return new Version(Long.toString(v));
    }

    @Override
    public synchronized Version publishPage(String name, byte[] data, String contentType) {
        ObjectNames.validatePageBelowPrefix(name);
        Objects.requireNonNull(contentType, "contentType");
        types.put(name, contentType);
        return overwrite(name, data);
    }

    /** The type a page's file was written with ({@link #publishPage}); null for any other name. */
    public synchronized String contentType(String name) {
        return objects.containsKey(name) ? types.get(name) : null;
    }

    @Override
    public synchronized Version version(String name, Version known) {
        ObjectNames.validate(name);
        Version now = !objects.containsKey(name) ? Version.MISSING
                : new Version(Long.toString(versions.computeIfAbsent(name, k -> 0L)));
        return now.equals(known) ? known : now;
    }

    @Override
    public String describe() {
        return description;
    }
}
