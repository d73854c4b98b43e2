package dev.tandem.engine.internal.sync;

import dev.tandem.engine.internal.sync.scope.ScopeCheck;
import dev.tandem.engine.internal.SyncPort;
import dev.tandem.engine.internal.changelog.ChangeData;
import dev.tandem.engine.internal.changelog.FieldCodec;
import dev.tandem.engine.internal.changelog.SyncLimits;
import dev.tandem.engine.internal.changelog.SyncState.Local;
import dev.tandem.engine.internal.changelog.SyncState.Pushed;
import dev.tandem.engine.internal.changelog.SyncState;
import dev.tandem.engine.internal.wire.Batch;
import dev.tandem.engine.sync.SyncScope;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Cuts this database's next own batch for one remote ({@link DbChangelog#batch}): the own changes
 * after the push cursor, at most {@code cap} of them and within the size budget, in local order;
 * for a scoped remote only those of the entities its scope holds.
 */
final class BatchCut {
    /** Own changes read per step when a scope passes some over. */
    static final int SCAN = 512;

    private final SyncPort db;
    private final String remote;
    private final int cap;
    private final SyncScope scope;
    private final UUID self;
    private final SyncState state = new SyncState();

    BatchCut(SyncPort db, String remote, int cap, SyncScope scope) {
        this.db = db;
        this.remote = remote;
        this.cap = cap;
        this.scope = scope;
        this.self = db.deviceUuid();
    }

    /** Own batch {@code seq}, when it is the next one and own changes wait; empty otherwise. */
    Optional<Batch> next(long seq) {
        Pushed p = db.read(c -> state.pushed(c, remote));
        // Batches are cut one at a time, each after the previous one is recorded: a cut's end
        // depends on its size, so a batch further ahead cannot be known yet.
        if (seq != p.batchSeq() + 1) {
            return Optional.empty();
        }
        if (!ScopeCheck.all(scope)) {
            return scopedBatch(p, seq);
        }
        // At most cap changes and the size budget (a large change travels alone), so no batch ever
        // exceeds what readers accept: one they refuse would be set aside on every other device.
        List<Local> own = db.read(c -> state.own(c, self, p.changeSeq(), 0,
                state.ownFitting(c, self, p.changeSeq(), cap, SyncLimits.BATCH_BYTES)));
        if (own.isEmpty()) {
            return Optional.empty();
        }
        List<ChangeData> changes = new ArrayList<>(own.size());
        own.forEach(l -> changes.add(l.change()));
        return Optional.of(new Batch(self, seq, changes));
    }

    /**
     * The next batch of a scoped remote: the own changes after the push cursor that the scope
     * holds, within the same count and size bounds. Changes outside it are passed over; when none
     * inside follows, the push cursor moves past them, so the next cut does not read them again.
     */
    private Optional<Batch> scopedBatch(Pushed p, long seq) {
        ScopeCheck check = new ScopeCheck(scope);
        List<ChangeData> picked = new ArrayList<>();
        long[] scanned = {p.changeSeq()};
        db.read(c -> {
            long bytes = 0;
            while (true) {
                List<Local> chunk = state.own(c, self, scanned[0], 0, SCAN);
                for (Local l : chunk) {
                    if (!check.includes(c, l.change().table(), l.change().entity())) {
                        scanned[0] = l.seq();
                        continue;
                    }
                    long size = 24 + l.change().entity().length() * 3L + 2L * FieldCodec.encode(l.change().fields()).length;
                    if (!picked.isEmpty() && (picked.size() >= cap || bytes + size > SyncLimits.BATCH_BYTES)) {
                        return null;
                    }
                    picked.add(l.change());
                    bytes += size;
                    scanned[0] = l.seq();
                }
                if (chunk.size() < SCAN) {
                    return null;
                }
            }
        });
        if (picked.isEmpty()) {
            if (scanned[0] > p.changeSeq()) {
                db.write("Passing over changes " + remote + " does not take", s -> {
                    Pushed now = state.pushed(s.sql().connection(), remote);
                    if (now.equals(p)) {
                        state.setPushed(s.sql(), remote, new Pushed(p.batchSeq(), scanned[0]));
                    }
                    return null;
                });
            }
            return Optional.empty();
        }
        return Optional.of(new Batch(self, seq, picked));
    }
}
