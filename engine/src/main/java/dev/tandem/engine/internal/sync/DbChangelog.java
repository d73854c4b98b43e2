package dev.tandem.engine.internal.sync;

import dev.tandem.engine.internal.sync.device.DeviceIdTaken;
import dev.tandem.engine.internal.sync.scope.SpaceIntake;
import dev.tandem.engine.internal.sync.scope.RefusedChanges;
import dev.tandem.engine.internal.sync.scope.ScopeCheck;
import dev.tandem.engine.internal.SyncPort;
import dev.tandem.engine.internal.apply.RemoteApply;
import dev.tandem.engine.internal.changelog.PushTally;
import dev.tandem.engine.internal.changelog.QuarantineStore;
import dev.tandem.engine.internal.changelog.SyncState;
import dev.tandem.engine.internal.changelog.SyncState.Local;
import dev.tandem.engine.internal.changelog.SyncState.Pushed;
import dev.tandem.engine.internal.tx.WriteSession;
import dev.tandem.engine.internal.wire.Batch;
import dev.tandem.engine.internal.wire.SnapshotEntry;
import dev.tandem.engine.sync.SyncScope;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The local database as a {@link Changelog}, for one remote.
 *
 * <p>Its head for this device is the last batch known stored on that remote; the next batch,
 * {@code head + 1}, is cut on demand from the own changes not pushed yet, at most {@code cap}
 * changes, in local order ({@link BatchCut}). Its head for another device is how far it has merged that device.
 * Appending another device's batch merges it and moves that cursor in one transaction, and
 * appending several ({@link #appendAll}) merges them all in one; appending an own batch (the one the
 * remote now holds) records the push in one transaction.
 */
public final class DbChangelog implements Changelog {
    private final SyncPort db;
    private final String remote;
    /** Set-aside batches read again per sync at most, so a remote full of junk cannot stall a sync. */
    static final int QUARANTINE_RETRIES = 16;
    /**
     * How long a batch its head lists may stay missing before sync sets it aside and reads the
     * device's later batches: long enough for a folder sync client delivering files out of order,
     * short enough that a server that lost the object does not hold the device's later changes back.
     */
    static final long MISSING_GRACE_MILLIS = 10 * 60_000L;
    private final SyncScope scope;
    private final UUID self;
    private final SyncState state = new SyncState();
    private final BatchCut cut;
    private final RemoteApply apply;
    private final QuarantineStore quarantine = new QuarantineStore();
    /** What of other devices' changes a shared space lets in, or null to take them all. */
    private final SpaceIntake intake;
    int pulled;
    int merged;
    int conflicts;
    int pushed;
    int skipped;
    /** The furthest a pulled change lay ahead of this clock beyond its drift bound, and whose. */
    long aheadMillis;
    UUID aheadDevice;

    public DbChangelog(SyncPort db, String remote, int cap) {
        this(db, remote, cap, SyncScope.everything());
    }

    /** With a {@code scope}: only own changes of the entities it holds are cut into batches for this remote. */
    public DbChangelog(SyncPort db, String remote, int cap, SyncScope scope) {
        this(db, remote, cap, scope, null);
    }

    /**
     * With {@code authors} (device to person, for messages), the remote is a space shared between
     * people: other devices' changes are let in only inside the scope's tree ({@link ScopeGuard}).
     */
    DbChangelog(SyncPort db, String remote, int cap, SyncScope scope, Function<UUID, String> authors) {
        this.db = db;
        this.remote = remote;
        this.scope = scope;
        this.self = db.deviceUuid();
        this.cut = new BatchCut(db, remote, cap, scope);
        this.apply = db.remoteApply();
        this.intake = authors != null && scope instanceof SyncScope.Tree tree
                ? new SpaceIntake(tree, remote, authors, db::wallMillis,
                        b -> RemoteChangelog.batchKey(b.device(), b.seq())) : null;
    }

    @Override
    public Map<UUID, Long> heads() {
        Map<UUID, Long> heads = new HashMap<>(db.read(c -> state.cursors(c, remote)));
        heads.put(self, db.read(c -> state.pushed(c, remote)).batchSeq());
        return heads;
    }

    /** How far this database has read each other device, as published in its head. */
    Map<UUID, Long> cursors() {
        return db.read(c -> state.cursors(c, remote));
    }

    @Override
    public Optional<Batch> batch(UUID device, long seq) {
        return device.equals(self) ? cut.next(seq) : Optional.empty();
    }

    @Override
    public Batch append(Batch batch) {
        if (batch.device().equals(self)) {
            acknowledge(batch);
            return batch;
        }
        long cursor = db.read(c -> state.cursors(c, remote)).getOrDefault(batch.device(), 0L);
        if (batch.seq() != cursor + 1) {
            return batch;
        }
        RemoteApply.Stats stats = db.write("Merging batch " + batch.seq() + " of device " + batch.device(),
                s -> merge(s, batch));
        count(stats);
        return batch;
    }

    @Override
    public void appendAll(List<Batch> batches) {
        if (batches.size() < 2) {
            batches.forEach(this::append);
            return;
        }
        RemoteApply.Stats stats = db.write("Merging " + batches.size() + " batches", s -> {
            // One merge for the whole group: an entity many batches touch is read once and its row
            // written once (docs/PERFORMANCE.md, "A device back from holiday").
            Map<UUID, Long> cursors = new HashMap<>(state.cursors(s.sql().connection(), remote));
            List<Batch> taken = new ArrayList<>(batches.size());
            for (Batch batch : batches) {
                if (batch.device().equals(self)) {
                    throw new IllegalArgumentException("appendAll takes other devices' batches");
                }
                if (batch.seq() == cursors.getOrDefault(batch.device(), 0L) + 1) {
                    cursors.put(batch.device(), batch.seq());
                    taken.add(batch);
                }
            }
            long unpushedAfter = state.pushed(s.sql().connection(), remote).changeSeq();
            RemoteApply.Stats st = apply.applyAll(s, admitted(s, taken), db.wallMillis(), unpushedAfter);
            for (Batch batch : taken) {
                moveCursor(s, batch);
            }
            return st;
        });
        count(stats);
    }

    /** Merges another device's next batch and moves its cursor, in the caller's transaction. */
    private RemoteApply.Stats merge(WriteSession s, Batch batch) throws SQLException {
        // Own changes past the push cursor are not on this remote: a delete in the batch cannot have seen them.
        long unpushedAfter = state.pushed(s.sql().connection(), remote).changeSeq();
        RemoteApply.Stats st = apply.applyAll(s, admitted(s, List.of(batch)), db.wallMillis(), unpushedAfter);
        moveCursor(s, batch);
        return st;
    }

    /** Records {@code batch} as merged: its device's cursor, the volume since the snapshot, and that it is found. */
    private void moveCursor(WriteSession s, Batch batch) throws SQLException {
        state.setCursor(s.sql(), remote, batch.device(), batch.seq());
        state.addVolume(s.sql(), remote, batch.changes().size());
        state.foundAgain(s.sql(), remote, batch.device());
    }

    /**
     * Records that the remote holds {@code stored} as this device's batch. Normally it is the batch
     * just cut; after a crash between upload and this record it may be an earlier cut, so the push
     * cursor moves only over the leading own changes the stored batch really contains. A stored
     * batch with changes this database did not push was written by another installation under this
     * device id ({@link DeviceIdTaken}).
     */
    private void acknowledge(Batch stored) {
        Set<UUID> ids = new HashSet<>();
        stored.changes().forEach(c -> ids.add(c.id()));
        db.write("Recording push of batch " + stored.seq(), s -> {
            Pushed p = state.pushed(s.sql().connection(), remote);
            long changeSeq = p.changeSeq();
            int matched = 0;
            ScopeCheck check = ScopeCheck.all(scope) ? null : new ScopeCheck(scope);
            walk:
            while (matched < stored.changes().size()) {
                List<Local> chunk = state.own(s.sql().connection(), self, changeSeq, 0,
                        check == null ? stored.changes().size() - matched : BatchCut.SCAN);
                for (Local l : chunk) {
                    if (ids.contains(l.change().id())) {
                        matched++;
                    } else if (check == null || check.includes(s.sql().connection(), l.change().table(), l.change().entity())) {
                        break walk;
                    }
                    changeSeq = l.seq();
                    if (matched == stored.changes().size()) {
                        break walk;
                    }
                }
                if (chunk.isEmpty() || check == null) {
                    break;
                }
            }
            if (matched < stored.changes().size()) {
                // Not an earlier cut of ours (a crash between its upload and this record): another
                // installation wrote this slot under our id. The transaction rolls back.
                throw new DeviceIdTaken(self, "Batch " + stored.seq() + " of device " + self + " on the remote holds "
                        + (stored.changes().size() - matched) + " changes this database did not push");
            }
            state.setPushed(s.sql(), remote, new Pushed(stored.seq(), changeSeq));
            PushTally tally = PushTally.read(s.sql().connection(), remote, self);
            if (tally != null) {
                // What went into the slot, for the check that reads it back (OwnBatchCheck).
                PushTally.write(s.sql(), remote, self, tally.plus(ids));
            }
            state.addVolume(s.sql(), remote, matched);
            pushed += matched;
            return null;
        });
    }

    @Override
    public void publishHead(UUID device, long seq, Map<UUID, Long> cursors) {
        // The push state is committed with each batch; this records only that the remote was told,
        // so a later listing that lacks the head shows the server lost or hides it.
        db.write("Recording head " + seq, s -> {
            state.setPublishedHead(s.sql(), remote, device, seq);
            state.foundAgain(s.sql(), remote, device);
            return null;
        });
    }

    @Override
    public boolean missingTooLong(UUID device, long seq) {
        long now = db.wallMillis();
        long since = db.write("Noting missing batch " + seq + " of device " + device,
                s -> state.missingSince(s.sql(), remote, device, seq, now));
        return now - since >= MISSING_GRACE_MILLIS;
    }

    @Override
    public long publishedHead(UUID device) {
        return db.read(c -> state.publishedHead(c, remote, device));
    }

    @Override
    public Unconfirmed unconfirmed(UUID device) {
        if (!device.equals(self)) {
            return null;
        }
        boolean[] untracked = {false};
        Unconfirmed pending = db.read(c -> {
            Pushed p = state.pushed(c, remote);
            Pushed confirmed = state.confirmed(c, remote, self);
            PushTally tally = PushTally.read(c, remote, self);
            untracked[0] = confirmed == null || tally == null;
            if (untracked[0] || p.batchSeq() <= confirmed.batchSeq()) {
                return null;
            }
            // Every own change in the range, whatever this remote's scope takes: the scope decides
            // by an entity's values now, which may differ from when the batch was cut (a list shared
            // since, a todo moved into a shared list). The tally says which of them were pushed.
            return new Unconfirmed(confirmed.batchSeq() + 1, p.batchSeq(), p.changeSeq(),
                    state.ownIds(c, self, confirmed.changeSeq(), p.changeSeq()), tally);
        });
        if (untracked[0]) {
            // First sync of this id here (or of a database from before the check or the tally):
            // what was pushed before is taken as confirmed; the check covers pushes from now on.
            db.write("Recording confirmed push", s -> {
                state.setConfirmed(s.sql(), remote, self, state.pushed(s.sql().connection(), remote));
                return null;
            });
        }
        return pending;
    }

    @Override
    public void confirm(UUID device, Unconfirmed checked) {
        db.write("Confirming push up to batch " + checked.toBatch(), s -> {
            PushTally now = PushTally.read(s.sql().connection(), remote, device);
            state.setConfirmed(s.sql(), remote, device, new Pushed(checked.toBatch(), checked.toChange()));
            if (now != null && !now.equals(checked.pushed())) {
                // Pushed after the check read the tally: still to be confirmed.
                PushTally.write(s.sql(), remote, device, now.minus(checked.pushed()));
            }
            return null;
        });
    }

    /**
     * Moves the push back to the last confirmed batch ({@link OwnBatchesReplaced}): a new device id
     * then reads the old id's batches after it and pushes this database's later changes again.
     */
    void rewindToConfirmed() {
        db.write("Rewinding push to the last confirmed batch", s -> {
            Pushed confirmed = state.confirmed(s.sql().connection(), remote, self);
            if (confirmed != null) {
                state.setPushed(s.sql(), remote, confirmed);
                PushTally.write(s.sql(), remote, self, PushTally.NONE);
            }
            return null;
        });
    }

    @Override
    public void setAside(UUID device, long seq, String problem) {
        db.write("Setting aside batch " + seq + " of device " + device, s -> {
            if (!device.equals(self)) {
                // An own slot burnt by junk holds nothing of ours (its changes go into the next
                // slot), so there is nothing to read again and nothing missing here.
                quarantine.setAside(s.sql(), remote, device, seq, RemoteChangelog.batchKey(device, seq), problem,
                        db.wallMillis());
            }
            state.foundAgain(s.sql(), remote, device);
            if (device.equals(self)) {
                Pushed p = state.pushed(s.sql().connection(), remote);
                if (seq == p.batchSeq() + 1) {
                    state.setPushed(s.sql(), remote, new Pushed(seq, p.changeSeq()));
                }
            } else if (seq == state.cursors(s.sql().connection(), remote).getOrDefault(device, 0L) + 1) {
                state.setCursor(s.sql(), remote, device, seq);
            }
            return null;
        });
        skipped++;
    }

    @Override
    public List<Slot> setAsideDue() {
        List<Slot> due = new ArrayList<>();
        db.read(c -> quarantine.due(c, remote, db.wallMillis(), QUARANTINE_RETRIES))
                .forEach(q -> due.add(new Slot(q.device(), q.seq())));
        return due;
    }

    @Override
    public void recover(Batch batch) {
        RemoteApply.Stats stats = db.write("Merging set-aside batch " + batch.seq() + " of device "
                + batch.device(), s -> {
            RemoteApply.Stats st = apply.applyAll(s, admitted(s, List.of(batch)), db.wallMillis(), Long.MAX_VALUE);
            quarantine.release(s.sql(), remote, batch.device(), batch.seq());
            state.addVolume(s.sql(), remote, batch.changes().size());
            return st;
        });
        count(stats);
    }

    /** Other devices' changes of {@code batches} to merge: all, or in a shared space those inside it. */
    private List<RemoteApply.Authored> admitted(WriteSession s, List<Batch> batches) throws SQLException {
        if (intake != null) {
            return intake.admitted(s, batches);
        }
        List<RemoteApply.Authored> all = new ArrayList<>();
        for (Batch b : batches) {
            b.changes().forEach(c -> all.add(new RemoteApply.Authored(b.device(), c)));
        }
        return all;
    }

    /** The entries of snapshot {@code object} to load: all, or in a shared space those inside it. */
    List<SnapshotEntry> admittedSnapshot(WriteSession s, String object, List<SnapshotEntry> entries) throws SQLException {
        return intake == null ? entries : intake.admittedSnapshot(s, object, entries);
    }

    /** Judges again the changes that waited for an entity, when no batch brought one this sync (a snapshot may have). */
    void retryWaiting() {
        if (intake == null || db.read(c -> RefusedChanges.all(c, remote, true)).isEmpty()) {
            return;
        }
        RemoteApply.Stats stats = db.write("Merging changes that waited for their entity",
                s -> apply.applyAll(s, intake.admitted(s, List.of()), db.wallMillis(), Long.MAX_VALUE));
        count(stats);
    }

    private void count(RemoteApply.Stats stats) {
        pulled += stats.pulled();
        merged += stats.merged();
        conflicts += stats.conflicts();
        if (stats.aheadMillis() > aheadMillis) {
            aheadMillis = stats.aheadMillis();
            aheadDevice = stats.aheadAuthor();
        }
    }

    /** Plain-words notes for the sync report besides unreadable objects: a device's clock far ahead. */
    List<String> notes() {
        if (aheadMillis == 0) {
            return List.of();
        }
        return List.of("Device " + aheadDevice + " dates its changes up to " + Duration.ofMillis(aheadMillis)
                .toMinutes() + " minutes ahead of this device's clock; one of the two clocks is wrong. Its changes are"
                + " merged; edits made here after seeing them still win.");
    }
}
