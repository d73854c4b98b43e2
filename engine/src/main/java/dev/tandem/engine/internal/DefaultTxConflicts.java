package dev.tandem.engine.internal;

import dev.tandem.engine.TxConflicts;
import dev.tandem.engine.internal.capture.LostValues;
import dev.tandem.engine.internal.store.SqlErrors;
import dev.tandem.engine.internal.store.SqlValues;
import dev.tandem.engine.internal.tx.WriteSession;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import java.util.function.LongSupplier;

/** The {@link TxConflicts} of one open transaction, {@code session}: every call joins it. */
record DefaultTxConflicts(WriteSession session, LostValues lost, LongSupplier now) implements TxConflicts {

    @Override
    public void keepOutsideLoser(String table, String id, String field, Object lostValue, String author, Instant at) {
        UUID from = authorId(author);
        try {
            lost.outsideLost(session, table, id, field, SqlValues.toSql(lostValue, table + "." + field), from, at.toEpochMilli(),
                    now.getAsLong());
        } catch (SQLException e) {
            throw SqlErrors.wrap("Keeping a lost value of " + table + "." + field + " for " + id, e);
        }
    }

    @Override
    public boolean keepReplacedChange(String table, String id, String field, String changeId, String author) {
        UUID from = authorId(author);
        try {
            return lost.replaced(session, table, id, field, UUID.fromString(changeId), from, now.getAsLong());
        } catch (SQLException e) {
            throw SqlErrors.wrap("Keeping the replaced value of " + table + "." + field + " for " + id, e);
        }
    }

    private static UUID authorId(String author) {
        try {
            return UUID.fromString(author);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("author: must be a UUID, was " + author, e);
        }
    }
}
