package dev.tandem.engine.internal.storage;

import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.engine.sync.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A storage seen through a key prefix: key {@code k} is {@code prefix/k} in the delegate, and keys
 * outside the prefix are invisible. Several users or vaults can share one bucket or folder this way.
 */
public final class PrefixedStorage extends ForwardingStorage {
    private final String prefix;
    private final String base;

    /** {@code prefix} is one or more key segments, e.g. {@code tandem/alice}; a trailing '/' is ignored. */
    public PrefixedStorage(SyncStorage delegate, String prefix) {
        super(Objects.requireNonNull(delegate, "delegate"));
        Objects.requireNonNull(prefix, "prefix");
        String p = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        if (p.isEmpty() || !StorageKeys.isValid(p)) {
            throw new IllegalArgumentException("prefix: must be '/'-separated names of letters, digits, '.', '_' "
                    + "and '-', not starting with '.', was '" + prefix + "'");
        }
        this.prefix = p;
        this.base = p + "/";
    }

    @Override
    public List<String> list(String prefix, String startAfter, int maxKeys) {
        String p = StorageKeys.validatePrefix(prefix);
        StorageKeys.validateMaxKeys(maxKeys);
        // Every key strictly after "base" + startAfter within "base" is what the caller asked for,
        // including startAfter == "" (everything).
        List<String> inner = delegate.list(base + p, startAfter == null ? null : base + startAfter, maxKeys);
        List<String> keys = new ArrayList<>(inner.size());
        for (String key : inner) {
            if (!key.startsWith(base)) {
                throw new IllegalStateException("list: " + delegate.describe() + " returned '" + key
                        + "' for prefix '" + base + p + "'");
            }
            keys.add(key.substring(base.length()));
        }
        return keys;
    }

    @Override
    public Optional<byte[]> get(String key) {
        return delegate.get(full(key));
    }

    @Override
    public boolean createIfAbsent(String key, byte[] data) {
        return delegate.createIfAbsent(full(key), data);
    }

    @Override
    public void delete(String key) {
        delegate.delete(full(key));
    }

    @Override
    public void removeFolder(String folder) {
        delegate.removeFolder(base + StorageKeys.validateFolder(folder));
    }

    @Override
    public Version overwrite(String key, byte[] data) {
        return delegate.overwrite(full(key), data);
    }

    @Override
    public Version version(String key, Version known) {
        return delegate.version(full(key), known);
    }

    @Override
    public AutoCloseable watch(String prefix, Runnable onChange) {
        return delegate.watch(prefix.isEmpty() ? this.prefix + "/" : full(prefix), onChange);
    }

    @Override
    public String describe() {
        return delegate.describe() + "/" + prefix;
    }

    // Not passed on, as this layer never did: one request per call through it, even over a delegate
    // that counts its own (WebDAV), whose count passing it on would report instead.
    @Override
    public long requestsSent() {
        return -1;
    }

    /** Validated before prefixing, so an error names the caller's key, not the combined one. */
    private String full(String key) {
        return base + StorageKeys.validate(key);
    }
}
