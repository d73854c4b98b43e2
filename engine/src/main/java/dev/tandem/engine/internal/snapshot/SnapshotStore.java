package dev.tandem.engine.internal.snapshot;

import dev.tandem.engine.internal.wire.BatchCodec;
import dev.tandem.engine.internal.wire.FormatException;
import dev.tandem.engine.internal.wire.Head;
import dev.tandem.engine.internal.wire.Snapshot.Manifest;
import dev.tandem.engine.internal.wire.Snapshot.Part;
import dev.tandem.engine.internal.wire.SnapshotCodec;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncStorage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Snapshots and acknowledgements on the remote. Layout (docs/SYNC_FORMAT.md, "Snapshots"):
 * <pre>
 *   snapshots/&lt;id&gt;/part-&lt;6 digits&gt;   parts 1..n, written first
 *   snapshots/&lt;id&gt;/manifest            written last; without it the snapshot does not exist
 *   acks/&lt;device&gt;/&lt;13-digit millis&gt;    a head body published only to advertise read cursors
 * </pre>
 * Every object is created with create-if-absent and never rewritten. A reader ignores keys it does
 * not recognise, and a snapshot whose part has gone (cleaned up under it) reads as absent.
 */
public final class SnapshotStore {
    private static final System.Logger LOG = System.getLogger(SnapshotStore.class.getName());
    private static final Pattern SNAPSHOT_KEY = Pattern.compile("snapshots/([0-9a-f-]{50})/(manifest|part-[0-9]{6})");
    private static final Pattern ACK_KEY = Pattern.compile("acks/([0-9a-f-]{36})/([0-9]{13})");
    private static final int PAGE = 1000;
    /** How far ahead of a writer's clock one of its snapshot ids may lie and still order its next. */
    static final long AHEAD_MILLIS = 24L * 3600 * 1000;

    private final SyncStorage storage;

    public SnapshotStore(SyncStorage storage) {
        this.storage = storage;
    }

    public static String manifestKey(String id) {
        return "snapshots/" + id + "/manifest";
    }

    static String partKey(String id, int index) {
        return String.format("snapshots/%s/part-%06d", id, index);
    }

    static String ackKey(UUID device, long millis) {
        return String.format("acks/%s/%013d", device, millis);
    }

    public static String newId(long millis, UUID writer) {
        return String.format("%013d-%s", millis, writer);
    }

    /** Snapshot ids on the remote, oldest first, each with its keys; complete ones have a manifest. */
    public record Listing(TreeMap<String, List<String>> keys) {
        public boolean complete(String id) {
            return keys.getOrDefault(id, List.of()).contains(manifestKey(id));
        }

        /**
         * The millisecond for a new snapshot {@code writer} writes at {@code now}: {@code now}, or the
         * one after the writer's newest id here (complete or not) when that is not older. So an id is
         * never reused (its objects are created only if absent), and a writer's ids sort in the order
         * it wrote them, as {@link #newest} relies on, even when its clock was set back by up to
         * {@link #AHEAD_MILLIS}. An id further ahead than that is not taken as the writer's: it
         * would carry every later id with it, and a member of a shared space can name any writer.
         */
        public long nextMillis(long now, UUID writer) {
            String suffix = "-" + writer;
            long next = now;
            for (String id : keys.keySet()) {
                long at = Long.parseLong(id.substring(0, 13));
                if (id.endsWith(suffix) && at >= next && at - now <= AHEAD_MILLIS) {
                    next = at + 1;
                }
            }
            return next;
        }

        public List<String> completeIds() {
            List<String> ids = new ArrayList<>();
            keys.keySet().forEach(id -> {
                if (complete(id)) {
                    ids.add(id);
                }
            });
            return ids;
        }
    }

    public Listing list() {
        TreeMap<String, List<String>> keys = new TreeMap<>();
        listAll("snapshots/", key -> {
            Matcher m = SNAPSHOT_KEY.matcher(key);
            if (m.matches() && SnapshotCodec.ID.matcher(m.group(1)).matches()) {
                keys.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(key);
            }
        });
        return new Listing(keys);
    }

    /** The newest readable manifest, skipping (and reporting) corrupt ones. */
    public Optional<Manifest> newest(Listing listing, Consumer<String> problems) {
        List<String> ids = listing.completeIds();
        for (int i = ids.size() - 1; i >= 0; i--) {
            String key = manifestKey(ids.get(i));
            try {
                Optional<byte[]> data = storage.get(key);
                if (data.isPresent()) {
                    return Optional.of(SnapshotCodec.decodeManifest(data.get(), key, ids.get(i)));
                }
            } catch (FormatException corrupt) {
                problems.accept(corrupt.getMessage());
            }
        }
        return Optional.empty();
    }

