package dev.tandem.engine.internal.sync.scope;

import dev.tandem.engine.internal.apply.RemoteApply;
import dev.tandem.engine.internal.tx.WriteSession;
import dev.tandem.engine.internal.wire.Batch;
import dev.tandem.engine.internal.wire.SnapshotEntry;
import dev.tandem.engine.sync.SyncScope;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * What a shared space's database takes in of other members' batches and snapshots: the changes
 * inside the space ({@link ScopeGuard}), judged as one group with those that waited for their
 * entity; the others recorded in {@link RefusedChanges}, named by author, in the caller's
 * transaction, so a change is merged or recorded in the same commit that moves the cursor past it.
 */
public final class SpaceIntake {
    private final SyncScope.Tree tree;
    private final String remote;
    private final Function<UUID, String> authors;
    private final LongSupplier clock;
    private final Function<Batch, String> objectOf;

    /**
     * {@code objectOf}: the remote object a batch came in, the name a refused change keeps so it
     * can be found again (the remote's layout is the changelog's to know, not this package's).
     */
    public SpaceIntake(SyncScope.Tree tree, String remote, Function<UUID, String> authors, LongSupplier clock,
            Function<Batch, String> objectOf) {
        this.tree = tree;
        this.remote = remote;
        this.authors = authors;
        this.clock = clock;
        this.objectOf = objectOf;
    }

    /** A change of another device on its way in, with where it came from. */
    private record Incoming(RemoteApply.Authored authored, String object, boolean waited) {
    }

    /**
     * The changes of {@code batches} to merge: those inside the space ({@link ScopeGuard}), judged together with the changes that waited for an entity, so one that
     * arrives now lets them in. The others are recorded in the caller's transaction, named by author.
     */
    public List<RemoteApply.Authored> admitted(WriteSession s, List<Batch> batches) throws SQLException {
        List<Incoming> incoming = new ArrayList<>();
        for (Batch b : batches) {
            String object = objectOf.apply(b);
            b.changes().forEach(c -> incoming.add(new Incoming(new RemoteApply.Authored(b.device(), c), object, false)));
        }
        for (RefusedChanges.Entry e : RefusedChanges.all(s.sql().connection(), remote, true)) {
            incoming.add(new Incoming(new RemoteApply.Authored(e.author(), e.change()), e.object(), true));
        }
        long now = clock.getAsLong();
        ScopeGuard.Judged<Incoming> judged = new ScopeGuard(tree).admit(s.sql().connection(), incoming,
                i -> i.authored().change());
        for (Map.Entry<Incoming, ScopeGuard.Verdict> o : judged.out()) {
            RemoteApply.Authored a = o.getKey().authored();
            RefusedChanges.put(s.sql(), remote, a.author(), o.getKey().object(), a.change(), "A change by "
                    + authors.apply(a.author()) + " was set aside: " + o.getValue().problem(), o.getValue().waits(), now);
        }
        List<RemoteApply.Authored> out = new ArrayList<>(judged.in().size());
        for (Incoming i : judged.in()) {
            if (i.waited()) {
                RefusedChanges.release(s.sql(), remote, i.authored().change().id());
            }
            out.add(i.authored());
        }
        return out;
    }

    /**
     * The entries of snapshot {@code object} to load: those inside the space, as for batches
     * ({@link #admitted}); the others are recorded, named by author.
     */
    public List<SnapshotEntry> admittedSnapshot(WriteSession s, String object, List<SnapshotEntry> entries) throws SQLException {
        ScopeGuard.Judged<SnapshotEntry> judged = new ScopeGuard(tree).admit(s.sql().connection(), entries,
                SnapshotEntry::change);
        long now = clock.getAsLong();
        for (Map.Entry<SnapshotEntry, ScopeGuard.Verdict> o : judged.out()) {
            SnapshotEntry e = o.getKey();
            RefusedChanges.put(s.sql(), remote, e.author(), object, e.change(), "A change by " + authors.apply(e.author())
                    + " in a snapshot was set aside: " + o.getValue().problem(), o.getValue().waits(), now);
        }
        return judged.in();
    }
}
