package dev.tandem.engine.internal.changelog;

import dev.tandem.engine.Tx;
import dev.tandem.engine.internal.store.StatementCache;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

/**
 * Idempotency keys ({@link Tx#claim}): one row per key, written in the claiming transaction, so the
 * key and the writes it guards commit together or not at all; that is what makes a replay after a
 * crash apply once. A rowid table, so the oldest claims are found by rowid without an index: each
 * claim that inserts also forgets at most {@link #FORGET_PER_CLAIM} claims older than
 * {@link Tx#CLAIM_DAYS}, so the table stays as large as a window of claims, never scanned whole.
 */
public final class Claims {
    static final String DDL = "CREATE TABLE IF NOT EXISTS _tandem_claim(key TEXT NOT NULL UNIQUE, at INTEGER NOT NULL)";
    private static final int FORGET_PER_CLAIM = 4;

    private Claims() {
    }

    /** True if {@code key} was not claimed before (and now is), in the caller's write transaction. */
    public static boolean claim(StatementCache sql, String key, long nowMillis) throws SQLException {
        if (key == null || key.isBlank() || key.length() > Tx.CLAIM_KEY_CHARS) {
            throw new IllegalArgumentException("key: must be 1 to " + Tx.CLAIM_KEY_CHARS + " characters, not blank");
        }
        PreparedStatement insert = sql.get("INSERT OR IGNORE INTO _tandem_claim(key, at) VALUES (?, ?)");
        insert.setString(1, key);
        insert.setLong(2, nowMillis);
        if (insert.executeUpdate() == 0) {
            return false;
        }
        PreparedStatement forget = sql.get("DELETE FROM _tandem_claim WHERE rowid IN (SELECT rowid FROM _tandem_claim"
                + " ORDER BY rowid LIMIT " + FORGET_PER_CLAIM + ") AND at < ?");
        forget.setLong(1, nowMillis - TimeUnit.DAYS.toMillis(Tx.CLAIM_DAYS));
        forget.executeUpdate();
        return true;
    }
}
