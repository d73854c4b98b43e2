package dev.tandem.app.space;

import dev.tandem.app.model.TodoStore;
import dev.tandem.engine.Db;
import dev.tandem.engine.sync.BlobSweep;
import dev.tandem.engine.sync.RemoteBlobs;
import dev.tandem.engine.sync.SyncEngine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Attachments across the personal remote and the shared lists' spaces: a shared item's files live
 * in its list's space (its scope takes the attachment rows, and each engine uploads what its own
 * batches name), every other item's on the personal remote. A fetch asks the remote of the item's
 * list first, then the others; a sweep runs on each remote against the whole database, which names
 * at least everything each remote's items name. Which list a file is attached in is the model's
 * to read ({@code store}, the profile whose database the engine's calls hand in); the database
 * itself is only passed on to the engines.
 */
final class SpaceBlobs implements RemoteBlobs {
    private final SyncEngine personal;
    private final List<SpaceSync.Named> spaces;
    /** Null for an engine that makes no call with a database: then no remote is asked first. */
    private final TodoStore store;

    SpaceBlobs(SyncEngine personal, List<SpaceSync.Named> spaces, TodoStore store) {
        this.personal = personal;
        this.spaces = spaces;
        this.store = store;
    }

    @Override
    public Fetch fetch(Db db, String id, long size) {
        for (SyncEngine e : order(id)) {
            Fetch got = e.blobs().fetch(db, id, size);
            if (got != Fetch.NOT_ON_REMOTE) {
                return got;
            }
        }
        return Fetch.NOT_ON_REMOTE;
    }

    @Override
    public BlobSweep sweep(Db db, Duration grace, boolean delete) {
        int unreferenced = 0;
        int deletable = 0;
        int deleted = 0;
        long unreferencedBytes = 0;
        long deletableBytes = 0;
        long deletedBytes = 0;
        for (SyncEngine e : order(null)) {
            BlobSweep s = e.blobs().sweep(db, grace, delete);
            unreferenced += s.unreferenced();
            unreferencedBytes += s.unreferencedBytes();
            deletable += s.deletable();
            deletableBytes += s.deletableBytes();
            deleted += s.deleted();
            deletedBytes += s.deletedBytes();
        }
        return new BlobSweep(unreferenced, unreferencedBytes, deletable, deletableBytes, deleted, deletedBytes);
    }

    @Override
    public int answer(Db db) {
        int answered = 0;
        for (SyncEngine e : order(null)) {
            answered += e.blobs().answer(db);
        }
        return answered;
    }

    /** The engines, the one holding {@code blob}'s item first when it is known. */
    private List<SyncEngine> order(String blob) {
        List<String> lists = blob == null || store == null ? List.of() : store.attachments().listsOf(blob);
        List<SyncEngine> out = new ArrayList<>();
        for (SpaceSync.Named s : spaces) {
            if (lists.contains(s.list())) {
                out.add(s.engine());
            }
        }
        if (personal != null) {
            out.add(personal);
        }
        for (SpaceSync.Named s : spaces) {
            if (!lists.contains(s.list())) {
                out.add(s.engine());
            }
        }
        return out;
    }
}