    /**
     * All parts of the snapshot, or empty when one is missing (cleaned up since it was listed).
     * Parts are fetched one after the other on this thread (storage calls never overlap), and each
     * is decoded on a worker as soon as it has arrived, while the next one downloads.
     */
    public Optional<List<Part>> parts(Manifest m) {
        if (m.parts() <= 1) {
            return sequential(m);
        }
        int threads = Math.max(1, Math.min(m.parts(), Runtime.getRuntime().availableProcessors()));
        ExecutorService decoders = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "tandem-snapshot-decode");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Part>> parts = new ArrayList<>(m.parts());
            for (int i = 1; i <= m.parts(); i++) {
                String key = partKey(m.id(), i);
                Optional<byte[]> data = storage.get(key);
                if (data.isEmpty()) {
                    return Optional.empty();
                }
                int index = i;
                parts.add(decoders.submit(() -> SnapshotCodec.decodePart(data.get(), key, m.id(), index)));
            }
            List<Part> decoded = new ArrayList<>(m.parts());
            for (Future<Part> f : parts) {
                decoded.add(join(f));
            }
            return Optional.of(decoded);
        } finally {
            decoders.shutdownNow();
        }
    }

    private Optional<List<Part>> sequential(Manifest m) {
        List<Part> parts = new ArrayList<>(m.parts());
        for (int i = 1; i <= m.parts(); i++) {
            String key = partKey(m.id(), i);
            Optional<byte[]> data = storage.get(key);
            if (data.isEmpty()) {
                return Optional.empty();
            }
            parts.add(SnapshotCodec.decodePart(data.get(), key, m.id(), i));
        }
        return Optional.of(parts);
    }

    /** The decoded part; a decoding failure is rethrown as it was thrown (e.g. a FormatException). */
    private static Part join(Future<Part> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncException(SyncException.Reason.UNREACHABLE, "Interrupted while decoding a snapshot", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            if (cause instanceof Error) {
                throw (Error) cause;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Writes the parts, then the manifest. */
    public void write(Manifest m, List<byte[]> parts) {
        for (int i = 0; i < parts.size(); i++) {
            create(partKey(m.id(), i + 1), parts.get(i));
        }
        create(manifestKey(m.id()), SnapshotCodec.encodeManifest(m));
    }

    private void create(String key, byte[] data) {
        if (!storage.createIfAbsent(key, data)) {
            throw new SyncException(SyncException.Reason.REMOTE_BUSY, "Snapshot object " + key
                    + " exists already; another snapshot with the same id is being written");
        }
    }

    /**
     * Deletes a snapshot, manifest first, so no reader ever sees it complete but partial; then its
     * folder, where the store has folders (nobody writes under a snapshot's id again).
     */
    public void delete(String id, List<String> keys) {
        storage.delete(manifestKey(id));
        for (String key : new TreeSet<>(keys)) {
            if (!key.equals(manifestKey(id))) {
                storage.delete(key);
            }
        }
        storage.removeFolder("snapshots/" + id + "/");
    }

    /** Publishes {@code self}'s read cursors without a new batch; returns the new key. */
    public String publishAck(UUID self, long pushedSeq, Map<UUID, Long> cursors, long nowMillis) {
        String key = ackKey(self, nowMillis);
        storage.createIfAbsent(key, BatchCodec.encodeHead(new Head(self, pushedSeq, nowMillis, cursors)));
        return key;
    }

    /** Newest ack key per device. */
    public Map<UUID, String> acks(List<String> ownOlder, UUID self) {
        Map<UUID, String> newest = new TreeMap<>();
        listAll("acks/", key -> {
            Matcher m = ACK_KEY.matcher(key);
            if (!m.matches()) {
                return;
            }
            UUID device;
            try {
                device = UUID.fromString(m.group(1));
            } catch (IllegalArgumentException e) {
                return;
            }
            String before = newest.put(device, key);
            if (before != null && device.equals(self)) {
                ownOlder.add(before);
            }
        });
        return newest;
    }

    /** The head or ack stored under {@code key}, or empty when gone or unreadable. */
    public Optional<Head> readHead(String key, Consumer<String> problems) {
        try {
            return storage.get(key).map(b -> BatchCodec.decodeHead(b, key));
        } catch (SyncException e) {
            // Damaged, or failing authentication under encryption: unreadable either way.
            if (e.reason() != SyncException.Reason.CORRUPT) {
                throw e;
            }
            problems.accept(e.getMessage());
            return Optional.empty();
        }
    }

    public void listAll(String prefix, Consumer<String> each) {
        String after = null;
        while (true) {
            List<String> page = storage.list(prefix, after, PAGE);
            page.forEach(each);
            if (page.size() < PAGE) {
                return;
            }
            after = page.get(page.size() - 1);
        }
    }

    public SyncStorage storage() {
        return storage;
    }

    static void log(String message) {
        LOG.log(System.Logger.Level.INFO, message);
    }
}
