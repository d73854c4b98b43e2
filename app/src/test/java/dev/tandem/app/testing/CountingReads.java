package dev.tandem.app.testing;

import dev.tandem.engine.Db;
import dev.tandem.engine.History;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A database that counts the changelog reads made through its {@link Db#history()}: how many times each of
 * {@link History}'s methods ran and how many changes {@link History#changes} handed back. An attacker test asserts
 * on these the work a read shaped by outside data did, where a timing would only say how loaded the machine was.
 * The code under test sees the real database otherwise.
 */
public final class CountingReads {
    private final Db db;
    private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
    private final AtomicLong changesRead = new AtomicLong();

    /** Counts the history reads made through {@link #db()} on {@code real}. */
    public CountingReads(Db real) {
        History history = (History) Proxy.newProxyInstance(History.class.getClassLoader(),
                new Class<?>[] {History.class}, (proxy, method, args) -> {
                    Object result = forward(real.history(), method, args);
                    calls.computeIfAbsent(method.getName(), k -> new AtomicLong()).incrementAndGet();
                    if (method.getName().equals("changes")) {
                        changesRead.addAndGet(((List<?>) result).size());
                    }
                    return result;
                });
        this.db = (Db) Proxy.newProxyInstance(Db.class.getClassLoader(), new Class<?>[] {Db.class},
                (proxy, method, args) -> method.getName().equals("history") && method.getParameterCount() == 0
                        ? history : forward(real, method, args));
    }

    /** The database to hand the code under test. */
    public Db db() {
        return db;
    }

    /** How many times {@link History}'s method {@code name} ran ({@code "changes"}, {@code "asOf"}...). */
    public long calls(String name) {
        AtomicLong n = calls.get(name);
        return n == null ? 0 : n.get();
    }

    /** How many {@link Change}s all {@link History#changes} calls handed back together. */
    public long changesRead() {
        return changesRead.get();
    }

    private static Object forward(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
