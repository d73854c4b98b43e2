package dev.tandem.app.caldav;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.TagStore;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.testing.RacingDb;
import dev.tandem.app.testing.TestClock;
import dev.tandem.engine.Conflict;
import dev.tandem.engine.Db;
import dev.tandem.engine.caldav.CalDavAccount;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The merge of a pulled object into a todo, without a server: what it costs the database. A merge
 * runs for every object a sync pulls, so each clashing field must not cost a transaction (a commit,
 * an fsync and a round of notifications) or another read of the todo's whole history.
 */
@Tag("unit")
class MergeTest {
    /** The database calls that open a write transaction, whether on the database or its conflicts. */
    private static final Set<String> WRITES = Set.of("transaction", "transactionResult", "save", "delete",
            "restore", "keepOutsideLoser", "keepReplacedChange", "useLostValue", "dismiss", "dismissConflict",
            "markSeen", "markConflictsSeen", "migrate", "pruneHistory");

    private final TestClock clock = new TestClock(ZoneOffset.UTC);
    private final Db real = Db.builder().memory().clock(clock).build();
    private final Counting counting = new Counting();
    private final TodoStore store = new TodoStore(counting.proxy(Db.class, real), clock, ZoneOffset.UTC);

    @AfterEach
    void close() {
        real.close();
    }

    @Test
    void merge_threeFieldsClash_oneWriteTransactionAndOneHistoryRead() {
        Item added = store.add("Tickets", null, null);
        store.update(added.id(), it -> it.withNotes("Seat").withPriority(5));
        TaskFields agreed = Merge.fieldsOf(store, store.get(added.id()).orElseThrow());
        store.update(added.id(), it -> it.withTitle("Train tickets"));
        Instant phoneEdit = clock.instant().plus(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(2));
        store.update(added.id(), it -> it.withNotes("Window seat").withPriority(1));
        // The phone's edit came between: its title wins, the notes and priority edited here after it win.
        TaskFields phone = new TaskFields("Plane tickets", "Aisle seat", null, false, 9L, List.of(), null, null);
        Vtodo.Read server = new Vtodo.Read("uid-1", phone, phoneEdit);
        CalDavState state = CalDavState.open(Optional.empty());
        Merge merge = new Merge(store, new Outside(store, account()), new CalDavReport.Builder(), new Parents(store, state));

        counting.reset();
        merge.merge(store.get(added.id()).orElseThrow(), server, phone, agreed, false);

        assertEquals(1, counting.writes, "write transactions: " + counting.calls);
        assertEquals(1, counting.historyReads, "history reads: " + counting.calls);
        List<Conflict> kept = real.conflicts().list();
        assertEquals(3, kept.size(), kept.toString());
        assertEquals("Plane tickets", store.get(added.id()).orElseThrow().title());
        state.close();
    }

    @Test
    void merge_syncCommitsBetweenReadAndWrite_itsChangeMergedNotWrittenOver() {
        Item added = store.add("Tickets", null, null);
        TaskFields agreed = Merge.fieldsOf(store, store.get(added.id()).orElseThrow());
        TaskFields phone = new TaskFields("Plane tickets", null, null, false, null, List.of(), null, null);
        Vtodo.Read server = new Vtodo.Read("uid-1", phone, clock.instant());
        // Another device's notes and tag, synced in just after the merge read the todo.
        TodoStore racing = new TodoStore(RacingDb.racing(real, 1, db -> db.transaction(tx -> {
            tx.save(tx.get(Item.class, added.id()).orElseThrow().withNotes("Seat 12A"));
            TagStore.add(tx, added.id(), "travel");
        })), clock, ZoneOffset.UTC);
        CalDavState state = CalDavState.open(Optional.empty());
        Merge merge = new Merge(racing, new Outside(racing, account()), new CalDavReport.Builder(), new Parents(racing, state));

        merge.merge(racing.get(added.id()).orElseThrow(), server, phone, agreed, false);

        Item stored = store.get(added.id()).orElseThrow();
        assertEquals("Plane tickets", stored.title(), "the phone's title");
        assertEquals("Seat 12A", stored.notes(), "the sync's notes are not written over");
        assertEquals(List.of("travel"), new TagStore(store).of(added.id()));
        state.close();
    }

    @Test
    void unreadTimes_startDateAnEarlierVersionReadAsDue_isTheStartAgainWithoutADueDate() {
        LocalDate start = LocalDate.of(2026, 11, 21);
        Item old = store.add("Change address", null, start);
        TaskFields base = Vtodo.read("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\nBEGIN:VTODO\r\nUID:u-1\r\n"
                + "DTSTAMP:20261120T080000Z\r\nSUMMARY:Change address\r\nDTSTART;VALUE=DATE:20261121\r\nEND:VTODO\r\n"
                + "END:VCALENDAR\r\n", ZoneOffset.UTC).orElseThrow().fields();
        TaskFields here = Merge.fieldsOf(store, old);
        TaskFields adopted = Merge.unreadTimes(store, old, here, base);
        assertEquals(start, adopted.start());
        assertEquals(null, adopted.due());
        assertEquals(base, adopted, "nothing to write: the server holds it so");

        store.update(old.id(), x -> x.withStart(start.minusDays(1)));
        store.update(old.id(), x -> x.withStart(null));
        Item cleared = store.get(old.id()).orElseThrow();
        assertEquals(here, Merge.unreadTimes(store, cleared, Merge.fieldsOf(store, cleared), base),
                "a start date cleared here stays cleared");
    }

    /** An account that is only asked where it is, as {@link Outside} asks to name the server. */
    private CalDavAccount account() {
        return (CalDavAccount) Proxy.newProxyInstance(CalDavAccount.class.getClassLoader(),
                new Class<?>[] {CalDavAccount.class}, (proxy, method, args) -> {
                    if (method.getName().equals("where")) {
                        return "https://cloud.example.com/dav/";
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** Counts the calls a store makes on its database, through proxies that pass each call on. */
    private static final class Counting {
        int writes;
        int historyReads;
        final StringBuilder calls = new StringBuilder();

        void reset() {
            writes = 0;
            historyReads = 0;
            calls.setLength(0);
        }

        <T> T proxy(Class<T> type, T target) {
            InvocationHandler handler = (proxy, method, args) -> invoke(target, method, args);
            return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
        }

        private Object invoke(Object target, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            calls.append(name).append(' ');
            if (WRITES.contains(name)) {
                writes++;
            } else if (name.equals("history")) {
                historyReads++;
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            // The conflicts accessor's writes count too: each opens a transaction of its own.
            if (name.equals("conflicts") && method.getReturnType().isInterface()) {
                return proxyOf(method.getReturnType(), result);
            }
            return result;
        }

        @SuppressWarnings("unchecked")
        private <T> T proxyOf(Class<T> type, Object target) {
            return proxy(type, (T) target);
        }
    }
}
