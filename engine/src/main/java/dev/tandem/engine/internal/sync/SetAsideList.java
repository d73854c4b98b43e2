package dev.tandem.engine.internal.sync;

import dev.tandem.engine.internal.sync.scope.RefusedChanges;
import dev.tandem.engine.internal.SyncPort;
import dev.tandem.engine.internal.changelog.QuarantineStore;
import dev.tandem.engine.sync.SetAside;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The set-aside objects of one remote, as the public API shows them, and the changes a shared
 * space's member wrote that were not merged: those outside the space always, those that wait for
 * their entity once they have waited as long as a missing batch may; a local read.
 */
final class SetAsideList {
    private SetAsideList() {
    }

    static List<SetAside> read(SyncPort db, String remote) {
        List<SetAside> list = new ArrayList<>();
        for (QuarantineStore.Entry e : db.read(c -> new QuarantineStore().all(c, remote))) {
            list.add(new SetAside(e.key(), e.problem(), Instant.ofEpochMilli(e.firstSeen()), e.attempts()));
        }
        long now = db.wallMillis();
        for (RefusedChanges.Entry e : db.read(c -> RefusedChanges.all(c, remote, false))) {
            if (!e.waits() || now - e.firstSeen() >= DbChangelog.MISSING_GRACE_MILLIS) {
                list.add(new SetAside(e.object(), e.problem(), Instant.ofEpochMilli(e.firstSeen()), 1));
            }
        }
        return list;
    }
}
