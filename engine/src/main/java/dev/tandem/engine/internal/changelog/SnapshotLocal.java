package dev.tandem.engine.internal.changelog;

import dev.tandem.engine.Change;
import dev.tandem.engine.ChangeEvent;
import dev.tandem.engine.internal.TxSession;
import dev.tandem.engine.internal.clock.HybridClock;
import dev.tandem.engine.internal.clock.Uuid7;
import dev.tandem.engine.internal.store.Schema;
import dev.tandem.engine.internal.store.Schema.Column;
import dev.tandem.engine.internal.store.Schema.TableInfo;
import dev.tandem.engine.internal.store.SqlValues;
import dev.tandem.engine.internal.store.StatementCache;
import dev.tandem.engine.internal.sync.Batch.ChangeData;
import dev.tandem.engine.internal.sync.Batch.FieldData;
import dev.tandem.engine.internal.sync.Snapshot.Entry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The local side of snapshots: reading this database's winners for a snapshot, and merging a
 * snapshot into this database.
 *
 * <p>Reading happens in one read transaction, together with the cursors and the push state, so the
 * snapshot is exactly the merged state as of those cursors. It refuses (returns null) while own
 * changes are unpushed: they would be in the state but in no batch the cursors name.
 *
 * <p>Merging has two paths with the same result. An empty changelog (a new device) takes the fast
 * path: changes, fields and winners are inserted as they come (a snapshot holds exactly one winner
 * per attribute, so there is nothing to decide), then each entity's row is written once, with
 * column names from the schema only. Otherwise, or if the snapshot holds the same attribute twice
 * (which a well-formed snapshot never does), the entries go through {@link RemoteApply} like any
 * pulled batch, so unpushed local edits survive and last write wins holds. Either way the cursors
 * move to the snapshot's in the same transaction.
 */
public final class SnapshotLocal {
    /** A snapshot as read from this database. */
    public record Capture(Map<UUID, Long> cursors, List<Entry> entries) {
    }

    /** What applying did. */
    public record Stats(int pulled, int merged, int conflicts, boolean fast) {
    }

    private final ChangelogStore log;
    private final Materializer materializer;
    private final RemoteApply apply;
    private final HybridClock clock;
    private final SyncState state = new SyncState();

    public SnapshotLocal(ChangelogStore log, Materializer materializer, RemoteApply apply, HybridClock clock) {
        this.log = log;
        this.materializer = materializer;
        this.apply = apply;
        this.clock = clock;
    }

