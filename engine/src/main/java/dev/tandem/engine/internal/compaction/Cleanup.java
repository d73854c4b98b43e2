package dev.tandem.engine.internal.compaction;

import dev.tandem.engine.internal.snapshot.SnapshotStore;
import dev.tandem.engine.internal.wire.Head;
import dev.tandem.engine.internal.wire.Retirement;
import dev.tandem.engine.internal.wire.Snapshot.Manifest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Deletes remote batches and snapshots that nobody can need any more (docs/SYNC_FORMAT.md,
 * "Cleanup safety rule").
 *
 * <p>Batch {@code s} of device {@code d} is deleted only when both hold:
 * <ol>
 *   <li>every device known to the remote (it has a head or an ack) other than {@code d} has
 *       published a read cursor for {@code d} of at least {@code s}. Published cursors only ever
 *       lag a device's real ones, so it never needs the batch again; a device that cannot be read
 *       stops the whole cleanup;</li>
 *   <li>some complete snapshot covers it (its cursor for {@code d} is at least {@code s}), so a
 *       device the remote does not know yet (new, or one that never published) can still rebuild.</li>
 * </ol>
 * A complete snapshot is deleted only when a newer complete one dominates it (every cursor at
 * least as far), so whatever a deleted batch was covered by stays covered. The manifest goes
 * first, then the parts. Incomplete snapshots (a writer died) are deleted after a day.
 *
 * <p><b>Retired devices</b> ({@link Retirement}) are not waited for: a device unseen longer than
 * {@code retireAfter} is retired here, first (the retirement is written before anything it held
 * back is deleted). A retired device's batches then go by the same two rules over the live devices,
 * its ack at once, and its heads once all its batches are gone; should it come back, it re-joins
 * under a new id and is rebuilt from a snapshot, which rule 2 guarantees.
 */
final class Cleanup {
    private static final Pattern BATCH = Pattern.compile("batches/([0-9a-f-]{36})/([0-9]{12})");
    static final long ABANDONED_MILLIS = 24L * 3600 * 1000;

    /**
     * {@code published}: what every live device other than this one has published that it read
     * (device to its read cursors), or null when some device could not be read.
     */
    record Result(int batches, int snapshots, int retired, Map<UUID, Map<UUID, Long>> published) {
        static final Result NOTHING = new Result(0, 0, 0, null);
    }

    private Cleanup() {
    }

    /**
     * {@code retiredListed}: the devices the sync's listing showed as retired; {@code retireAfterMillis}:
     * how long a device may go unseen (its newest head or ack) before this cleanup retires it, 0 for never.
     */
    static Result run(SnapshotStore store, UUID self, Map<UUID, Long> ownCursors, Map<UUID, Long> remoteHeads,
                      Set<UUID> retiredListed, long retireAfterMillis, long nowMillis, Consumer<String> problems) {
        // 1. What every known device has published that it read, and when it was last seen.
        Seen known = seen(store, self, ownCursors, remoteHeads, problems);
        if (known == null) {
            return Result.NOTHING; // cannot prove what some device read: delete nothing
        }
        Set<UUID> retired = new HashSet<>(retiredListed);
        Map<UUID, Map<UUID, Long>> published = known.published();
        Map<UUID, Long> lastSeen = known.lastSeen();
        Map<UUID, String> acks = known.acks();
        List<String> ownOlderAcks = known.ownOlderAcks();
        ownOlderAcks.forEach(store.storage()::delete);
        int newlyRetired = 0;
        if (retireAfterMillis > 0) {
            for (Map.Entry<UUID, Long> seen : lastSeen.entrySet()) {
                UUID d = seen.getKey();
                if (!retired.contains(d) && seen.getValue() < nowMillis - retireAfterMillis) {
                    store.storage().createIfAbsent(Retirement.key(d), new Retirement(d, remoteHeads.getOrDefault(d, 0L),
                            nowMillis, self, Retirement.UNSEEN).encode());
                    retired.add(d);
                    newlyRetired++;
                }
            }
        }
        // A retired device reads nothing more: its cursors hold nothing back, and its ack goes.
        retired.forEach(published::remove);
        published.put(self, ownCursors);
        for (UUID d : retired) {
            if (acks.containsKey(d)) {
                store.storage().delete(acks.get(d));
            }
        }

        // 2. The complete snapshots, and which of them a newer one dominates.
        SnapshotStore.Listing listing = store.list();
        List<String> ids = listing.completeIds();
        List<Manifest> manifests = new ArrayList<>();
        for (String id : ids) {
            Optional<Manifest> m = store.newest(new SnapshotStore.Listing(new TreeMap<>(Map.of(id,
                    listing.keys().get(id)))), problems);
            if (m.isEmpty()) {
                return Result.NOTHING;
            }
            manifests.add(m.get());
        }
        Map<UUID, Long> covered = new HashMap<>();
        manifests.forEach(m -> m.cursors().forEach((d, c) -> covered.merge(d, c, Math::max)));

        // 3. Batches.
        int deletedBatches = 0;
        for (UUID d : remoteHeads.keySet()) {
            long limit = covered.getOrDefault(d, 0L);
            for (Map.Entry<UUID, Map<UUID, Long>> p : published.entrySet()) {
                if (!p.getKey().equals(d)) {
                    limit = Math.min(limit, p.getValue().getOrDefault(d, 0L));
                }
            }
            if (limit <= 0) {
                continue;
            }
            final long max = limit;
            List<String> doomed = new ArrayList<>();
            store.listAll("batches/" + d + "/", key -> {
                Matcher m = BATCH.matcher(key);
                if (m.matches() && Long.parseLong(m.group(2)) <= max) {
                    doomed.add(key);
                }
            });
            doomed.forEach(store.storage()::delete);
            deletedBatches += doomed.size();
            if (retired.contains(d) && max >= remoteHeads.get(d)) {
                // Every batch of the retired device is gone: its heads go too; the retirement stays.
                List<String> heads = new ArrayList<>();
                store.listAll("heads/" + d + "/", key -> {
                    if (Retirement.deviceOf(key) == null) {
                        heads.add(key);
                    }
                });
                heads.forEach(store.storage()::delete);
                if (!heads.isEmpty()) {
                    // Once, with its heads: it never writes under its id again, so its batches' folder goes.
                    store.storage().removeFolder("batches/" + d + "/");
                }
            }
        }

        // 4. Snapshots: dominated complete ones, and abandoned incomplete ones.
        int deletedSnapshots = 0;
        for (int i = 0; i < manifests.size(); i++) {
            Manifest older = manifests.get(i);
            boolean dominated = false;
            for (int j = i + 1; j < manifests.size() && !dominated; j++) {
                dominated = dominates(manifests.get(j), older);
            }
            if (dominated) {
                store.delete(older.id(), listing.keys().get(older.id()));
                deletedSnapshots++;
            }
        }
        String newest = ids.isEmpty() ? null : ids.get(ids.size() - 1);
        for (Map.Entry<String, List<String>> e : listing.keys().entrySet()) {
            long millis = Long.parseLong(e.getKey().substring(0, 13));
            if (!listing.complete(e.getKey()) && newest != null && e.getKey().compareTo(newest) < 0
                    && millis < nowMillis - ABANDONED_MILLIS) {
                store.delete(e.getKey(), e.getValue());
                deletedSnapshots++;
            }
        }
        Map<UUID, Map<UUID, Long>> others = new HashMap<>(published);
        others.remove(self);
        return new Result(deletedBatches, deletedSnapshots, newlyRetired, others);
    }

