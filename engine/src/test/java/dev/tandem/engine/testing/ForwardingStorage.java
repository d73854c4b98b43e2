package dev.tandem.engine.testing;

import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.engine.sync.Version;
import java.util.List;
import java.util.Optional;

/** Passes every call through; tests override one method to misbehave or to hold a call back. */
public class ForwardingStorage implements SyncStorage {
    protected final SyncStorage delegate;

    public ForwardingStorage(SyncStorage delegate) {
        this.delegate = delegate;
    }

    @Override
    public List<String> list(String prefix, String startAfter, int maxKeys) {
        return delegate.list(prefix, startAfter, maxKeys);
    }

    @Override
    public Optional<byte[]> get(String key) {
        return delegate.get(key);
    }

    @Override
    public boolean createIfAbsent(String key, byte[] data) {
        return delegate.createIfAbsent(key, data);
    }

    @Override
    public void delete(String key) {
        delegate.delete(key);
    }

    @Override
    public Version overwrite(String key, byte[] data) {
        return delegate.overwrite(key, data);
    }

    @Override
    public Version version(String key, Version known) {
        return delegate.version(key, known);
    }

    @Override
    public AutoCloseable watch(String prefix, Runnable onChange) {
        return delegate.watch(prefix, onChange);
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
