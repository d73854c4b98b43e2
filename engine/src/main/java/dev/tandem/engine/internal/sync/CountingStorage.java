package dev.tandem.engine.internal.sync;

import dev.tandem.engine.internal.storage.ForwardingStorage;
import dev.tandem.engine.sync.ObjectBody;
import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.engine.sync.Version;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
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

    /** One request, and the body's declared length up, whether or not the write completes. */
    @Override
    public boolean createIfAbsent(String key, ObjectBody body) {
        requests.incrementAndGet();
        bytesUp.addAndGet(body.length());
        return delegate.createIfAbsent(key, body);
    }

    /** One request, and the bytes down as the caller reads them. */
    @Override
    public Optional<InputStream> open(String key) {
        requests.incrementAndGet();
        return delegate.open(key).map(this::countingDown);
    }

    @Override
    public OptionalLong size(String key) {
        requests.incrementAndGet();
        return delegate.size(key);
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

    private InputStream countingDown(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    bytesDown.incrementAndGet();
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    bytesDown.addAndGet(n);
                }
                return n;
            }
        };
    }

    /** Counts one request that sends {@code data}. */
    private void sending(byte[] data) {
        requests.incrementAndGet();
        bytesUp.addAndGet(data.length);
    }
}
