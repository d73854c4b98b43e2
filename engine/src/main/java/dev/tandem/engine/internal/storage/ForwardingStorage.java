package dev.tandem.engine.internal.storage;

import dev.tandem.engine.sync.ObjectBody;
import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.engine.sync.Version;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A storage layered over another: every call, the optional ones included, goes to {@link #delegate}
 * unchanged. Wrappers extend it and override only what they change, so a method added to the SPI
 * reaches every layer at once instead of silently falling back to its default in the one layer
 * that forgot it. A wrapper that deliberately does not pass a call on overrides it and says why.
 *
 * <p>Public because wrappers live in several packages (internal.sync, the tests' helpers).
 */
public abstract class ForwardingStorage implements SyncStorage {
    protected final SyncStorage delegate;

    /** No null check here: wrappers that fail fast on a null delegate pass it through requireNonNull. */
    protected ForwardingStorage(SyncStorage delegate) {
        this.delegate = delegate;
    }

    @Override
    public List<String> list(String prefix, String startAfter, int maxNames) {
        return delegate.list(prefix, startAfter, maxNames);
    }

    @Override
    public Optional<byte[]> get(String name) {
        return delegate.get(name);
    }

    @Override
    public boolean createIfAbsent(String name, byte[] data) {
        return delegate.createIfAbsent(name, data);
    }

    @Override
    public boolean createIfAbsent(String name, ObjectBody body) {
        return delegate.createIfAbsent(name, body);
    }

    @Override
    public Optional<InputStream> open(String name) {
        return delegate.open(name);
    }

    @Override
    public OptionalLong size(String name) {
        return delegate.size(name);
    }

    @Override
    public void delete(String name) {
        delegate.delete(name);
    }

    @Override
    public void removeFolder(String folder) {
        delegate.removeFolder(folder);
    }

    @Override
    public Version overwrite(String name, byte[] data) {
        return delegate.overwrite(name, data);
    }

    @Override
    public Version publishPage(String name, byte[] data, String contentType) {
        return delegate.publishPage(name, data, contentType);
    }

    @Override
    public Version version(String name, Version known) {
        return delegate.version(name, known);
    }

    @Override
    public AutoCloseable watch(String prefix, Runnable onChange) {
        return delegate.watch(prefix, onChange);
    }

    @Override
    public long requestsSent() {
        return delegate.requestsSent();
    }

    @Override
    public String describe() {
        return delegate.describe();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
