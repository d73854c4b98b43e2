package dev.tandem.engine.testing;

import dev.tandem.engine.sync.SyncStorage;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Storage servers that answer every request with success and still do not give back what was
 * written: one that stores bodies transformed (s3rver keeping aws-chunked framing), one whose
 * listings leave out a prefix. Unlike {@link FaultyStorage} they never fail a call; the point is
 * that sync must notice anyway.
 */
public final class ServerQuirks {
    private ServerQuirks() {
    }

    /** Stores {@code transform(data)} instead of {@code data} on every write. */
    public static SyncStorage transformWrites(SyncStorage delegate, UnaryOperator<byte[]> transform) {
        return new ForwardingStorage(delegate) {
            @Override
            public boolean createIfAbsent(String name, byte[] data) {
                return delegate.createIfAbsent(name, transform.apply(data));
            }
        };
    }

    public static Hiding hiding(SyncStorage delegate) {
        return new Hiding(delegate);
    }

    /** Leaves names under one prefix out of every listing, while they stay readable. */
    public static final class Hiding extends ForwardingStorage {
        private volatile String hidden;

        Hiding(SyncStorage delegate) {
            super(delegate);
        }

        /** Hides names starting with {@code prefix} from listings from now on; null shows all again. */
        public void hide(String prefix) {
            this.hidden = prefix;
        }

        @Override
        public List<String> list(String prefix, String startAfter, int maxNames) {
            String h = hidden;
            List<String> names = delegate.list(prefix, startAfter, maxNames);
            return h == null ? names : names.stream().filter(k -> !k.startsWith(h)).toList();
        }
    }
}
