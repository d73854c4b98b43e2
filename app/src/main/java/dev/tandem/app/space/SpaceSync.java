package dev.tandem.app.space;

import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.engine.Db;
import dev.tandem.engine.sync.CompactionReport;
import dev.tandem.engine.sync.ConnectionCheck;
import dev.tandem.engine.sync.RemoteBlobs;
import dev.tandem.engine.sync.RemoteDevice;
import dev.tandem.engine.sync.RemoteKeys;
import dev.tandem.engine.sync.SetAside;
import dev.tandem.engine.sync.SpaceMembers;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncProgress;
import dev.tandem.engine.sync.SyncReport;
import dev.tandem.ui.messages.Messages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The personal remote and every joined shared list as one engine, so the app and {@code tandem
 * sync} sync them all at once: the personal remote first (its scope leaves the shared lists out),
 * then each shared list's space. One report adds them up; a shared list that fails is a warning of
 * the report, so it never stops the personal sync or another list. Devices, keys and the
 * connection check are the personal remote's. A profile with no personal remote syncs its shared
 * lists alone ({@code personal} null): it has no devices to list, and its check is the first list's.
 *
 * <p>The engine's calls hand it the profile's database, which it only passes on to the engines it
 * wraps. What it needs to know of the rows (a list's name for a message, which list a file is
 * attached in) it asks the model: {@code store}, whose database is the one those calls hand in
 * ({@link dev.tandem.app.model.Replica} makes them with it), so both read the same rows.
 */
public final class SpaceSync implements SyncEngine {
    private final SyncEngine personal;
    private final List<Named> spaces;
    private final BiFunction<String, SpaceLists.Rekeyed, SyncEngine> reopen;
    /** Shared lists that could not be set up, said in every report. */
    private final List<String> unusable;
    private final SpaceLists lists;
    /** The profile's model; null for an engine that makes no call with a database ({@code tandem check}). */
    private final TodoStore store;

    /** A shared list's engine, with the list's id for messages. */
    public record Named(String list, SyncEngine engine) {
    }

    /**
     * {@code reopen}: for a shared list whose passphrase stopped working (its owner removed someone
     * and changed the key), the list's engine with the passphrase sealed to this member, or null.
     * {@code lists} names each list's owner in messages, and learns it at a list's first sync here.
     */
    public SpaceSync(SyncEngine personal, List<Named> spaces, BiFunction<String, SpaceLists.Rekeyed, SyncEngine> reopen,
                      List<String> unusable, SpaceLists lists, TodoStore store) {
        this.personal = personal;
        this.spaces = new ArrayList<>(spaces);
        this.reopen = reopen;
        this.unusable = List.copyOf(unusable);
        this.lists = lists;
        this.store = store;
    }

    /** “Family”, or the list's id while the profile holds no list under it (not synced here yet). */
    private String named(String listId) {
        return named(store == null ? Optional.empty() : store.list(listId), listId);
    }

    /** “Family” for {@code list}, or {@code listId} when there is none. */
    static String named(Optional<TodoList> list, String listId) {
        return list.map(l -> Messages.text("common.space.listName", l.name())).orElse(listId);
    }

    private String didNotSync(String listId, RuntimeException e) {
        return Messages.text("common.space.didNotSync", named(listId), String.valueOf(e.getMessage()));
    }

    /**
     * The list's key changed and none was sealed to this person: its owner removed them. Said with
     * names, and with what they can do, since their changes to the list reach no one from now on.
     */
    private String removed(String listId) {
        String list = named(listId);
        String who = lists == null ? "" : lists.owner(listId).orElse("");
        return who.isEmpty() ? Messages.text("common.space.removedYou", list)
                : Messages.text("common.space.removedYouBy", list, who);
    }

    /**
     * After a list synced, with its {@code members}: learns who shared it, once, so a later removal can
     * name them ({@code named}: the list, as a message says it). Returns the report's note when that could
     * not be read, else null.
     */
    static String ownerNote(SpaceLists lists, String listId, Supplier<String> named, Supplier<SpaceMembers> members) {
        String problem = lists == null ? null : lists.learnOwner(listId, members);
        return problem == null ? null : Messages.text("common.space.ownerUnread", named.get(), problem);
    }

    /** {@code report} with {@code note} added to its notes. */
    static SyncReport withNote(SyncReport report, String note) {
        return add(List.of(report), List.of(), List.of(note));
    }

    @Override
    public SyncReport sync(Db db, SyncProgress progress) {
        List<SyncReport> all = new ArrayList<>();
        if (personal != null) {
            all.add(personal.sync(db, progress));
        }
        List<String> failed = new ArrayList<>(unusable);
        List<String> notes = new ArrayList<>();
        for (int i = 0; i < spaces.size(); i++) {
            Named s = spaces.get(i);
            try {
                all.add(s.engine().sync(db, progress));
                String note = ownerNote(lists, s.list(), () -> named(s.list()), () -> s.engine().members(db));
                if (note != null) {
                    notes.add(note);
                }
            } catch (SyncException e) {
                if (e.reason() != SyncException.Reason.WRONG_PASSPHRASE) {
                    failed.add(didNotSync(s.list(), e));
                    continue;
                }
                SyncEngine fresh;
                try {
                    fresh = reopen.apply(s.list(), (keys, storage) -> keys.rekeyedPassphrase(db, storage));
                } catch (RuntimeException notFollowed) {
                    // A grant older than the key this device has: the storage was put back. Say so.
                    failed.add(didNotSync(s.list(), notFollowed));
                    continue;
                }
                if (fresh == null) {
                    failed.add(removed(s.list()));
                    continue;
                }
                // The owner changed the list's key and sealed the new one to this member: follow it.
                s.engine().close();
                spaces.set(i, new Named(s.list(), fresh));
                try {
                    all.add(fresh.sync(db, progress));
                } catch (RuntimeException again) {
                    failed.add(didNotSync(s.list(), again));
                }
            } catch (RuntimeException e) {
                failed.add(didNotSync(s.list(), e));
            }
        }
        return add(all, failed, notes);
    }

