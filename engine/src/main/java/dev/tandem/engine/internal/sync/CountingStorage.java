package dev.tandem.engine.internal.sync;

import dev.tandem.engine.internal.storage.ForwardingStorage;
import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.engine.sync.Version;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** Counts requests and bytes at the bottom of the storage stack, where they cost. */
public final class CountingStorage extends ForwardingStorage {
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong bytesUp = new AtomicLong();
    private final AtomicLong bytesDown = new AtomicLong();

    public CountingStorage(SyncStorage delegate) {
        super(delegate);
    }

    /** Requests, bytes written and bytes read so far; requests as the storage counts them if it does. */
    public long[] snapshot() {
        long sent = delegate.requestsSent();
        return new long[] {sent >= 0 ? sent : requests.get(), bytesUp.get(), bytesDown.get()};
    }

    @Override
    public List<String> list(String prefix, String startAfter, int maxKeys) {
        requests.incrementAndGet();
        return delegate.list(prefix, startAfter, maxKeys);
    }

    @Override
    public Optional<byte[]> get(String key) {
        requests.incrementAndGet();
        Optional<byte[]> data = delegate.get(key);
        data.ifPresent(d -> bytesDown.addAndGet(d.length));
        return data;
    }

    @Override
    public boolean createIfAbsent(String key, byte[] data) {
        sending(data);
        return delegate.createIfAbsent(key, data);
    }

    @Override
    public void delete(String key) {
        requests.incrementAndGet();
        delegate.delete(key);
    }

    @Override
    public Version overwrite(String key, byte[] data) {
        sending(data);
        return delegate.overwrite(key, data);
    }

    @Override
    public Version version(String key, Version known) {
        requests.incrementAndGet();
        return delegate.version(key, known);
    }

    /** Counts one request that sends {@code data}. */
    private void sending(byte[] data) {
        requests.incrementAndGet();
        bytesUp.addAndGet(data.length);
    }
}
