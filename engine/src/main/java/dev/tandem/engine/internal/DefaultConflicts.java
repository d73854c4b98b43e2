package dev.tandem.engine.internal;

import dev.tandem.engine.Conflict;
import dev.tandem.engine.Conflicts;
import dev.tandem.engine.Subscription;
import dev.tandem.engine.internal.capture.LostValues;
import dev.tandem.engine.internal.changelog.ConflictStore;
import dev.tandem.engine.internal.clock.HybridClock;
import dev.tandem.engine.internal.reactive.Dispatcher;
import dev.tandem.engine.internal.tx.Writer;
import dev.tandem.engine.internal.tx.WriteSession;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The {@link Conflicts} of a {@link DefaultDb}: reads go to the reader pool, each write is a
 * transaction of its own through the database's one {@link Writer}, and the list is watched as a
 * query of {@code _tandem_conflict}.
 */
final class DefaultConflicts implements Conflicts {
    private final Writer writer;
    private final Reader reader;
    private final Dispatcher dispatcher;
    private final OtherWriters otherWriters;
    private final ConflictStore conflicts;
    private final LostValues lostValues;
    private final HybridClock clock;

    DefaultConflicts(Writer writer, Reader reader, Dispatcher dispatcher, OtherWriters otherWriters,
                     ConflictStore conflicts, LostValues lostValues, HybridClock clock) {
        this.writer = writer;
        this.reader = reader;
        this.dispatcher = dispatcher;
        this.otherWriters = otherWriters;
        this.conflicts = conflicts;
        this.lostValues = lostValues;
        this.clock = clock;
    }

    /** The conflict operations of the transaction {@code s}, as {@code Tx.conflicts()} hands them out. */
    DefaultTxConflicts in(WriteSession s) {
        return new DefaultTxConflicts(s, lostValues, clock::wallMillis);
    }

    @Override
    public List<Conflict> list() {
        return reader.read(conflicts::list);
    }

    @Override
    public Optional<Conflict> get(long conflictId) {
        return reader.read(c -> conflicts.get(c, conflictId));
    }

    @Override
    public Subscription subscribe(Consumer<List<Conflict>> onResult) {
        otherWriters.start();
        return dispatcher.subscribe("SELECT * FROM _tandem_conflict", conflicts::list, onResult, null);
    }

    @Override
    public void markSeen() {
        writer.write("Marking conflicts seen", s -> {
            conflicts.markSeen(s);
            return null;
        });
    }

    @Override
    public void dismiss(long conflictId) {
        writer.write("Dismissing conflict " + conflictId, s -> {
            conflicts.dismiss(s, conflictId);
            return null;
        });
    }

    @Override
    public void useLostValue(long conflictId) {
        writer.write("Using the lost value of conflict " + conflictId, s -> {
            lostValues.use(s, conflictId);
            return null;
        });
    }

    @Override
    public void keepOutsideLoser(String table, String id, String field, Object lostValue, String author, Instant at) {
        writer.write("Transaction", s -> {
            in(s).keepOutsideLoser(table, id, field, lostValue, author, at);
            return null;
        });
    }

    @Override
    public boolean keepReplacedChange(String table, String id, String field, String changeId, String author) {
        return writer.write("Transaction", s -> in(s).keepReplacedChange(table, id, field, changeId, author));
    }
}
