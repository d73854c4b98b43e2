package dev.tandem.engine.internal.sync;

import dev.tandem.engine.internal.wire.Batch;
import dev.tandem.engine.internal.wire.BatchCodec;
import dev.tandem.engine.internal.wire.FormatException;
import dev.tandem.engine.internal.wire.Head;
import dev.tandem.engine.internal.wire.Retirement;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncStorage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The remote changelog over a {@link SyncStorage}. Layout (docs/SYNC_FORMAT.md):
 * <pre>
 *   batches/&lt;device&gt;/&lt;seq, 12 digits&gt;   a device's batches, immutable
 *   heads/&lt;device&gt;/&lt;seq, 12 digits&gt;     "batches 1..seq are written", immutable
 *   heads/&lt;device&gt;/retired               the device is retired ({@link Retirement})
 * </pre>
 * A device only ever creates keys under its own id, so devices never overwrite each other. One
 * listing of {@code heads/} tells where every device stands: an idle sync is one request.
 */
public final class RemoteChangelog implements Changelog {
    private static final System.Logger LOG = System.getLogger(RemoteChangelog.class.getName());
    private static final Pattern HEAD = Pattern.compile("heads/([0-9a-f-]{36})/([0-9]{12})");
    private static final int PAGE = 1000;
    /** Stale heads of this device are deleted once this many pile up: pruning is amortized. */
    static final int PRUNE_AFTER = 8;

    private final SyncStorage storage;
    private final UUID self;
    private final List<String> ownHeadKeys = new ArrayList<>();
    private final Set<UUID> retired = new HashSet<>();
    private final ReadBack readBack;
    private final LongSupplier wallMillis;
    private final Map<String, Batch> readAhead = new HashMap<>();

    public RemoteChangelog(SyncStorage storage, UUID self) {
        this(storage, self, new ReadBack(), System::currentTimeMillis);
    }

    /** {@code wallMillis}: the time a head states it was written (the database's clock). */
    RemoteChangelog(SyncStorage storage, UUID self, ReadBack readBack, LongSupplier wallMillis) {
        this.storage = storage;
        this.self = self;
        this.readBack = readBack;
        this.wallMillis = wallMillis;
    }

    @Override
    public String describe() {
        return storage.describe();
    }

    static String batchKey(UUID device, long seq) {
        return String.format("batches/%s/%012d", device, seq);
    }

    static String headKey(UUID device, long seq) {
        return Head.key(device, seq);
    }

    @Override
    public Map<UUID, Long> heads() {
        Map<UUID, Long> heads = new HashMap<>();
        ownHeadKeys.clear();
        retired.clear();
        String after = null;
        while (true) {
            List<String> page = storage.list("heads/", after, PAGE);
            for (String key : page) {
                Matcher m = HEAD.matcher(key);
                UUID gone = Retirement.deviceOf(key);
                if (gone != null) {
                    retired.add(gone);
                    continue;
                }
                // Not Tandem's: a file of the user's, or one a file manager leaves in every folder it
                // shows (desktop.ini, .DS_Store). Ignoring it loses nothing and asks nothing of anyone,
                // and it would be said again at every sync, so only at DEBUG: at WARNING the default
                // java.util.logging set-up printed it as a raw log line amid the command line's output.
                if (!m.matches()) {
                    LOG.log(System.Logger.Level.DEBUG, "Ignoring unexpected remote key {0}", key);
                    continue;
                }
                UUID device;
                try {
                    device = UUID.fromString(m.group(1));
                } catch (IllegalArgumentException e) {
                    LOG.log(System.Logger.Level.DEBUG, "Ignoring remote key with a bad device id: {0}", key);
                    continue;
                }
                heads.merge(device, Long.parseLong(m.group(2)), Math::max);
                if (device.equals(self)) {
                    ownHeadKeys.add(key);
                }
            }
            if (page.size() < PAGE) {
                return heads;
            }
            after = page.get(page.size() - 1);
        }
    }

    /** The devices the last {@link #heads()} listing showed as retired. */
    @Override
    public Set<UUID> retired() {
        return Set.copyOf(retired);
    }

    /** Why {@code device} is retired; empty when the object is gone or unreadable (then the caller says less). */
    public Optional<Retirement> retirement(UUID device) {
        String key = Retirement.key(device);
        try {
            return storage.get(key).map(bytes -> Retirement.decode(bytes, key));
        } catch (FormatException e) {
            LOG.log(System.Logger.Level.WARNING, "Unreadable retirement " + key + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Keeps a batch read ahead (past a snapshot, for the bulk load to take in, {@link SnapshotBootstrap})
     * that the pull will ask for: it is not fetched twice.
     */
    void readAhead(Batch batch) {
        readAhead.put(batchKey(batch.device(), batch.seq()), batch);
    }

    @Override
    public Optional<Batch> batch(UUID device, long seq) {
        String key = batchKey(device, seq);
        Batch ahead = readAhead.remove(key);
        if (ahead != null) {
            return Optional.of(ahead);
        }
        Optional<byte[]> data = storage.get(key);
        if (data.isEmpty()) {
            return Optional.empty();
        }
        Batch batch = BatchCodec.decode(data.get(), key);
        if (!batch.device().equals(device) || batch.seq() != seq) {
            throw new FormatException("Object " + key + " holds batch " + batch.seq() + " of device "
                    + batch.device() + ", not what its key says");
        }
        return Optional.of(batch);
    }

    @Override
    public Batch append(Batch batch) {
        String key = batchKey(batch.device(), batch.seq());
        byte[] encoded = BatchCodec.encode(batch, System.currentTimeMillis());
        if (storage.createIfAbsent(key, encoded)) {
            readBack.check(storage, key, encoded);
            return batch;
        }
        // Taken: by an earlier attempt of ours whose answer got lost, or by a write the store
        // reported wrongly. A store may not serve a fresh object at once, so read it back a few
        // times, with jittered backoff, before leaving it to the next sync.
        Batch stored = ReadRetry.untilPresent(ReadBack.ATTEMPTS, 50, readBack.pause(), () -> batch(batch.device(), batch.seq()))
                .orElseThrow(() -> new SyncException(SyncException.Reason.REMOTE_BUSY, "Object " + key
                        + " exists but cannot be read yet; will retry"));
        return stored;
    }

    @Override
    public void publishHead(UUID device, long seq, Map<UUID, Long> cursors) {
        String key = headKey(device, seq);
        storage.createIfAbsent(key, BatchCodec.encodeHead(new Head(device, seq, wallMillis.getAsLong(), cursors)));
        if (device.equals(self) && ownHeadKeys.size() + 1 >= PRUNE_AFTER) {
            for (String old : ownHeadKeys) {
                if (old.compareTo(key) < 0) {
                    storage.delete(old);
                }
            }
            ownHeadKeys.clear();
        }
    }
}
