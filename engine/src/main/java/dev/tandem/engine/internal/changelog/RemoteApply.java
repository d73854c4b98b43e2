package dev.tandem.engine.internal.changelog;

import dev.tandem.engine.Change;
import dev.tandem.engine.ChangeEvent;
import dev.tandem.engine.Conflict;
import dev.tandem.engine.internal.TxSession;
import dev.tandem.engine.internal.clock.HybridClock;
import dev.tandem.engine.internal.clock.Uuid7;
import dev.tandem.engine.internal.merge.Ancestry;
import dev.tandem.engine.internal.merge.Decision;
import dev.tandem.engine.internal.merge.FieldVersion;
import dev.tandem.engine.internal.merge.LwwMerge;
import dev.tandem.engine.internal.store.Schema;
import dev.tandem.engine.internal.store.Schema.TableInfo;
import dev.tandem.engine.internal.store.SqlValues;
import dev.tandem.engine.internal.store.StatementCache;
import dev.tandem.engine.internal.sync.Batch.ChangeData;
import dev.tandem.engine.internal.sync.Batch.FieldData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Merges changes from another device into this database, inside the caller's transaction.
 *
 * <p>Order of work, and why:
 * <ol>
 *   <li>Foreign keys are deferred to commit, and changes are applied parents-first (by the schema's
 *       foreign-key depth) and then in clock order, so a child that arrives with its parent holds.</li>
 *   <li>Each change goes into the changelog unless it is there already (idempotence), and the clock
 *       observes its id, so every later local edit wins over it.</li>
 *   <li>Each attribute is decided by {@link LwwMerge}: the winner table moves only when the
 *       incoming version wins; a concurrent loser with a different value becomes a conflict.</li>
 *   <li>Rows of entities whose winners moved are re-materialized from the winner table. Names come
 *       from the {@link Schema}; a table or column this schema lacks keeps the entity pending.</li>
 *   <li>Rows that would break a foreign key (a parent deleted elsewhere, or not yet arrived) are
 *       held back as pending rather than failing the whole merge, and retried after later merges.</li>
 * </ol>
 */
public final class RemoteApply {
    /** What one merge did. */
    public record Stats(int pulled, int merged, int conflicts) {
    }

    private final ChangelogStore log;
    private final Materializer materializer;
    private final ConflictStore conflicts;
    private final HybridClock clock;

    public RemoteApply(ChangelogStore log, Materializer materializer, ConflictStore conflicts, HybridClock clock) {
        this.log = log;
        this.materializer = materializer;
        this.conflicts = conflicts;
        this.clock = clock;
    }

