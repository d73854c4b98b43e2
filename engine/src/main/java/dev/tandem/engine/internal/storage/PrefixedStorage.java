package dev.tandem.engine.internal.storage;

import dev.tandem.engine.sync.ObjectBody;
import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.engine.sync.Version;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A storage seen through a name prefix: name {@code k} is {@code prefix/k} in the delegate, and names
 * outside the prefix are invisible. Several users or vaults can share one bucket or folder this way.
 */
public final class PrefixedStorage extends ForwardingStorage {
    private final String prefix;
    private final String base;

    /** {@code prefix} is one or more name segments, e.g. {@code tandem/alice}; a trailing '/' is ignored. */
    public PrefixedStorage(SyncStorage delegate, String prefix) {
        super(Objects.requireNonNull(delegate, "delegate"));
        Objects.requireNonNull(prefix, "prefix");
        String p = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        if (p.isEmpty() || !ObjectNames.isValid(p)) {
            throw new IllegalArgumentException("prefix: must be '/'-separated names of letters, digits, '.', '_' "
                    + "and '-', not starting with '.', was '" + prefix + "'");
        }
        this.prefix = p;
        this.base = p + "/";
    }

    @Override
    public List<String> list(String prefix, String startAfter, int maxNames) {
        String p = ObjectNames.validatePrefix(prefix);
        ObjectNames.validateMaxNames(maxNames);
        // Every name strictly after "base" + startAfter within "base" is what the caller asked for,
        // including startAfter == "" (everything).
        List<String> inner = delegate.list(base + p, startAfter == null ? null : base + startAfter, maxNames);
        List<String> names = new ArrayList<>(inner.size());
        for (String name : inner) {
            if (!name.startsWith(base)) {
                throw new IllegalStateException("list: " + delegate.describe() + " returned '" + name
                        + "' for prefix '" + base + p + "'");
            }
            names.add(name.substring(base.length()));
        }
        return names;
    }

    @Override
    public Optional<byte[]> get(String name) {
        return delegate.get(full(name));
    }

    @Override
    public boolean createIfAbsent(String name, byte[] data) {
        return delegate.createIfAbsent(full(name), data);
    }

    @Override
    public boolean createIfAbsent(String name, ObjectBody body) {
        return delegate.createIfAbsent(full(name), body);
    }

    @Override
    public Optional<InputStream> open(String name) {
        return delegate.open(full(name));
    }

    @Override
    public OptionalLong size(String name) {
        return delegate.size(full(name));
    }

    @Override
    public void delete(String name) {
        delegate.delete(full(name));
    }

    @Override
    public void removeFolder(String folder) {
        delegate.removeFolder(base + ObjectNames.validateFolder(folder));
    }

    @Override
    public Version overwrite(String name, byte[] data) {
        return delegate.overwrite(full(name), data);
    }

    /** Beside the profile's data: the page of a shared bucket's profile is under its own prefix. */
    @Override
    public Version publishPage(String name, byte[] data, String contentType) {
        ObjectNames.validatePage(name);
        return delegate.publishPage(full(name), data, contentType);
    }

    @Override
    public Version version(String name, Version known) {
        return delegate.version(full(name), known);
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

    /** Validated before prefixing, so an error shows the caller's name, not the combined one. */
    private String full(String name) {
        return base + ObjectNames.validate(name);
    }
}