    /** What the devices published: read cursors per device, when each was last seen, and the acks. */
    record Seen(Map<UUID, Map<UUID, Long>> published, Map<UUID, Long> lastSeen, Map<UUID, String> acks,
                List<String> ownOlderAcks) {
    }

    /**
     * Reads every other device's newest head and ack (this device's own cursors are {@code
     * ownCursors}); null when one cannot be read, as nothing can then be proven about what it read.
     */
    static Seen seen(SnapshotStore store, UUID self, Map<UUID, Long> ownCursors, Map<UUID, Long> remoteHeads,
                     Consumer<String> problems) {
        Map<UUID, Map<UUID, Long>> published = new HashMap<>();
        Map<UUID, Long> lastSeen = new HashMap<>();
        published.put(self, ownCursors);
        for (Map.Entry<UUID, Long> h : remoteHeads.entrySet()) {
            if (h.getKey().equals(self)) {
                continue;
            }
            Optional<Head> head = store.readHead(Head.key(h.getKey(), h.getValue()), problems);
            if (head.isEmpty() || !head.get().device().equals(h.getKey())) {
                return null;
            }
            lastSeen.merge(h.getKey(), head.get().writtenAtMillis(), Math::max);
            published.put(h.getKey(), new HashMap<>(head.get().cursors()));
        }
        List<String> ownOlderAcks = new ArrayList<>();
        Map<UUID, String> acks = store.acks(ownOlderAcks, self);
        for (Map.Entry<UUID, String> a : acks.entrySet()) {
            if (a.getKey().equals(self)) {
                continue;
            }
            Optional<Head> ack = store.readHead(a.getValue(), problems);
            if (ack.isEmpty() || !ack.get().device().equals(a.getKey())) {
                return null;
            }
            lastSeen.merge(a.getKey(), ack.get().writtenAtMillis(), Math::max);
            Map<UUID, Long> merged = published.computeIfAbsent(a.getKey(), k -> new HashMap<>());
            ack.get().cursors().forEach((d, c) -> merged.merge(d, c, Math::max));
        }
        return new Seen(published, lastSeen, acks, ownOlderAcks);
    }

    static boolean dominates(Manifest newer, Manifest older) {
        for (Map.Entry<UUID, Long> e : older.cursors().entrySet()) {
            if (newer.cursors().getOrDefault(e.getKey(), 0L) < e.getValue()) {
                return false;
            }
        }
        return true;
    }
}
