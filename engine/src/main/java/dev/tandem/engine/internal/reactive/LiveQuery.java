package dev.tandem.engine.internal.reactive;

import dev.tandem.engine.MappingException;
import dev.tandem.engine.QueryTooCostlyException;
import dev.tandem.engine.Subscription;
import dev.tandem.engine.internal.mapping.RecordType;
import dev.tandem.engine.internal.store.BoundedRead;
import dev.tandem.engine.internal.store.SchemaSnapshot;
import dev.tandem.engine.internal.store.SqlFunction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * One subscribed query: its SQL, the tables it reads (re-derived when the schema changes), its
 * last result, and where results go. Only the dispatcher thread runs it, so results arrive in
 * commit order.
 *
 * <p>A query given as SQL plus parameters ({@link RowMapper}) runs through cached statements and
 * can be row-scoped (see {@link QueryDependencies}): when the dispatcher knows exactly which rows
 * of its table a commit changed, {@link #mayHaveChanged} decides whether the result can differ.
 * A query given as an opaque function always re-runs.
 */
final class LiveQuery<T> implements Subscription {
    /** Membership probes bind this many ids at most; more changed rows mean a plain re-run. */
    static final int MAX_PROBE_IDS = 32;

    private final String sql;
    private final Object[] params;
    private final RowMapper<T> mapper;
    private final SqlFunction<List<T>> opaque;
    private final Consumer<List<T>> callback;
    private final Executor executor;
    private final Dispatcher owner;
    private volatile boolean active = true;
    private Set<String> tables;
    private String rowScope;
    private SchemaSnapshot analyzedFor;
    private List<T> lastRows;
    /** Written by whichever thread ran the query; read by the dispatch thread after that run's drain ended. */
    private volatile long cost;
    /** What its part of the last drain took (a probe, or a run), as {@link #cost}; 0 before its first drain. */
    private volatile long work;
    /** Probe SQL by number of id slots (1, 2, 4 ... {@link #MAX_PROBE_IDS}), built once each. */
    private final String[] probes = new String[Integer.numberOfTrailingZeros(MAX_PROBE_IDS) + 1];
    /** The ids of the rows of the last result, or null when its rows have no id to read. */
    private Set<String> lastIds;
    /** How to read a row's id, for rows of class {@link #idTypeFor}; null when they have none. */
    private RecordType<?> idType;
    private Class<?> idTypeFor;

    /** The budget of each run and probe, or null for none. */
    private final Dispatcher.Bound bound;

    LiveQuery(String sql, Object[] params, RowMapper<T> mapper, SqlFunction<List<T>> opaque,
              Consumer<List<T>> callback, Executor executor, Dispatcher owner, Dispatcher.Bound bound) {
        this.bound = bound;
        this.sql = sql;
        this.params = params;
        this.mapper = mapper;
        this.opaque = opaque;
        this.callback = callback;
        this.executor = executor;
        this.owner = owner;
    }

    /** The tables this query reads under {@code schema}. */
    Set<String> tables(Connection c, SchemaSnapshot schema) throws SQLException {
        if (analyzedFor != schema) {
            QueryDependencies.Analysis a = QueryDependencies.analyze(c, schema, sql);
            tables = a.tables();
            rowScope = mapper == null ? null : a.rowScope();
            analyzedFor = schema;
        }
        return tables;
    }

    boolean reads(Set<String> changed) {
        Set<String> t = tables;
        if (t == null) {
            return true;
        }
        for (String table : changed) {
            if (t.contains(table)) {
                return true;
            }
        }
        return false;
    }

    /** The table this query is row-scoped over, once a result with row ids is known; else null. */
    String rowScope() {
        return lastIds != null ? rowScope : null;
    }

    /** Runs the query and hands the result to the callback's executor. */
    void run(Connection c, ReaderStatements statements) throws SQLException {
        if (!active) {
            return;
        }
        long started = System.nanoTime();
        try {
            runTimed(c, statements);
        } finally {
            cost = System.nanoTime() - started;
        }
    }

    /**
     * What the last run took, in nanoseconds (0 before the first): a drain runs the cheap re-runs before the costly
     * ones, so a count of a few rows is not held up behind counts of every row.
     */
    long cost() {
        return cost;
    }

    /**
     * What its part of a drain will likely take: what it took in the last drain (a probe that found its result
     * unchanged, or a run), else its last run. A drain of many probes is cheap however costly their queries' runs.
     */
    long work() {
        long w = work;
        return w > 0 ? w : cost;
    }

    void worked(long nanos) {
        work = Math.max(1, nanos);
    }

    private void runTimed(Connection c, ReaderStatements statements) throws SQLException {
        List<T> rows;
        if (mapper == null) {
            rows = opaque.apply(c);
        } else if (bound == null) {
            rows = mapper.map(bind(statements.get(c, sql)));
        } else {
            try {
                rows = BoundedRead.run(c, bound.budget(), b -> mapper.map(bind(statements.get(b, sql))));
            } catch (QueryTooCostlyException e) {
                // No result: the next commit's run starts afresh rather than being told nothing changed.
                lastRows = null;
                lastIds = null;
                owner.deliver(executor, () -> {
                    if (active) {
                        bound.onTooCostly().accept(e);
                    }
                });
                return;
            }
        }
        lastRows = rows;
        lastIds = ids(rows);
        deliver(rows);
    }

    /** Hands the last result again: a commit touched the table, but not this result. */
    void redeliver() {
        if (active && lastRows != null) {
            deliver(lastRows);
        }
    }

    private void deliver(List<T> rows) {
        owner.deliver(executor, () -> {
            if (active) {
                callback.accept(rows);
            }
        });
    }

    /**
     * For a row-scoped query, after a commit whose changed rows of the scope table are exactly
     * {@code changed}: whether the result may differ. It may when the last result showed one of
     * them, or when one of them is in the result now; other rows of the table did not change, and
     * each result row depends only on its own table row, so otherwise the result is the same.
     */
    boolean mayHaveChanged(Connection c, ReaderStatements statements, Set<String> changed) throws SQLException {
        if (changed.isEmpty()) {
            return false;
        }
        if (showed(changed) || changed.size() > MAX_PROBE_IDS) {
            return true;
        }
        // Padded to a power of two so that few probe statements are prepared per query.
        int slots = Integer.highestOneBit(changed.size() - 1 << 1 | 1);
        int k = Integer.numberOfTrailingZeros(slots);
        if (probes[k] == null) {
            // Line breaks keep a trailing comment in the query from swallowing the rest.
            probes[k] = "SELECT 1 FROM (\n" + sql + "\n) WHERE \"id\" IN (?" + ", ?".repeat(slots - 1) + ") LIMIT 1";
        }
        PreparedStatement ps;
        try {
            ps = bind(statements.get(c, probes[k]));
        } catch (SQLException unwrappable) {
            // The query does not survive being wrapped (a trailing semicolon, say): re-run it always.
            rowScope = null;
            return true;
        }
        int i = params.length + 1;
        String last = null;
        for (String id : changed) {
            ps.setString(i++, id);
            last = id;
        }
        while (i <= params.length + slots) {
            ps.setString(i++, last);
        }
        if (bound == null) {
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
        try {
            return BoundedRead.run(c, bound.budget(), b -> {
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            });
        } catch (QueryTooCostlyException e) {
            return true; // the run decides, within the same budget
        }
    }

    private PreparedStatement bind(PreparedStatement ps) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
        return ps;
    }

    /**
     * Whether the last result showed one of {@code changed} (entity ids of a commit's row events).
     * Queries that did are re-run first, so the view of an edited row is not queued behind others.
     */
    boolean showed(Set<String> changed) {
        Set<String> ids = lastIds;
        if (ids == null || ids.isEmpty()) {
            return false;
        }
        Set<String> small = changed.size() <= ids.size() ? changed : ids;
        Set<String> large = small == changed ? ids : changed;
        for (String id : small) {
            if (large.contains(id)) {
                return true;
            }
        }
        return false;
    }

    /** The {@code id} components of the rows, when they are records that have one. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Set<String> ids(List<?> rows) {
        if (rows.isEmpty()) {
            return Set.of();
        }
        Object first = rows.get(0);
        if (first == null) {
            return null;
        }
        Class<?> rowClass = first.getClass();
        if (rowClass != idTypeFor) {
            idTypeFor = rowClass;
            idType = null;
            if (Record.class.isAssignableFrom(rowClass)) {
                try {
                    idType = RecordType.of((Class<? extends Record>) rowClass);
                } catch (MappingException noId) {
                    // A result type without a String id: no ordering hint for this query.
                }
            }
        }
        RecordType type = idType;
        if (type == null) {
            return null;
        }
        Set<String> ids = new HashSet<>(rows.size() * 2);
        for (Object row : rows) {
            if (row == null || row.getClass() != rowClass) {
                return null;
            }
            String id = type.id((Record) row);
            if (id == null) {
                // A row without an id cannot be matched against changed rows.
                return null;
            }
            ids.add(id);
        }
        return ids;
    }

    String sql() {
        return sql;
    }

    @Override
    public void close() {
        active = false;
        owner.remove(this);
    }

    @Override
    public boolean isActive() {
        return active;
    }
}
