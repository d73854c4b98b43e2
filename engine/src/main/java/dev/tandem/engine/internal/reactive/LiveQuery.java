package dev.tandem.engine.internal.reactive;

import dev.tandem.engine.Subscription;
import dev.tandem.engine.internal.store.Schema;
import dev.tandem.engine.internal.store.SqlFunction;
import java.sql.Connection;
import java.sql.SQLException;
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
        owner.deliver(executor, () -> {
            if (active) {
                callback.accept(rows);
            }
        });
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
