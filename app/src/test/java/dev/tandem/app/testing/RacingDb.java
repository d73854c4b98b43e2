package dev.tandem.app.testing;

import dev.tandem.engine.Db;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A database that lands another writer's commit in the moment between a caller's read and its write:
 * before each of the first {@code times} write transactions the caller opens, {@code landing} runs on
 * the real database, as a sync that commits just then would. The code under test sees the real
 * database otherwise.
 */
public final class RacingDb {
    private RacingDb() {
    }

    /** {@code real}, with {@code landing} run before its first {@code times} transactions. */
    public static Db racing(Db real, int times, Consumer<Db> landing) {
        AtomicInteger left = new AtomicInteger(times);
        return (Db) Proxy.newProxyInstance(Db.class.getClassLoader(), new Class<?>[] {Db.class}, (proxy, method, args) -> {
            if ((method.getName().equals("transaction") || method.getName().equals("transactionResult"))
                    && left.getAndDecrement() > 0) {
                landing.accept(real);
            }
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }
}