    @Override
    public CompactionReport compact(Db db, SyncProgress progress) {
        CompactionReport first = personal == null ? null : personal.compact(db, progress);
        int batches = first == null ? 0 : first.batchesDeleted();
        int snapshots = first == null ? 0 : first.snapshotsDeleted();
        long forgotten = first == null ? 0 : first.deletedForgotten();
        boolean written = first != null && first.snapshotWritten();
        List<SyncReport> reports = new ArrayList<>();
        if (first != null) {
            reports.add(first.sync());
        }
        List<String> failed = new ArrayList<>();
        for (Named s : spaces) {
            try {
                CompactionReport r = s.engine().compact(db, progress);
                batches += r.batchesDeleted();
                snapshots += r.snapshotsDeleted();
                forgotten += r.deletedForgotten();
                written |= r.snapshotWritten();
                reports.add(r.sync());
            } catch (RuntimeException e) {
                failed.add(Messages.text("common.space.notCompacted", named(s.list()),
                        String.valueOf(e.getMessage())));
            }
        }
        return new CompactionReport(add(reports, failed), written, batches, snapshots, forgotten);
    }

    private static SyncReport add(List<SyncReport> reports, List<String> failed) {
        return add(reports, failed, List.of());
    }

    private static SyncReport add(List<SyncReport> reports, List<String> failed, List<String> moreNotes) {
        int pushed = 0;
        int pulled = 0;
        int merged = 0;
        int conflicts = 0;
        int requests = 0;
        long up = 0;
        long down = 0;
        int skipped = 0;
        Duration took = Duration.ZERO;
        List<String> warnings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<SetAside> aside = new ArrayList<>();
        for (SyncReport r : reports) {
            pushed += r.pushed();
            pulled += r.pulled();
            merged += r.merged();
            conflicts += r.conflicts();
            requests += r.requests();
            up += r.bytesUp();
            down += r.bytesDown();
            skipped += r.skipped();
            took = took.plus(r.duration());
            warnings.addAll(r.warnings());
            notes.addAll(r.notes());
            aside.addAll(r.setAside());
        }
        warnings.addAll(failed);
        notes.addAll(moreNotes);
        return new SyncReport(pushed, pulled, merged, conflicts, requests, up, down, skipped, took, warnings, notes, aside);
    }

    @Override
    public long pendingChanges(Db db) {
        long n = personal == null ? 0 : personal.pendingChanges(db);
        for (Named s : spaces) {
            n += s.engine().pendingChanges(db);
        }
        return n;
    }

    @Override
    public List<SetAside> setAside(Db db) {
        List<SetAside> all = new ArrayList<>(personal == null ? List.of() : personal.setAside(db));
        spaces.forEach(s -> all.addAll(s.engine().setAside(db)));
        return all;
    }

    @Override
    public List<RemoteDevice> devices(Db db) {
        return personal == null ? List.of() : personal.devices(db);
    }

    @Override
    public boolean forget(Db db, UUID device) {
        return personal != null && personal.forget(db, device);
    }

    @Override
    public boolean remoteChanged() {
        boolean changed = personal != null && personal.remoteChanged();
        for (Named s : spaces) {
            changed |= s.engine().remoteChanged();
        }
        return changed;
    }

    @Override
    public AutoCloseable watchRemote(Runnable onChange) {
        List<AutoCloseable> watches = new ArrayList<>();
        if (personal != null) {
            watches.add(personal.watchRemote(onChange));
        }
        for (Named s : spaces) {
            watches.add(s.engine().watchRemote(onChange));
        }
        return () -> {
            Exception first = null;
            for (AutoCloseable w : watches) {
                try {
                    w.close();
                } catch (Exception e) {
                    if (first == null) {
                        first = e;
                    } else {
                        first.addSuppressed(e);
                    }
                }
            }
            if (first != null) {
                throw first;
            }
        };
    }

    @Override
    public long requestsSoFar() {
        long n = personal == null ? 0 : personal.requestsSoFar();
        for (Named s : spaces) {
            n += s.engine().requestsSoFar();
        }
        return n;
    }

    @Override
    public ConnectionCheck check() {
        if (personal == null) {
            if (spaces.isEmpty()) {
                throw new IllegalStateException(Messages.text("common.share.noRemoteToCheck"));
            }
            return spaces.get(0).engine().check();
        }
        return personal.check();
    }

    @Override
    public String describe() {
        if (personal == null) {
            return Messages.text("common.space.describe", spaces.size());
        }
        return spaces.isEmpty() ? personal.describe()
                : Messages.text("common.space.describeWith", personal.describe(), spaces.size());
    }

    @Override
    public RemoteKeys keys() {
        if (personal == null) {
            throw new IllegalStateException(Messages.text("common.share.noPersonalRemote"));
        }
        return personal.keys();
    }

    @Override
    public RemoteBlobs blobs() {
        return new SpaceBlobs(personal, spaces, store);
    }

    @Override
    public void close() {
        RuntimeException first = null;
        for (SyncEngine e : all()) {
            try {
                e.close();
            } catch (RuntimeException ex) {
                if (first == null) {
                    first = ex;
                } else {
                    first.addSuppressed(ex);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    private List<SyncEngine> all() {
        List<SyncEngine> all = new ArrayList<>();
        if (personal != null) {
            all.add(personal);
        }
        spaces.forEach(s -> all.add(s.engine()));
        return all;
    }
}
