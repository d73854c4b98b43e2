package dev.tandem.engine.internal.sync.blobs;

import dev.tandem.engine.Db;
import dev.tandem.engine.internal.DefaultDb.BlobConfig;
import dev.tandem.engine.internal.SyncPort;
import dev.tandem.engine.internal.blob.BlobKeys;
import dev.tandem.engine.internal.blob.BlobReferences;
import dev.tandem.engine.internal.blob.BlobTransfer;
import dev.tandem.engine.internal.blob.Digests;
import dev.tandem.engine.internal.blob.LocalBlobs;
import dev.tandem.engine.internal.changelog.MetaTable;
import dev.tandem.engine.sync.BlobSweep;
import dev.tandem.engine.sync.RemoteBlobs;
import dev.tandem.engine.sync.RemoteDevice;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncStorage;
import java.time.Duration;
import java.util.ArrayList;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Blobs on one engine's remote: fetch, the sweep of unreferenced ones, and the answers a device
 * gives to other devices' sweeps.
 *
 * <p><b>What a sweep may delete.</b> A blob stays while any row, any change in any device's
 * history (every version it can show, the Trash, both sides of a conflict, refused changes) or any
 * change not yet pushed names it. A sweeping device knows only its own history, and devices forget
 * history on their own schedules (a window each user picks, and after they pulled the versions that
 * replaced it), so the others are asked: a sweep publishes the names it found unreferenced
 * ({@link BlobCandidates}), each device answers with the ones it still names, at most daily after
 * a sync, and a blob is deleted only when it was unreferenced here for {@code grace} (this device's
 * memory in {@code _tandem_meta}: {@code blob orphan <remote> <name>} = when first seen so; a sweep
 * that finds it referenced forgets it) and every device the remote knows, retired ones aside, has
 * answered a list published since then without naming it. A list published after that moment holds
 * the blob, as it was unreferenced at every sweep since. A device that answered can only name the
 * blob again through a change on the remote (which this device pulls before it sweeps) or by
 * attaching the same file anew, whose upload finds it missing and sends it again.
 *
 * <p>The order within a sweep: this device's references are read first, then the remote is listed,
 * so a blob uploaded after the read (for a change made meanwhile) may look unreferenced; that only
 * starts its grace period.
 */
public final class DefaultRemoteBlobs implements RemoteBlobs {
    private static final String ORPHAN = "blob orphan ";
    private static final String PUBLISHED = "blob candidates ";
    private static final String ANSWERED = "blob answered ";
    private static final String ANSWERS_CHECKED = "blob answers checked ";
    /** How often a sync looks for other devices' sweeps: one listing. */
    static final Duration ANSWER_EVERY = Duration.ofDays(1);

    private final BlobRemote engine;

    public DefaultRemoteBlobs(BlobRemote engine) {
        this.engine = engine;
    }

    @Override
    public Fetch fetch(Db db, String id, long size) {
        SyncPort d = SyncPort.of(db);
        LocalBlobs local = local(d);
        return switch (engine.blobTransfer().download(local, id, size)) {
            case FETCHED -> Fetch.FETCHED;
            case ALREADY_HERE -> Fetch.ALREADY_HERE;
            case NOT_ON_REMOTE -> Fetch.NOT_ON_REMOTE;
        };
    }

    @Override
    public BlobSweep sweep(Db db, Duration grace, boolean delete) {
        SyncPort d = SyncPort.of(db);
        BlobConfig config = d.blobConfig().orElseThrow(() -> new IllegalStateException(
                "blobs: this database was built without Db.Builder.blobs(table, column)"));
        Set<String> referenced = referencedNames(d, config);
        SyncStorage data = engine.blobTransfer().data();
        List<String> orphans = new ArrayList<>();
        String after = null;
        while (true) {
            List<String> page = data.list(BlobKeys.DATA, after, 1000);
            for (String name : page) {
                if (!referenced.contains(name)) {
                    orphans.add(name);
                }
            }
            if (page.size() < 1000) {
                break;
            }
            after = page.get(page.size() - 1);
        }
        String prefix = ORPHAN + engine.describe() + " ";
        long now = d.wallMillis();
        SortedMap<String, Long> firstSeen = d.read(c -> MetaTable.startingWith(c, prefix, (rs, i) -> rs.getLong(i)));
        Set<String> orphanSet = new HashSet<>(orphans);
        d.write("Remembering unreferenced attachments", s -> {
            for (String name : orphans) {
                if (!firstSeen.containsKey(name)) {
                    MetaTable.put(s.sql(), prefix + name, now);
                }
            }
            for (String name : firstSeen.keySet()) {
                if (!orphanSet.contains(name)) {
                    MetaTable.delete(s.sql(), prefix + name);
                }
            }
            return null;
        });
        publishIfChanged(d, orphans, now);
        Map<UUID, List<BlobCandidates.Answer>> answers = orphans.isEmpty() ? Map.of()
                : BlobCandidates.answers(engine.storage(), d.deviceUuid());
        Map<String, Optional<Set<String>>> read = new HashMap<>();
        List<RemoteDevice> devices = orphans.isEmpty() ? List.of() : engine.devices(db);
        int deletable = 0;
        int deleted = 0;
        long bytes = 0;
        long deletableBytes = 0;
        long deletedBytes = 0;
        for (String name : orphans) {
            OptionalLong size = data.size(name);
            if (size.isEmpty()) {
                continue;
            }
            bytes += size.getAsLong();
            long since = firstSeen.getOrDefault(name, now);
            if (now - since < grace.toMillis() || !allAnswered(devices, answers, read, name, since)) {
                continue;
            }
            deletable++;
            deletableBytes += size.getAsLong();
            if (delete) {
                data.delete(name);
                deleted++;
                deletedBytes += size.getAsLong();
                d.write("Forgetting a removed attachment", s -> {
                    MetaTable.delete(s.sql(), prefix + name);
                    return null;
                });
            }
        }
        return new BlobSweep(orphans.size(), bytes, deletable, deletableBytes, deleted, deletedBytes);
    }

