package dev.tandem.engine.internal.storage;

import dev.tandem.engine.sync.ObjectBody;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.engine.sync.Version;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Adds a fixed latency before each call, so sync can be measured as a real network would see it
 * (e.g. GET 25 ms, PUT 250 ms, LIST 25 ms). createIfAbsent and delete pay the PUT latency, open and
 * size the GET latency (once, before the first byte: latency, not bandwidth); watch,
 * describe and close pass through without any (latency does not move objects elsewhere).
 */
public final class SlowStorage extends ForwardingStorage {
    private final Duration get;
    private final Duration put;
    private final Duration list;

    public SlowStorage(SyncStorage delegate, Duration get, Duration put, Duration list) {
        super(Objects.requireNonNull(delegate, "delegate"));
        this.get = checked("get", get);
        this.put = checked("put", put);
        this.list = checked("list", list);
    }

    @Override
    public List<String> list(String prefix, String startAfter, int maxNames) {
        pause(list, ObjectNames.listing(prefix));
        return delegate.list(prefix, startAfter, maxNames);
    }

    @Override
    public Optional<byte[]> get(String name) {
        pause(get, "get '" + name + "'");
        return delegate.get(name);
    }

    @Override
    public boolean createIfAbsent(String name, byte[] data) {
        pause(put, "write '" + name + "'");
        return delegate.createIfAbsent(name, data);
    }

    @Override
    public boolean createIfAbsent(String name, ObjectBody body) {
        pause(put, "write '" + name + "'");
        return delegate.createIfAbsent(name, body);
    }

    @Override
    public Optional<InputStream> open(String name) {
        pause(get, "get '" + name + "'");
        return delegate.open(name);
    }

    @Override
    public OptionalLong size(String name) {
        pause(get, "check '" + name + "'");
        return delegate.size(name);
    }

    @Override
    public void delete(String name) {
        pause(put, "delete '" + name + "'");
        delegate.delete(name);
    }

    @Override
    public Version overwrite(String name, byte[] data) {
        pause(put, "write '" + name + "'");
        return delegate.overwrite(name, data);
    }

    @Override
    public Version version(String name, Version known) {
        pause(get, "check '" + name + "'");
        return delegate.version(name, known);
    }

    // Not passed on, as this layer never did: one request per call through it, even over a delegate
    // that counts its own (WebDAV), whose count passing it on would report instead.
    @Override
    public long requestsSent() {
        return -1;
    }

    private void pause(Duration latency, String what) {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency.toMillis(), latency.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncException(SyncException.Reason.UNREACHABLE,
                    "Interrupted while waiting to " + what + " on " + delegate.describe(), e);
        }
    }

    private static Duration checked(String name, Duration latency) {
        Objects.requireNonNull(latency, name);
        if (latency.isNegative()) {
            throw new IllegalArgumentException(name + ": latency must not be negative, was " + latency);
        }
        return latency;
    }
}
