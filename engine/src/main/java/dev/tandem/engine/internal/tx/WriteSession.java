package dev.tandem.engine.internal.tx;

import dev.tandem.engine.ChangeEvent;
import dev.tandem.engine.internal.store.SchemaSnapshot;
import dev.tandem.engine.internal.store.StatementCache;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The state of one write transaction: the writer's statements, the schema it runs against, the
 * tables SQLite reported written (through the update hook, so trigger side effects count), and
 * the row events to publish once it commits. Discarded on rollback, so nobody hears of it.
 */
public final class WriteSession {
    /** A row's key; equals and hashCode written out, as {@code MergeBatch.Key}'s are (a record's first link). */
    private record Key(String table, String id) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(table, k.table) && Objects.equals(id, k.id);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(table) + Objects.hashCode(id);
        }
    }

    /** Switches the writer's per-row update hook on or off. */
    @FunctionalInterface
    interface RowHook {
        void enable(boolean on) throws SQLException;
    }

    private final StatementCache sql;
    private final SchemaSnapshot schema;
    private final RowHook rowHook;
    private final Set<String> touched = new HashSet<>();
    private final Map<Key, ChangeEvent.Kind> events = new LinkedHashMap<>();
    /** Per lower-case table: row writes SQLite reported, and row events recorded; see {@link #exactTables}. */
    private final Map<String, int[]> hookWrites = new HashMap<>();
    private final Map<String, int[]> eventWrites = new HashMap<>();
    private boolean bulk;
    private boolean local;

    WriteSession(StatementCache sql, SchemaSnapshot schema, RowHook rowHook) {
        this.sql = sql;
        this.schema = schema;
        this.rowHook = rowHook;
    }

    public StatementCache sql() {
        return sql;
    }

    public SchemaSnapshot schema() {
        return schema;
    }

    /**
     * Runs bulk work (such as a bootstrap from a snapshot) with SQLite's update hook off: it calls
     * into Java for every row written, a large share of the cost of writing 100k rows. As the hook
     * then cannot tell which tables the work wrote (triggers may write any), every table of the
     * schema counts as written, so every subscribed query re-runs after the commit.
     */
    public <R> R withoutRowHook(Writer.Work<R> work) throws SQLException {
        rowHook.enable(false);
        R result;
        try {
            result = work.run(this);
        } catch (SQLException | RuntimeException | Error e) {
            try {
                rowHook.enable(true);
            } catch (SQLException | RuntimeException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
        rowHook.enable(true);
        touched.addAll(schema.tableNames());
        bulk = true;
        return result;
    }

    void touched(String table) {
        String t = table.toLowerCase(Locale.ROOT);
        touched.add(t);
        hookWrites.computeIfAbsent(t, k -> new int[1])[0]++;
    }

    /**
     * Notes that the transaction appended a change authored here: what makes its commit
     * {@link ChangeEvent.Origin#LOCAL}, so a sync listener hears of exactly the commits it has to push.
     */
    public void recordedLocal() {
        local = true;
    }

    ChangeEvent.Origin origin() {
        return local ? ChangeEvent.Origin.LOCAL : ChangeEvent.Origin.SYNC;
    }

    Set<String> touchedTables() {
        return touched;
    }

    /** Records a row event, folding several events on one row into what a reader would see. */
    public void event(ChangeEvent.Kind kind, String table, String id) {
        String t = table.toLowerCase(Locale.ROOT);
        // SQLite's update hook is silent for WITHOUT ROWID tables: the event alone says it was written.
        touched.add(t);
        eventWrites.computeIfAbsent(t, k -> new int[1])[0]++;
        Key key = new Key(table, id);
        ChangeEvent.Kind before = events.get(key);
        ChangeEvent.Kind after = kind;
        if (before == ChangeEvent.Kind.INSERT) {
            if (kind == ChangeEvent.Kind.DELETE) {
                events.remove(key);
                return;
            }
            after = ChangeEvent.Kind.INSERT;
        } else if (before == ChangeEvent.Kind.DELETE && kind == ChangeEvent.Kind.INSERT) {
            after = ChangeEvent.Kind.UPDATE;
        }
        events.put(key, after);
    }

    /**
     * The written tables whose row events name every row written. Each event stands for exactly
     * one row write by the code that records it, so a table is exact when SQLite reported as many
     * writes to it as events were recorded: a trigger, a cascade or a plain SQL write to the table
     * adds reported writes without events, and a table SQLite does not report adds events without
     * writes. Nothing is exact after bulk work with the hook off.
     */
    Set<String> exactTables() {
        if (bulk) {
            return Set.of();
        }
        Set<String> exact = new HashSet<>();
        eventWrites.forEach((table, n) -> {
            int[] hooked = hookWrites.get(table);
            if (hooked != null && hooked[0] == n[0]) {
                exact.add(table);
            }
        });
        return exact;
    }

    List<ChangeEvent> events() {
        List<ChangeEvent> list = new ArrayList<>(events.size());
        events.forEach((k, kind) -> list.add(new ChangeEvent(kind, k.table(), k.id())));
        return list;
    }
}