    /**
     * Tells other devices' sweeps which of their candidates this device still names. The lists are
     * listed before a sync and answered after it: a list on the remote before this device's pull
     * began was published after everything its sweeper had read, so the pull brought every change
     * that could name one of its blobs, and the answer speaks for them all.
     */
    @Override
    public int answer(Db db) {
        List<BlobCandidates.Published> lists = due(db, true);
        engine.sync(db);
        List<String> problems = new ArrayList<>();
        int answered = answer(db, lists, problems);
        if (!problems.isEmpty()) {
            throw new SyncException(SyncException.Reason.CORRUPT, String.join(" ", problems));
        }
        return answered;
    }

    /**
     * The other sweepers' newest lists this device has not answered, when a check is due ({@code
     * force}, or {@link #ANSWER_EVERY} since the last): one listing. Call before the sync's pull.
     */
    public List<BlobCandidates.Published> due(Db db, boolean force) {
        SyncPort d = SyncPort.of(db);
        if (d.blobConfig().isEmpty()) {
            return List.of();
        }
        String remote = engine.describe();
        long now = d.wallMillis();
        long last = d.read(c -> MetaTable.number(c, ANSWERS_CHECKED + remote));
        if (!force && now - last < ANSWER_EVERY.toMillis() && now >= last) {
            return List.of();
        }
        List<BlobCandidates.Published> due = new ArrayList<>();
        for (BlobCandidates.Published list : BlobCandidates.newestOfOthers(engine.storage(), d.deviceUuid())) {
            long done = d.read(c -> MetaTable.number(c, ANSWERED + remote + " " + list.sweeper()));
            if (done != list.millis()) {
                due.add(list);
            }
        }
        d.write("Remembering when sweeps were last looked for", s -> {
            MetaTable.put(s.sql(), ANSWERS_CHECKED + remote, now);
            return null;
        });
        return due;
    }

    /** Answers {@code lists} (from {@link #due}, before the pull that has just completed). */
    public int answer(Db db, List<BlobCandidates.Published> lists, List<String> problems) {
        if (lists.isEmpty()) {
            return 0;
        }
        SyncPort d = SyncPort.of(db);
        BlobConfig config = d.blobConfig().orElseThrow();
        String remote = engine.describe();
        int answered = 0;
        for (BlobCandidates.Published list : lists) {
            Optional<Set<String>> candidates = BlobCandidates.read(engine.storage(), list.key(), problems::add);
            if (candidates.isEmpty()) {
                continue;
            }
            // Read after the pull: what names a blob now includes all it pulled and every change not pushed.
            Set<String> kept = new TreeSet<>(candidates.get());
            kept.retainAll(referencedNames(d, config));
            BlobCandidates.answer(engine.storage(), d.deviceUuid(), list, kept, d.wallMillis());
            if (kept.isEmpty()) {
                // Done with this list. One that still names some is answered again at the next
                // check, as forgotten history may have freed them by then.
                d.write("Remembering an answer to a sweep", s -> {
                    MetaTable.put(s.sql(), ANSWERED + remote + " " + list.sweeper(), list.millis());
                    return null;
                });
            }
            answered++;
        }
        return answered;
    }

    private Set<String> referencedNames(SyncPort d, BlobConfig config) {
        Set<String> ids = d.read(c -> BlobReferences.all(c, config.table(), config.column()));
        BlobTransfer transfer = engine.blobTransfer();
        Set<String> names = new HashSet<>();
        for (String id : ids) {
            names.addAll(transfer.names(id));
        }
        return names;
    }

    /** Publishes this device's candidates when they differ from the list it published last. */
    private void publishIfChanged(SyncPort d, List<String> orphans, long now) {
        String key = PUBLISHED + engine.describe();
        String digest = digest(orphans);
        String last = d.read(c -> MetaTable.text(c, key));
        if (orphans.isEmpty() && last == null || digest.equals(last)) {
            return;
        }
        BlobCandidates.publish(engine.storage(), d.deviceUuid(), now, orphans);
        d.write("Remembering the published attachment candidates", s -> {
            MetaTable.put(s.sql(), key, digest);
            return null;
        });
    }

    private static String digest(List<String> names) {
        MessageDigest sha = Digests.sha256();
        new TreeSet<>(names).forEach(n -> sha.update((n + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * Whether every device but this one and the retired has answered a list published since {@code
     * since} (so holding {@code name}) and its newest such answer does not name it.
     */
    private boolean allAnswered(List<RemoteDevice> devices, Map<UUID, List<BlobCandidates.Answer>> answers,
                                Map<String, Optional<Set<String>>> read, String name, long since) {
        for (RemoteDevice device : devices) {
            if (device.retired() || device.thisDevice()) {
                continue;
            }
            BlobCandidates.Answer newest = null;
            for (BlobCandidates.Answer a : answers.getOrDefault(device.id(), List.of())) {
                if (a.millis() >= since) {
                    newest = a;
                    break;
                }
            }
            if (newest == null) {
                return false;
            }
            Optional<Set<String>> kept = read.computeIfAbsent(newest.key(),
                    k -> BlobCandidates.read(engine.storage(), k, problem -> { }));
            if (kept.isEmpty() || kept.get().contains(name)) {
                return false;
            }
        }
        return true;
    }

    private static LocalBlobs local(SyncPort d) {
        if (d.localBlobs() == null) {
            throw new IllegalStateException("blobs: this database was built without Db.Builder.blobs(table, column)");
        }
        return d.localBlobs();
    }

}