    /** Inside one read transaction: the winners and cursors, or null while own changes are unpushed. */
    public Capture read(Connection c, UUID self, String remote) throws SQLException {
        SyncState.Pushed pushed = state.pushed(c, remote);
        if (state.countOwn(c, self, pushed.changeSeq()) > 0) {
            return null;
        }
        Map<UUID, Long> cursors = new HashMap<>(state.cursors(c, remote));
        cursors.put(self, pushed.batchSeq());
        List<Entry> entries = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT w.seq, c.id, c.author, w.tbl, w.entity, f.field,"
                + " f.value, f.prev FROM _tandem_winner w JOIN _tandem_change c ON c.seq = w.seq"
                + " JOIN _tandem_field f ON f.seq = w.seq AND f.field = w.field ORDER BY w.seq, f.field");
             ResultSet rs = ps.executeQuery()) {
            long current = -1;
            UUID id = null;
            UUID author = null;
            String table = null;
            String entity = null;
            List<FieldData> fields = new ArrayList<>();
            while (rs.next()) {
                long seq = rs.getLong(1);
                if (seq != current) {
                    if (id != null) {
                        entries.add(new Entry(author, new ChangeData(id, table, entity, fields)));
                    }
                    current = seq;
                    id = Uuid7.fromBytes(rs.getBytes(2));
                    author = Uuid7.fromBytes(rs.getBytes(3));
                    table = rs.getString(4);
                    entity = rs.getString(5);
                    fields = new ArrayList<>();
                }
                fields.add(new FieldData(rs.getString(6), SqlValues.normalize(rs.getObject(7)),
                        ChangelogStore.uuidOrNull(rs.getBytes(8))));
            }
            if (id != null) {
                entries.add(new Entry(author, new ChangeData(id, table, entity, fields)));
            }
        }
        return new Capture(cursors, entries);
    }

    /** Merges the snapshot and moves this database's cursors up to {@code cursors}; in the caller's transaction. */
    public Stats apply(TxSession s, UUID self, String remote, Map<UUID, Long> cursors, List<Entry> entries,
                       long nowMillis) throws SQLException {
        Plan plan = empty(s.sql()) ? Plan.of(s.schema(), entries) : null;
        Stats stats = plan != null ? fast(s, plan) : slow(s, entries, nowMillis);
        Map<UUID, Long> local = state.cursors(s.sql().connection(), remote);
        for (Map.Entry<UUID, Long> e : cursors.entrySet()) {
            if (!e.getKey().equals(self) && e.getValue() > local.getOrDefault(e.getKey(), 0L)) {
                state.setCursor(s.sql(), remote, e.getKey(), e.getValue());
            }
        }
        return stats;
    }

    private static boolean empty(StatementCache sql) throws SQLException {
        try (ResultSet rs = sql.get("SELECT EXISTS(SELECT 1 FROM _tandem_change)").executeQuery()) {
            return rs.next() && rs.getInt(1) == 0;
        }
    }

    private Stats slow(TxSession s, List<Entry> entries, long nowMillis) throws SQLException {
        Map<UUID, List<ChangeData>> byAuthor = new LinkedHashMap<>();
        for (Entry e : entries) {
            byAuthor.computeIfAbsent(e.author(), k -> new ArrayList<>()).add(e.change());
        }
        int pulled = 0;
        int merged = 0;
        int conflicts = 0;
        for (Map.Entry<UUID, List<ChangeData>> e : byAuthor.entrySet()) {
            RemoteApply.Stats st = apply.apply(s, e.getKey(), e.getValue(), nowMillis);
            pulled += st.pulled();
            merged += st.merged();
            conflicts += st.conflicts();
        }
        return new Stats(pulled, merged, conflicts, false);
    }

    private static boolean skipped(FieldData f) {
        return f.name().equalsIgnoreCase("id") || (f.name().equals(Change.DELETED_FIELD)
                && !(Long.valueOf(0L).equals(f.value()) || Long.valueOf(1L).equals(f.value())));
    }

    /** The changes of one entity, oldest first, with the attributes they win. */
    private static final class Group {
        final String table;
        final String entity;
        final List<Entry> changes = new ArrayList<>(2);
        /** Winning attributes in field-name order. */
        final List<FieldData> attributes = new ArrayList<>(6);
        boolean deleted;

        Group(String table, String entity) {
            this.table = table;
            this.entity = entity;
        }
    }

    /** A local table the snapshot writes rows to, with the column each field name maps to. */
    private static final class Target {
        final TableInfo table;
        final List<Column> columns;
        final Map<String, Integer> byField = new HashMap<>();

        Target(TableInfo table) {
            this.table = table;
            this.columns = new ArrayList<>(table.columns().values());
        }

        /** The index in {@link #columns} of the column {@code field} fills, or -1 when it has none. */
        int column(String field) {
            Integer i = byField.get(field);
            if (i == null) {
                i = table.column(field).map(columns::indexOf).orElse(-1);
                byField.put(field, i);
            }
            return i;
        }
    }

    /**
     * A snapshot laid out for the bulk insert: changes grouped by entity, entities in (table, entity)
     * order, so every b-tree the insert fills grows at its end. {@link #of} returns null when the
     * snapshot is not as a writer makes it (a change id or an attribute twice, one table spelled in
     * two cases, two fields of one entity naming one column, a field naming the id column): such a
     * snapshot goes through the normal merge, which decides what is left to decide.
     */
    static final class Plan {
        final List<Group> groups;
        final Map<String, Target> targets;
        final UUID maxId;

        private Plan(List<Group> groups, Map<String, Target> targets, UUID maxId) {
            this.groups = groups;
            this.targets = targets;
            this.maxId = maxId;
        }

        static Plan of(Schema schema, List<Entry> entries) {
            Map<String, String> canonical = new HashMap<>();
            Map<String, String> spelling = new HashMap<>();
            Map<String, Map<String, Group>> byTable = new HashMap<>();
            Set<UUID> ids = new HashSet<>(entries.size() * 2);
            UUID max = null;
            for (Entry e : entries) {
                ChangeData c = e.change();
                if (!ids.add(c.id())) {
                    return null;
                }
                if (max == null || Uuid7.ORDER.compare(c.id(), max) > 0) {
                    max = c.id();
                }
                String table = canonical.computeIfAbsent(c.table(),
                        t -> schema.table(t).map(TableInfo::name).orElse(t));
                String seen = spelling.putIfAbsent(table.toLowerCase(Locale.ROOT), table);
                if (seen != null && !seen.equals(table)) {
                    return null;
                }
                byTable.computeIfAbsent(table, k -> new HashMap<>())
                        .computeIfAbsent(c.entity(), k -> new Group(table, k)).changes.add(e);
            }
            Map<String, Target> targets = new HashMap<>();
            for (String table : byTable.keySet()) {
                TableInfo t = schema.table(table).orElse(null);
                if (t != null && !t.virtual()) {
                    targets.put(table, new Target(t));
                }
            }
            List<String> tables = new ArrayList<>(byTable.keySet());
            tables.sort(null);
            List<Group> groups = new ArrayList<>(entries.size());
            for (String table : tables) {
                List<Group> ofTable = new ArrayList<>(byTable.get(table).values());
                ofTable.sort(Comparator.comparing(g -> g.entity));
                Target target = targets.get(table);
                for (Group g : ofTable) {
                    if (!attributes(g, target)) {
                        return null;
                    }
                }
                groups.addAll(ofTable);
            }
            return new Plan(groups, targets, max);
        }

        /** Fills the group's attributes; false when two name one attribute or one column. */
        private static boolean attributes(Group g, Target target) {
            if (g.changes.size() > 1) {
                g.changes.sort(Comparator.comparing(e -> e.change().id(), Uuid7.ORDER));
            }
            for (Entry e : g.changes) {
                for (FieldData f : e.change().fields()) {
                    if (skipped(f)) {
                        continue;
                    }
                    for (FieldData a : g.attributes) {
                        if (a.name().equalsIgnoreCase(f.name())) {
                            return false;
                        }
                    }
                    g.attributes.add(f);
                    if (f.name().equals(Change.DELETED_FIELD)) {
                        g.deleted = Long.valueOf(1L).equals(f.value());
                    }
                }
            }
            g.attributes.sort(Comparator.comparing(FieldData::name));
            if (target != null) {
                Set<Integer> used = new HashSet<>();
                for (FieldData a : g.attributes) {
                    String name = a.name();
                    if (name.equals(Change.DELETED_FIELD)) {
                        continue;
                    }
                    int column = target.column(name);
                    if (column >= 0 && (target.columns.get(column).name().equalsIgnoreCase("id") || !used.add(column))) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    /**
     * The empty-changelog path: a few hundred multi-row INSERTs instead of one statement per row.
     * Changes, fields and winners go in key order. Each table's rows are written by multi-row
     * INSERTs per set of columns (columns an entity has no winner for keep their defaults), so
     * triggers such as an FTS index's run inside a few statements rather than one per row.
     */
    private Stats fast(TxSession s, Plan plan) throws SQLException {
        long t0 = System.nanoTime();
        StatementCache sql = s.sql();
        Connection c = sql.connection();
        try (var st = c.createStatement()) {
            st.execute("PRAGMA defer_foreign_keys = ON");
        }
        long seq = 0;
        try (BulkInsert change = new BulkInsert(c, "INSERT INTO _tandem_change(seq, id, author, tbl, entity)", 5, "");
             BulkInsert field = new BulkInsert(c, "INSERT INTO _tandem_field(seq, field, value, prev)", 4, "")) {
            for (Group g : plan.groups) {
                for (Entry e : g.changes) {
                    ChangeData ch = e.change();
                    seq++;
                    change.add(seq, Uuid7.toBytes(ch.id()), Uuid7.toBytes(e.author()), g.table, g.entity);
                    List<FieldData> fields = ch.fields();
                    if (!sorted(fields)) {
                        fields = new ArrayList<>(fields);
                        fields.sort(Comparator.comparing(FieldData::name));
                    }
                    for (FieldData f : fields) {
                        if (!skipped(f)) {
                            field.add(seq, f.name(), f.value(), f.replaces() == null ? null : Uuid7.toBytes(f.replaces()));
                        }
                    }
                }
            }
            change.finish();
            field.finish();
        }
        // Every attribute the snapshot holds wins (Plan checked each occurs once), so the winners are
        // the fields just written; in seq order they come grouped by (table, entity) as the key is.
        try (var st = c.createStatement()) {
            st.executeUpdate("INSERT INTO _tandem_winner(tbl, entity, field, seq) SELECT c.tbl, c.entity, f.field, f.seq"
                    + " FROM _tandem_field f JOIN _tandem_change c ON c.seq = f.seq");
        }
        if (plan.maxId != null) {
            clock.observe(plan.maxId);
        }
        long tInserted = System.nanoTime();
        int merged = rows(s, plan);
        long tRows = System.nanoTime();
        apply.holdOrphans(s);
        if (Boolean.getBoolean("tandem.debugSnapshots")) {
            System.err.printf("fast: changelog %d ms, rows %d ms, fk %d ms%n", (tInserted - t0) / 1_000_000,
                    (tRows - tInserted) / 1_000_000, (System.nanoTime() - tRows) / 1_000_000);
        }
        return new Stats((int) seq, merged, 0, true);
    }

    /** Rows per INSERT into a user table. */
    private static final int USER_ROWS = 4096;

    private static boolean sorted(List<FieldData> fields) {
        for (int i = 1; i < fields.size(); i++) {
            if (fields.get(i - 1).name().compareTo(fields.get(i).name()) > 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Writes the row of every entity that is not deleted, and marks pending the entities of tables
     * this schema lacks (or that are virtual) and those with fields it has no column for. Column
     * names come from the schema only. A row that exists already (e.g. seeded by a migration) is
     * updated, as a merge would. Returns the number of rows written.
     */
    private static int rows(TxSession s, Plan plan) throws SQLException {
        Connection c = s.sql().connection();
        int written = 0;
        try (BulkInsert pending = new BulkInsert(c, "INSERT OR IGNORE INTO _tandem_pending(tbl, entity)", 2, "")) {
            int from = 0;
            List<Group> groups = plan.groups;
            while (from < groups.size()) {
                int to = from;
                String table = groups.get(from).table;
                while (to < groups.size() && groups.get(to).table.equals(table)) {
                    to++;
                }
                Target target = plan.targets.get(table);
                if (target == null) {
                    for (Group g : groups.subList(from, to)) {
                        pending.add(g.table, g.entity);
                    }
                } else {
                    written += rows(s, target, groups.subList(from, to), pending);
                }
                from = to;
            }
            pending.finish();
        }
        return written;
    }

    private static int rows(TxSession s, Target target, List<Group> groups, BulkInsert pending) throws SQLException {
        Connection c = s.sql().connection();
        TableInfo table = target.table;
        Set<String> existing = existingIds(c, table);
        Map<List<Integer>, BulkInsert> inserts = new HashMap<>();
        int written = 0;
        try {
            List<Integer> signature = new ArrayList<>();
            List<Object> values = new ArrayList<>();
            for (Group g : groups) {
                if (g.deleted) {
                    continue;
                }
                signature.clear();
                values.clear();
                values.add(g.entity);
                boolean unknown = false;
                for (FieldData f : g.attributes) {
                    if (f.name().equals(Change.DELETED_FIELD)) {
                        continue;
                    }
                    int column = target.column(f.name());
                    if (column < 0) {
                        unknown = true;
                        continue;
                    }
                    signature.add(column);
                    values.add(f.value());
                }
                if (unknown) {
                    pending.add(table.name(), g.entity);
                }
                BulkInsert insert = inserts.get(signature);
                if (insert == null) {
                    List<Integer> key = List.copyOf(signature);
                    insert = upsert(c, target, key, existing != null);
                    inserts.put(key, insert);
                }
                insert.add(values.toArray());
                s.event(existing != null && existing.contains(g.entity) ? ChangeEvent.Kind.UPDATE
                        : ChangeEvent.Kind.INSERT, table.name(), g.entity);
                written++;
            }
            for (BulkInsert insert : inserts.values()) {
                insert.finish();
            }
        } finally {
            closeAll(inserts.values());
        }
        return written;
    }

    /** The ids already in the table, or null when it is empty (the usual case on a new device). */
    private static Set<String> existingIds(Connection c, TableInfo table) throws SQLException {
        Set<String> ids = null;
        try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT \"id\" FROM " + table.quoted())) {
            while (rs.next()) {
                if (ids == null) {
                    ids = new HashSet<>();
                }
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    /** Rows for the columns at {@code signature}: an INSERT, an upsert where rows may exist already. */
    private static BulkInsert upsert(Connection c, Target target, List<Integer> signature, boolean upsert)
            throws SQLException {
        StringBuilder head = new StringBuilder("INSERT INTO ").append(target.table.quoted()).append("(\"id\"");
        StringBuilder update = new StringBuilder();
        for (int i : signature) {
            String q = Schema.quote(target.columns.get(i).name());
            head.append(", ").append(q);
            update.append(update.length() == 0 ? "" : ", ").append(q).append(" = excluded.").append(q);
        }
        head.append(')');
        String tail = !upsert ? "" : " ON CONFLICT(\"id\") DO " + (signature.isEmpty() ? "NOTHING" : "UPDATE SET " + update);
        // Large statements: triggers on the table (an FTS index's) do per-statement work.
        return new BulkInsert(c, head.toString(), signature.size() + 1, tail, USER_ROWS);
    }

    private static void closeAll(Iterable<BulkInsert> inserts) throws SQLException {
        SQLException first = null;
        for (BulkInsert b : inserts) {
            try {
                b.close();
            } catch (SQLException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /**
     * Rows collected and written by multi-row {@code INSERT … VALUES (…), (…)} statements of up to
     * {@link #ROWS} rows (or as many as asked, within SQLite's parameter limit); {@link #finish}
     * writes the rest. Values are bound, never spliced into SQL.
     */
    static final class BulkInsert implements AutoCloseable {
        static final int ROWS = 256;
        /** Under SQLite's default limit of 32,766 parameters. */
        private static final int MAX_PARAMETERS = 32_000;

        private final Connection connection;
        private final String head;
        private final String tail;
        private final int width;
        private final int rows;
        private final Object[] values;
        private int count;
        private PreparedStatement full;

        BulkInsert(Connection connection, String head, int width, String tail) {
            this(connection, head, width, tail, ROWS);
        }

        BulkInsert(Connection connection, String head, int width, String tail, int maxRows) {
            this.connection = connection;
            this.head = head;
            this.tail = tail;
            this.width = width;
            this.rows = Math.max(1, Math.min(maxRows, MAX_PARAMETERS / width));
            this.values = new Object[rows * width];
        }

        void add(Object... row) throws SQLException {
            System.arraycopy(row, 0, values, count * width, width);
            if (++count == rows) {
                if (full == null) {
                    full = connection.prepareStatement(sql(rows));
                }
                run(full, rows);
            }
        }

        private String sql(int n) {
            StringBuilder b = new StringBuilder(head.length() + tail.length() + n * (width * 3 + 3));
            b.append(head).append(" VALUES");
            for (int r = 0; r < n; r++) {
                b.append(r == 0 ? "(" : ", (");
                for (int i = 0; i < width; i++) {
                    b.append(i == 0 ? "?" : ", ?");
                }
                b.append(')');
            }
            return b.append(tail).toString();
        }

        private void run(PreparedStatement ps, int n) throws SQLException {
            for (int i = 0; i < n * width; i++) {
                ps.setObject(i + 1, values[i]);
                values[i] = null;
            }
            ps.executeUpdate();
            count = 0;
        }

        /** Writes the rows not written yet. */
        void finish() throws SQLException {
            if (count > 0) {
                try (PreparedStatement rest = connection.prepareStatement(sql(count))) {
                    run(rest, count);
                }
            }
        }

        @Override
        public void close() throws SQLException {
            if (full != null) {
                full.close();
            }
        }
    }
}
