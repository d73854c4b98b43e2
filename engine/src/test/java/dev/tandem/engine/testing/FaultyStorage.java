package dev.tandem.engine.testing;

import dev.tandem.engine.internal.storage.ForwardingStorage;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncException.Reason;
import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.engine.sync.Version;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A storage that misbehaves the way real remotes do, in front of any other (memory, S3Proxy):
 * <ul>
 *   <li>{@code error}: the call fails before it happens (a 503, a refused connection);</li>
 *   <li>{@code timeout}: the call waits, then fails as timed out; half the time it did take effect
 *       (the write landed, only the answer was lost);</li>
 *   <li>{@code lie}: create-if-absent writes the object but reports it taken (the 412 some HTTP
 *       clients see after an internal retry), or reports a failure;</li>
 *   <li>{@code listLag}: a listing leaves out some of the most recently created names, as
 *       eventually consistent listings and folder sync clients do;</li>
 *   <li>{@code readLag}: a read of a recently created name finds nothing yet;</li>
 *   <li>{@code slowFirstByteMillis}: every read waits this long before its first byte.</li>
 * </ul>
 * Rates are probabilities per call, drawn from one seeded {@link Random}, so a single-threaded run
 * repeats exactly. {@link #heal()} turns everything off. Thread-safe.
 *
 * <p>It stands for a remote without the SPI's optional calls (overwrite, version, watch, its own
 * request count): they answer the defaults and never reach the delegate.
 */
public final class FaultyStorage extends ForwardingStorage {
    /** How often each fault strikes; all zero is a faithful pass-through. */
    public record Rates(double error, double timeout, double lie, double listLag, double readLag, int slowFirstByteMillis) {
        public static final Rates NONE = new Rates(0, 0, 0, 0, 0, 0);
    }

    /** Names created this recently (in creates) may be hidden by listLag and readLag. */
    static final int RECENT = 4;
    private static final int TIMEOUT_MILLIS = 2;

    private final Random random;
    private final Deque<String> recent = new ConcurrentLinkedDeque<>();
    private final AtomicInteger injected = new AtomicInteger();
    private volatile Rates rates;

    public FaultyStorage(SyncStorage delegate, Rates rates, long seed) {
        super(delegate);
        this.rates = rates;
        this.random = new Random(seed);
    }

    public void heal() {
        rates = Rates.NONE;
    }

    public void set(Rates rates) {
        this.rates = rates;
    }

    /** How many faults were injected so far. */
    public int injected() {
        return injected.get();
    }

    @Override
    public List<String> list(String prefix, String startAfter, int maxNames) {
        boolean lateTimeout = before("list " + prefix);
        List<String> names = new ArrayList<>(delegate.list(prefix, startAfter, maxNames));
        if (chance(rates.listLag())) {
            // Hides newest names only from the end of a short page, so paging logic still terminates.
            names.removeIf(k -> recent.contains(k) && chance(0.7));
        }
        return after(lateTimeout, names, "list " + prefix);
    }

    @Override
    public Optional<byte[]> get(String name) {
        boolean lateTimeout = before("get " + name);
        sleep(rates.slowFirstByteMillis());
        if (recent.contains(name) && chance(rates.readLag())) {
            injected.incrementAndGet();
            return Optional.empty();
        }
        return after(lateTimeout, delegate.get(name), "get " + name);
    }

    @Override
    public boolean createIfAbsent(String name, byte[] data) {
        boolean lateTimeout = before("write " + name);
        boolean created = delegate.createIfAbsent(name, data);
        if (created) {
            recent.addLast(name);
            while (recent.size() > RECENT) {
                recent.pollFirst();
            }
        }
        if (chance(rates.lie())) {
            if (random() < 0.5) {
                return false;
            }
            throw new SyncException(Reason.REMOTE_BUSY, "Injected: write '" + name + "' landed, then the service answered 503");
        }
        return after(lateTimeout, created, "write " + name);
    }

    @Override
    public void delete(String name) {
        boolean lateTimeout = before("delete " + name);
        delegate.delete(name);
        after(lateTimeout, null, "delete " + name);
    }

    @Override
    public String describe() {
        return "faulty:" + delegate.describe();
    }

    // The optional calls keep the SPI's defaults, as they always did here: passing them on would let
    // sync take other paths (a change marker, watching), and the seeded faults land on other calls.
    @Override
    public Version overwrite(String name, byte[] data) {
        return Version.UNKNOWN;
    }

    @Override
    public Version version(String name, Version known) {
        return Version.UNKNOWN;
    }

    @Override
    public AutoCloseable watch(String prefix, Runnable onChange) {
        return null;
    }

    @Override
    public long requestsSent() {
        return -1;
    }

    /** Fails the call now, or returns true when it is to time out after taking effect. */
    private boolean before(String what) {
        if (chance(rates.error())) {
            throw new SyncException(Reason.REMOTE_BUSY, "Injected: cannot " + what + ": the service is busy (503)");
        }
        if (chance(rates.timeout())) {
            if (random() < 0.5) {
                return true;
            }
            sleep(TIMEOUT_MILLIS);
            throw new SyncException(Reason.UNREACHABLE, "Injected: cannot " + what + ": no answer in time");
        }
        return false;
    }

    /** The other half of timeouts: the call took effect, but its answer never came. */
    private <T> T after(boolean lateTimeout, T result, String what) {
        if (lateTimeout) {
            sleep(TIMEOUT_MILLIS);
            throw new SyncException(Reason.UNREACHABLE, "Injected: " + what + " took effect, but no answer came in time");
        }
        return result;
    }

    private boolean chance(double p) {
        boolean hit = p > 0 && random() < p;
        if (hit) {
            injected.incrementAndGet();
        }
        return hit;
    }

    private double random() {
        synchronized (random) {
            return random.nextDouble();
        }
    }

    private static void sleep(int millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncException(Reason.UNREACHABLE, "Interrupted while waiting for the remote", e);
        }
    }
}
