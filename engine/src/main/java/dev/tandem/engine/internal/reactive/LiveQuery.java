package dev.tandem.engine.internal.reactive;

import dev.tandem.engine.MappingException;
import dev.tandem.engine.Subscription;
import dev.tandem.engine.internal.mapping.RecordType;
import dev.tandem.engine.internal.store.Schema;
import dev.tandem.engine.internal.store.SqlFunction;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * One subscribed query: its SQL, the tables it reads (re-derived when the schema changes), and
 * where its results go. Only the dispatcher thread runs it, so results arrive in commit order.
 */
final class LiveQuery<T> implements Subscription {
    private final String sql;
    private final SqlFunction<List<T>> query;
    private final Consumer<List<T>> callback;
    private final Executor executor;
    private final Dispatcher owner;
    private volatile boolean active = true;
    private Set<String> tables;
    private Schema analyzedFor;
    /** The ids of the rows of the last result, or null when its rows have no id to read. */
    private Set<String> lastIds;
    /** How to read a row's id, for rows of class {@link #idTypeFor}; null when they have none. */
    private RecordType<?> idType;
    private Class<?> idTypeFor;

    LiveQuery(String sql, SqlFunction<List<T>> query, Consumer<List<T>> callback, Executor executor, Dispatcher owner) {
        this.sql = sql;
        this.query = query;
        this.callback = callback;
        this.executor = executor;
        this.owner = owner;
    }

    /** The tables this query reads under {@code schema}. */
    Set<String> tables(Connection c, Schema schema) throws SQLException {
        if (analyzedFor != schema) {
            tables = QueryDependencies.analyze(c, schema, sql);
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

    /** Runs the query and hands the result to the callback's executor. */
    void run(Connection c) throws SQLException {
        if (!active) {
            return;
        }
        List<T> rows = query.apply(c);
        lastIds = ids(rows);
        owner.deliver(executor, () -> {
            if (active) {
                callback.accept(rows);
            }
        });
    }

    /**
     * Whether the last result showed one of {@code changed} (entity ids of a commit's row events).
     * A hint for ordering re-runs only, never for skipping one: a query that did not show a row
     * may still have to show it now.
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
            if (id != null) {
                ids.add(id);
            }
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
