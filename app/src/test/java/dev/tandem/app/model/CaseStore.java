package dev.tandem.app.model;

import dev.tandem.engine.Db;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * One in-memory store for many golden cases, each run in a transaction of its own that is then rolled back: a case
 * starts from the empty store a fresh database would give it, without paying per case for opening one (the schema's
 * migrations), which made hundreds of cases take many seconds.
 *
 * <p>Why a case sees only itself: the engine joins every write and read on the thread that holds the open
 * transaction (the model's own {@code writeAll}s, {@code Db.query} reading the transaction's rows), so the case's
 * code runs inside it unchanged; throwing at its end rolls all of it back, and {@link #run} checks the store is
 * empty again before the next case. The store's clock stands still at the case's time, as {@code Clock.fixed} did.
 */
final class CaseStore implements AutoCloseable {
    private final StillClock clock = new StillClock(new AtomicLong(), ZoneOffset.UTC);
    private final TodoStore store = new TodoStore(Db.openMemory(), clock, ZoneOffset.UTC);

    /** Runs {@code work} on the empty store at {@code nowMillis} and returns its result, with nothing kept. */
    <R> R run(long nowMillis, Function<TodoStore, R> work) {
        clock.millis.set(nowMillis);
        R result;
        try {
            store.writeAll(tx -> {
                throw new RolledBack(work.apply(store));
            });
            throw new IllegalStateException("the case's transaction was not rolled back");
        } catch (RolledBack done) {
            @SuppressWarnings("unchecked")
            R r = (R) done.result;
            result = r;
        }
        for (String table : new String[] {"items", "item_tags", "lists", "sections"}) {
            if (!store.db().query(Id.class, "SELECT id FROM " + table + " LIMIT 1").isEmpty()) {
                throw new IllegalStateException("a case left rows in " + table);
            }
        }
        return result;
    }

    @Override
    public void close() {
        store.close();
    }

    private record Id(String id) {
    }

    /** Carries a case's result out of the transaction it rolls back. */
    private static final class RolledBack extends RuntimeException {
        final transient Object result;

        RolledBack(Object result) {
            super(null, null, false, false);
            this.result = result;
        }
    }

    /** A clock that reads what it was set to; zoned copies share the setting. */
    private static final class StillClock extends Clock {
        final AtomicLong millis;
        private final ZoneId zone;

        StillClock(AtomicLong millis, ZoneId zone) {
            this.millis = millis;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId z) {
            return new StillClock(millis, z);
        }

        @Override
        public long millis() {
            return millis.get();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }
    }
}
