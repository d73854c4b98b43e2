package dev.tandem.engine.internal.apply;

import dev.tandem.engine.ChangeEvent;
import dev.tandem.engine.internal.changelog.ChangelogStore;
import dev.tandem.engine.internal.store.SchemaSnapshot.TableInfo;
import dev.tandem.engine.internal.tx.WriteSession;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Entities whose winning attributes the user table cannot show right now, so their row is held
 * back ({@code _tandem_pending}) instead of failing the transaction that wrote them:
 * <ul>
 *   <li>the row would break a foreign key: its parent was deleted elsewhere, or has not arrived;</li>
 *   <li>the row breaks another constraint of this schema (NOT NULL, CHECK, UNIQUE, a STRICT type):
 *       a remote change is data, and one bad value must not stop a device's sync for good.</li>
 * </ul>
 * Winners stay in the changelog either way, so nothing is lost: a held row is written as soon as
 * its parent row appears (by merge or by a local save or restore) or a migration changes the table.
 *
 * <p>Whether a row is held depends only on its winners and on the rows it refers to, never on the
 * order changes arrived in, so replicas that merged the same changes hold the same rows. UNIQUE
 * is the exception: which of two clashing rows is held depends on which came first.
 */
public final class HeldRows {
    private static final System.Logger LOG = System.getLogger(HeldRows.class.getName());
    /** SQLITE_CONSTRAINT and SQLITE_MISMATCH: the row's values do not fit the table. */
    static final int CONSTRAINT = 19;
    static final int MISMATCH = 20;

    private final ChangelogStore log;
    private final Materializer materializer;

    public HeldRows(ChangelogStore log, Materializer materializer) {
        this.log = log;
        this.materializer = materializer;
    }

    /**
     * Writes the entity's row from its winners, or holds it back when the table refuses the row.
     * Works with deferred foreign keys (merge) and immediate ones (local writes) alike: each row is
     * tried under its own savepoint, so a refused row leaves the rest of the transaction intact.
     */
    public void materializeOrHold(WriteSession s, TableInfo table, String entity) throws SQLException {
        Connection c = s.sql().connection();
        Savepoint before = c.setSavepoint();
        ChangeEvent.Kind kind;
        try {
            kind = materializer.materialize(s, table, entity, log.winners(s.sql(), table.name(), entity));
            c.releaseSavepoint(before);
        } catch (SQLException e) {
            int code = e.getErrorCode() & 0xFF;
            if (code != CONSTRAINT && code != MISMATCH) {
                throw e;
            }
            c.rollback(before);
            c.releaseSavepoint(before);
            // A missing parent is routine (it may arrive later); any other refusal is worth a look.
            boolean parentMissing = String.valueOf(e.getMessage()).contains("FOREIGN KEY");
            LOG.log(parentMissing ? System.Logger.Level.DEBUG : System.Logger.Level.WARNING, "Holding back "
                    + table.name() + " '" + entity + "': the table refuses its values (" + e.getMessage() + ")");
            kind = remove(s, table, entity);
            materializer.setPending(s.sql(), table.name(), entity, true);
        }
        if (kind != null) {
            s.event(kind, table.name(), entity);
        }
    }

    /**
     * Rows of {@code writtenTables} may have appeared: tries again the held entities of tables
     * that refer to them. Call after any write that can create a parent row.
     */
    public void retryChildrenOf(WriteSession s, Set<String> writtenTables) throws SQLException {
        if (writtenTables.stream().noneMatch(s.schema()::isParent)) {
            return; // no table has a foreign key to these: nothing can be held for want of them
        }
        Set<String> written = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        written.addAll(writtenTables);
        retry(s, t -> t.parents().stream().anyMatch(written::contains));
    }

    /** Tries again every held entity: after a migration, which may add the tables or columns they need. */
    public void retryAll(WriteSession s) throws SQLException {
        retry(s, t -> true);
    }

    private void retry(WriteSession s, Predicate<TableInfo> which) throws SQLException {
        List<String[]> pending = new ArrayList<>();
        try (ResultSet rs = s.sql().get("SELECT tbl, entity FROM _tandem_pending").executeQuery()) {
            while (rs.next()) {
                pending.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        for (String[] p : pending) {
            TableInfo t = s.schema().syncTarget(p[0]).orElse(null);
            if (t != null && which.test(t)) {
                materializeOrHold(s, t, p[1]);
            }
        }
    }

    /** Removes rows whose parent is missing and holds them, so a merge with deferred keys can commit. */
    public void holdOrphans(WriteSession s) throws SQLException {
        List<Object[]> orphans = new ArrayList<>();
        try (ResultSet rs = s.sql().get("PRAGMA foreign_key_check").executeQuery()) {
            while (rs.next()) {
                orphans.add(new Object[] {rs.getString(1), rs.getLong(2)});
            }
        }
        for (Object[] o : orphans) {
            TableInfo t = s.schema().table((String) o[0]).orElse(null);
            if (t == null || t.column("id").isEmpty()) {
                continue;
            }
            PreparedStatement find = s.sql().get("SELECT \"id\" FROM " + t.quoted() + " WHERE rowid = ?");
            find.setLong(1, (Long) o[1]);
            String entity;
            try (ResultSet rs = find.executeQuery()) {
                if (!rs.next()) {
                    continue;
                }
                entity = rs.getString(1);
            }
            ChangeEvent.Kind kind = remove(s, t, entity);
            materializer.setPending(s.sql(), t.name(), entity, true);
            if (kind != null) {
                s.event(kind, t.name(), entity);
            }
        }
    }

    private static ChangeEvent.Kind remove(WriteSession s, TableInfo t, String entity) throws SQLException {
        PreparedStatement delete = s.sql().get("DELETE FROM " + t.quoted() + " WHERE \"id\" = ?");
        delete.setString(1, entity);
        return delete.executeUpdate() > 0 ? ChangeEvent.Kind.DELETE : null;
    }
}
