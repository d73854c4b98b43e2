package dev.tandem.app.web;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Token buckets, one per key (a token's id, or an address's failed attempts): each holds at most {@code burst}
 * tries and gains {@code perSecond} a second. A try takes one or is told how many whole seconds until one is there
 * (for {@code Retry-After}). At most {@code keys} buckets are kept, the least recently used forgotten first, so many
 * addresses cost no more memory than that. Thread-safe: every method holds the lock, and does constant work.
 */
final class RateBuckets {
    private final int burst;
    private final double perSecond;
    private final int keys;
    private final LongSupplier nanos;
    private final LinkedHashMap<String, Bucket> buckets = new LinkedHashMap<>(16, 0.75f, true);

    /** Tries left, as counted at {@code at} (nanoseconds). */
    private static final class Bucket {
        double tries;
        long at;
    }

    RateBuckets(int burst, double perSecond, int keys, LongSupplier nanos) {
        if (burst < 1 || !(perSecond > 0) || keys < 1) {
            throw new IllegalArgumentException("burst, perSecond and keys must be positive");
        }
        this.burst = burst;
        this.perSecond = perSecond;
        this.keys = keys;
        this.nanos = nanos;
    }

    /** Takes a try for {@code key}: 0 when there was one, else the seconds (at least 1) until there is. */
    synchronized long take(String key) {
        long now = nanos.getAsLong();
        Bucket b = buckets.get(key);
        if (b == null) {
            b = new Bucket();
            b.tries = burst;
            b.at = now;
            buckets.put(key, b);
            Iterator<Map.Entry<String, Bucket>> oldest = buckets.entrySet().iterator();
            while (buckets.size() > keys && oldest.hasNext()) {
                oldest.next();
                oldest.remove();
            }
        }
        b.tries = Math.min(burst, b.tries + Math.max(0, now - b.at) / 1e9 * perSecond);
        b.at = now;
        if (b.tries >= 1) {
            b.tries -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - b.tries) / perSecond));
    }

    /** Forgets {@code key}'s bucket (a revoked token). */
    synchronized void forget(String key) {
        buckets.remove(key);
    }
}