    public Stats apply(TxSession s, UUID author, List<ChangeData> incoming, long nowMillis) throws SQLException {
        StatementCache sql = s.sql();
        Schema schema = s.schema();
        try (var st = sql.connection().createStatement()) {
            st.execute("PRAGMA defer_foreign_keys = ON");
        }
        List<ChangeData> ordered = new ArrayList<>(incoming);
        ordered.sort(Comparator.<ChangeData>comparingInt(c -> depth(schema, c.table(), 0))
                .thenComparing(ChangeData::id, Uuid7.ORDER));
        Ancestry ancestry = (change, field) -> {
            try {
                return log.replaced(sql, change, field);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        };
        Map<String, Set<String>> touched = new LinkedHashMap<>();
        int pulled = 0;
        int merged = 0;
        int conflictCount = 0;
        for (ChangeData c : ordered) {
            String table = schema.table(c.table()).map(TableInfo::name).orElse(c.table());
            OptionalLong added = log.appendIfNew(sql, c.id(), author, table, c.entity());
            if (added.isEmpty()) {
                continue;
            }
            long seq = added.getAsLong();
            pulled++;
            clock.observe(c.id());
            Map<String, Winner> winners = log.winners(sql, table, c.entity());
            boolean won = false;
            for (FieldData f : c.fields()) {
                if (f.name().equalsIgnoreCase("id") || (f.name().equals(Change.DELETED_FIELD)
                        && !(Long.valueOf(0L).equals(f.value()) || Long.valueOf(1L).equals(f.value())))) {
                    continue;
                }
                log.appendField(sql, seq, f.name(), f.value(), f.replaces());
                Winner cur = winners.get(f.name().toLowerCase(Locale.ROOT));
                FieldVersion current = cur == null ? null : new FieldVersion(cur.id(), cur.author(), cur.replaces());
                Decision d = LwwMerge.decide(current, new FieldVersion(c.id(), author, f.replaces()), f.name(), ancestry);
                if (d.incomingWins()) {
                    log.setWinner(sql, table, c.entity(), cur == null ? f.name() : cur.field(), seq);
                    won = true;
                }
                if (d.concurrent() && !SqlValues.same(cur.value(), f.value())) {
                    boolean recorded = conflicts.record(s, kindOf(f.name()), table, c.entity(), f.name(),
                            d.incomingWins() ? seq : cur.seq(), d.incomingWins() ? cur.seq() : seq, nowMillis);
                    conflictCount += recorded ? 1 : 0;
                }
            }
            conflictCount += editDeleteConflicts(s, table, c, author, seq, winners, nowMillis);
            if (won) {
                merged++;
                touched.computeIfAbsent(table, k -> new TreeSet<>()).add(c.entity());
            }
        }
        for (Map.Entry<String, Set<String>> e : touched.entrySet()) {
            TableInfo t = schema.table(e.getKey()).orElse(null);
            for (String entity : e.getValue()) {
                if (t == null || t.virtual()) {
                    materializer.setPending(sql, e.getKey(), entity, true);
                    continue;
                }
                ChangeEvent.Kind kind = materializer.materialize(s, t, entity, log.winners(sql, t.name(), entity));
                if (kind != null) {
                    s.event(kind, t.name(), entity);
                }
            }
        }
        if (!touched.isEmpty()) {
            retryOrphans(s, touched.keySet());
            holdOrphans(s);
        }
        return new Stats(pulled, merged, conflictCount);
    }

    private static Conflict.Kind kindOf(String field) {
        return field.equals(Change.DELETED_FIELD) ? Conflict.Kind.EDIT_DELETE : Conflict.Kind.EDIT_EDIT;
    }

    /**
     * An edit and a delete by different devices, where the edit is later in clock order than the
     * delete it did not see: the entity stays deleted (the tombstone is its own attribute and the
     * edit did not touch it), and the hidden edit is recorded so a person can bring it back.
     */
    private int editDeleteConflicts(TxSession s, String table, ChangeData c, UUID author, long seq,
                                    Map<String, Winner> before, long nowMillis) throws SQLException {
        Winner deleted = before.get(Change.DELETED_FIELD);
        int count = 0;
        boolean incomingDeletes = c.fields().stream().anyMatch(f -> f.name().equals(Change.DELETED_FIELD)
                && Long.valueOf(1L).equals(f.value()));
        if (incomingDeletes) {
            for (Winner w : before.values()) {
                if (!w.field().equals(Change.DELETED_FIELD) && !w.author().equals(author)
                        && Uuid7.ORDER.compare(w.id(), c.id()) > 0) {
                    count += conflicts.record(s, Conflict.Kind.EDIT_DELETE, table, c.entity(), w.field(), seq,
                            w.seq(), nowMillis) ? 1 : 0;
                }
            }
        } else if (deleted != null && Long.valueOf(1L).equals(deleted.value()) && !deleted.author().equals(author)
                && Uuid7.ORDER.compare(c.id(), deleted.id()) > 0
                && c.fields().stream().noneMatch(f -> f.name().equals(Change.DELETED_FIELD))) {
            for (FieldData f : c.fields()) {
                count += conflicts.record(s, Conflict.Kind.EDIT_DELETE, table, c.entity(), f.name(), deleted.seq(),
                        seq, nowMillis) ? 1 : 0;
            }
        }
        return count;
    }

    /** Pending entities of tables whose parents this merge wrote may now find their parent. */
    private void retryOrphans(TxSession s, Set<String> writtenTables) throws SQLException {
        List<String[]> pending = new ArrayList<>();
        try (ResultSet rs = s.sql().get("SELECT tbl, entity FROM _tandem_pending").executeQuery()) {
            while (rs.next()) {
                pending.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        Set<String> written = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        written.addAll(writtenTables);
        for (String[] p : pending) {
            TableInfo t = s.schema().table(p[0]).orElse(null);
            if (t == null || t.virtual() || t.parents().stream().noneMatch(written::contains)) {
                continue;
            }
            ChangeEvent.Kind kind = materializer.materialize(s, t, p[1], log.winners(s.sql(), t.name(), p[1]));
            if (kind != null) {
                s.event(kind, t.name(), p[1]);
            }
        }
    }

    /** Removes rows whose parent is missing, keeping them pending, so the merge can commit. */
    void holdOrphans(TxSession s) throws SQLException {
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
            PreparedStatement delete = s.sql().get("DELETE FROM " + t.quoted() + " WHERE \"id\" = ?");
            delete.setString(1, entity);
            delete.executeUpdate();
            materializer.setPending(s.sql(), t.name(), entity, true);
            s.event(ChangeEvent.Kind.DELETE, t.name(), entity);
        }
    }

    /** Foreign-key depth: 0 for a table without parents; unknown tables and cycles stop at 8. */
    static int depth(Schema schema, String table, int level) {
        TableInfo t = schema.table(table).orElse(null);
        if (t == null || level >= 8) {
            return level;
        }
        int max = level;
        for (String parent : t.parents()) {
            if (!parent.equalsIgnoreCase(table)) {
                max = Math.max(max, depth(schema, parent, level + 1));
            }
        }
        return max;
    }
}
