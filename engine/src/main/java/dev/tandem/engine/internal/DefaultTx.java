package dev.tandem.engine.internal;

import dev.tandem.engine.Tx;
import dev.tandem.engine.TxConflicts;
import dev.tandem.engine.internal.capture.ChangeCapture;
import dev.tandem.engine.internal.changelog.Claims;
import dev.tandem.engine.internal.mapping.RecordType;
import dev.tandem.engine.internal.store.SqlErrors;
import dev.tandem.engine.internal.tx.WriteSession;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;

/** The {@link Tx} handed to {@code Db.transaction}: every call joins the one open transaction. */
final class DefaultTx implements Tx {
    private final WriteSession session;
    private final ChangeCapture capture;
    private final Reader reader;
    private final TxConflicts conflicts;
    private final LongSupplier now;

    DefaultTx(WriteSession session, ChangeCapture capture, Reader reader, TxConflicts conflicts, LongSupplier now) {
        this.now = now;
        this.session = session;
        this.capture = capture;
        this.reader = reader;
        this.conflicts = conflicts;
    }

    @Override
    public <T extends Record> T save(T record) {
        RecordType<T> type = RecordType.of(rawClass(record));
        try {
            return capture.save(session, type, record);
        } catch (SQLException e) {
            throw SqlErrors.wrap("Saving " + type.type().getSimpleName() + " to table '" + type.table() + "'", e);
        }
    }

    @Override
    public <T extends Record> Optional<T> get(Class<T> type, String id) {
        return reader.get(type, id);
    }

    @Override
    public <T extends Record> List<T> query(Class<T> type, String sql, Object... params) {
        return reader.query(type, sql, params);
    }

    @Override
    public <T extends Record> boolean delete(Class<T> type, String id) {
        RecordType<T> rt = RecordType.of(type);
        try {
            return capture.delete(session, rt, id);
        } catch (SQLException e) {
            throw SqlErrors.wrap("Deleting " + id + " from table '" + rt.table() + "'", e);
        }
    }

    @Override
    public <T extends Record> Optional<T> restore(Class<T> type, String id) {
        RecordType<T> rt = RecordType.of(type);
        try {
            capture.restore(session, rt, id);
        } catch (SQLException e) {
            throw SqlErrors.wrap("Restoring " + id + " in table '" + rt.table() + "'", e);
        }
        return reader.get(type, id);
    }

    @Override
    public boolean claim(String key) {
        try {
            return Claims.claim(session.sql(), key, now.getAsLong());
        } catch (SQLException e) {
            throw SqlErrors.wrap("Claiming an idempotency key", e);
        }
    }

    @Override
    public TxConflicts conflicts() {
        return conflicts;
    }

    @SuppressWarnings("unchecked")
    private static <T extends Record> Class<T> rawClass(T record) {
        if (record == null) {
            throw new IllegalArgumentException("record: must not be null");
        }
        return (Class<T>) record.getClass();
    }
}
