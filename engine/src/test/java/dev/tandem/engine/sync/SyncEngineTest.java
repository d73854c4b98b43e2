package dev.tandem.engine.sync;

import static dev.tandem.engine.testing.SyncFixture.items;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Change;
import dev.tandem.engine.Conflict;
import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures;
import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.Fixtures.TodoList;
import dev.tandem.engine.testing.Await;
import dev.tandem.engine.testing.ManualClock;
import dev.tandem.engine.testing.SyncFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class SyncEngineTest {
    @RegisterExtension
    final SyncFixture fixture = new SyncFixture();
    @TempDir
    Path dir;
    final SyncStorage remote = fixture.remote();
    final SyncEngine engine = fixture.engine();

    /** On a file, not in memory: sync is exercised over what the app opens, and a restart reopens one. */
    Db device(String name) {
        return fixture.device(Db.builder().file(dir.resolve(name + ".db")));
    }

    @Test
    void sync_twoDatabases_exchangeRecordsBothWays() {
        Db a = device("a");
        Db b = device("b");
        Item milk = a.save(Item.of("milk"));
        Item eggs = b.save(Item.of("eggs"));
        SyncReport first = engine.sync(a);
        assertEquals(1, first.pushed());
        engine.sync(b);
        engine.sync(a);
        assertEquals(items(a), items(b));
        assertEquals(2, items(a).size());
        assertTrue(items(b).contains(milk) && items(a).contains(eggs));
    }

    @Test
    void sync_severalRounds_catchesUp() {
        Db a = device("a");
        Db b = device("b");
        Item x = a.save(Item.of("v0"));
        for (int i = 1; i <= 5; i++) {
            x = a.save(x.withTitle("v" + i));
            a.save(Item.of("extra " + i));
            engine.sync(a);
        }
        SyncReport report = engine.sync(b);
        assertEquals(items(a), items(b));
        assertEquals("v5", b.get(Item.class, x.id()).orElseThrow().title());
        assertEquals(11, report.pulled(), "1 insert, 5 edits, 5 extras");
    }

    @Test
    void sync_threeDevicesEditingOneRecord_converge() {
        Db a = device("a");
        Db b = device("b");
        Db c = device("c");
        Item shared = a.save(new Item(null, null, "title", false, 1L, "notes"));
        engine.sync(a);
        engine.sync(b);
        engine.sync(c);
        b.save(b.get(Item.class, shared.id()).orElseThrow().withNotes("notes by b"));
        c.save(c.get(Item.class, shared.id()).orElseThrow().withDone(true));
        a.save(a.get(Item.class, shared.id()).orElseThrow().withTitle("title by a"));
        // Concurrent edits within one millisecond are ordered by their random bits; step past it
        // so that c's edit is the later one in clock order too.
        Await.pastThisMillisecond();
        c.save(c.get(Item.class, shared.id()).orElseThrow().withTitle("title by c"));
        for (int round = 0; round < 2; round++) {
            for (Db db : List.of(a, b, c)) {
                engine.sync(db);
            }
        }
        Item expected = new Item(shared.id(), null, "title by c", true, 1L, "notes by b");
        assertEquals(expected, a.get(Item.class, shared.id()).orElseThrow());
        assertEquals(items(a), items(b));
        assertEquals(items(b), items(c));
        List<Conflict> conflicts = a.conflicts().list();
        assertEquals(1, conflicts.size(), conflicts.toString());
        Conflict conflict = conflicts.get(0);
        assertEquals("title", conflict.field());
        assertEquals("title by c", conflict.keptValue());
        assertEquals("title by a", conflict.lostValue());
        assertEquals(a.deviceId(), conflict.lostAuthor());
        assertEquals(c.deviceId(), conflict.keptAuthor());
    }

    @Test
    void sync_newerLocalEdit_notOverwrittenByOlderRemote() {
        ManualClock slow = new ManualClock(1_700_000_000_000L);
        ManualClock fast = new ManualClock(1_700_000_000_000L + 3_600_000);
        Db behind = fixture.device(Db.builder().file(dir.resolve("behind.db")).clock(slow));
        Db ahead = fixture.device(Db.builder().file(dir.resolve("ahead.db")).clock(fast));
        Item item = ahead.save(Item.of("from ahead"));
        engine.sync(ahead);
        engine.sync(behind);
        // behind's wall clock is an hour late, but it has seen ahead's change, so its edit wins.
        behind.save(behind.get(Item.class, item.id()).orElseThrow().withTitle("edited after seeing it"));
        engine.sync(behind);
        engine.sync(ahead);
        assertEquals("edited after seeing it", ahead.get(Item.class, item.id()).orElseThrow().title());
        assertEquals("edited after seeing it", behind.get(Item.class, item.id()).orElseThrow().title());
        assertTrue(ahead.conflicts().list().isEmpty(), "a sequential edit is not a conflict");
    }

    @Test
    void sync_parentAndChild_foreignKeysHold() {
        Db a = device("a");
        Db b = device("b");
        a.transaction(tx -> {
            tx.save(new TodoList("groceries", "Groceries"));
            tx.save(new Item(null, "groceries", "milk", false, null, null));
        });
        engine.sync(a);
        engine.sync(b);
        assertEquals(1, b.query(TodoList.class, "SELECT * FROM list").size());
        assertEquals("groceries", items(b).get(0).listId());
    }

    @Test
    void sync_childFromOtherDeviceBeforeParent_heldUntilParentArrives() {
        Db a = device("a");
        Db b = device("b");
        Db c = device("c");
        a.save(new TodoList("work", "Work"));
        engine.sync(a);
        engine.sync(b);
        b.save(new Item(null, "work", "report", false, null, null));
        engine.sync(b);
        // c pulls b's child; a's parent batch sorts after b's, yet the merge must hold.
        engine.sync(c);
        assertEquals(1, items(c).size());
        assertEquals(1, c.query(TodoList.class, "SELECT * FROM list").size());
    }

    @Test
    void sync_firesSubscriptions() throws Exception {
        Db a = device("a");
        Db b = device("b");
        BlockingQueue<List<Item>> results = new LinkedBlockingQueue<>();
        b.querySubscribe(Item.class, "SELECT * FROM item", List.of(), results::add);
        assertEquals(0, results.poll(5, TimeUnit.SECONDS).size());
        a.save(Item.of("from a"));
        engine.sync(a);
        engine.sync(b);
        assertEquals(1, results.poll(5, TimeUnit.SECONDS).size());
    }

    @Test
    void sync_deleteAndRestore_propagate() {
        Db a = device("a");
        Db b = device("b");
        Item x = a.save(Item.of("x"));
        engine.sync(a);
        engine.sync(b);
        b.delete(Item.class, x.id());
        engine.sync(b);
        engine.sync(a);
        assertTrue(a.get(Item.class, x.id()).isEmpty());
        a.restore(Item.class, x.id());
        engine.sync(a);
        engine.sync(b);
        assertEquals(x, b.get(Item.class, x.id()).orElseThrow());
    }

    @Test
    void sync_editConcurrentWithDelete_doesNotResurrectAndIsRecorded() {
        Db a = device("a");
        Db b = device("b");
        Item x = a.save(Item.of("x"));
        engine.sync(a);
        engine.sync(b);
        a.delete(Item.class, x.id());
        // The edit is recorded as a conflict when it is later in clock order than the delete
        // (SYNC_FORMAT.md); step past the delete's millisecond so it is.
        Await.pastThisMillisecond();
        b.save(b.get(Item.class, x.id()).orElseThrow().withTitle("edited on b"));
        for (Db db : List.of(a, b, a, b)) {
            engine.sync(db);
        }
        assertTrue(a.get(Item.class, x.id()).isEmpty());
        assertTrue(b.get(Item.class, x.id()).isEmpty());
        Conflict onA = a.conflicts().list().stream().filter(c -> c.kind() == Conflict.Kind.EDIT_DELETE).findFirst().orElseThrow();
        assertEquals("edited on b", onA.lostValue());
        assertEquals(b.deviceId(), onA.lostAuthor());
        // The kept side is the delete, not the edit itself.
        assertEquals(1L, onA.keptValue());
        assertEquals(a.deviceId(), onA.keptAuthor());
        assertFalse(b.conflicts().list().isEmpty());
        // "Use the other value" brings the edited item back everywhere.
        a.conflicts().useLostValue(onA.id());
        engine.sync(a);
        engine.sync(b);
        assertEquals("edited on b", b.get(Item.class, x.id()).orElseThrow().title());
        assertTrue(a.conflicts().list().stream().noneMatch(c -> c.id() == onA.id()));
    }

    @Test
    void sync_offlineEditThenDeleteElsewhere_editorLearnsAndCanBringItBack() {
        Db a = device("a");
        Db b = device("b");
        Item x = a.save(Item.of("x"));
        engine.sync(a);
        engine.sync(b);
        // B edits offline; later A deletes (empties the Trash) and syncs first. The delete is later in
        // clock order, but it never saw B's edit: B had not pushed it.
        b.save(b.get(Item.class, x.id()).orElseThrow().withTitle("edited on b, offline"));
        Await.pastThisMillisecond();
        a.delete(Item.class, x.id());
        engine.sync(a);
        engine.sync(b);
        assertTrue(b.get(Item.class, x.id()).isEmpty(), "the delete wins, as on every device");
        Conflict onB = b.conflicts().list().stream().filter(c -> c.kind() == Conflict.Kind.EDIT_DELETE).findFirst()
                .orElseThrow(() -> new AssertionError("B's edit vanished without a conflict: " + b.conflicts().list()));
        assertEquals("title", onB.field());
        assertEquals("edited on b, offline", onB.lostValue());
        assertEquals(b.deviceId(), onB.lostAuthor());
        assertEquals(1L, onB.keptValue());
        assertEquals(a.deviceId(), onB.keptAuthor());
        b.conflicts().useLostValue(onB.id());
        engine.sync(b);
        engine.sync(a);
        assertEquals("edited on b, offline", a.get(Item.class, x.id()).orElseThrow().title());
    }

    @Test
    void sync_deleteAfterSeeingThePushedEdit_noConflict() {
        Db a = device("a");
        Db b = device("b");
        Item x = a.save(Item.of("x"));
        engine.sync(a);
        engine.sync(b);
        b.save(b.get(Item.class, x.id()).orElseThrow().withTitle("edited on b"));
        engine.sync(b);
        engine.sync(a);
        // A read B's edit, then deleted: what A's person meant, nothing to report.
        a.delete(Item.class, x.id());
        engine.sync(a);
        engine.sync(b);
        assertTrue(b.get(Item.class, x.id()).isEmpty());
        assertEquals(List.of(), b.conflicts().list());
        assertEquals(List.of(), a.conflicts().list());
    }

    @Test
    void useLostValue_editConflict_winsEverywhere() {
        Db a = device("a");
        Db b = device("b");
        Item x = a.save(Item.of("x"));
        engine.sync(a);
        engine.sync(b);
        a.save(x.withTitle("a's title"));
        b.save(x.withTitle("b's title"));
        for (Db db : List.of(a, b, a)) {
            engine.sync(db);
        }
        String kept = a.get(Item.class, x.id()).orElseThrow().title();
        Conflict conflict = a.conflicts().list().get(0);
        assertEquals(kept, conflict.keptValue());
        a.conflicts().useLostValue(conflict.id());
        String other = a.get(Item.class, x.id()).orElseThrow().title();
        assertNotEquals(kept, other);
        engine.sync(a);
        engine.sync(b);
        assertEquals(other, b.get(Item.class, x.id()).orElseThrow().title());
    }

    @Test
    void sync_restartedDatabase_resumesWhereItStopped() {
        Db a = device("a");
        a.save(Item.of("one"));
        engine.sync(a);
        // Not a fixture device: it is closed here, and the fixture would close it a second time.
        try (Db b = Db.open(dir.resolve("b.db"))) {
            b.migrate(Fixtures.MIGRATIONS);
            engine.sync(b);
        }
        a.save(Item.of("two"));
        engine.sync(a);
        Db reopened = fixture.closeAfter(Db.open(dir.resolve("b.db")));
        SyncReport r = engine.sync(reopened);
        assertEquals(1, r.pulled(), "only the new batch is read");
        assertEquals(2, items(reopened).size());
    }

    @Test
    void sync_twoDevicesAtTheSameMoment_bothChangesSurvive() throws Exception {
        Db a = device("a");
        Db b = device("b");
        SyncEngine engineA = fixture.engine(remote);
        SyncEngine engineB = fixture.engine(remote);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                a.save(Item.of("a" + round));
                b.save(Item.of("b" + round));
                CountDownLatch start = new CountDownLatch(1);
                Future<?> fa = pool.submit(() -> {
                    start.await();
                    return engineA.sync(a);
                });
                Future<?> fb = pool.submit(() -> {
                    start.await();
                    return engineB.sync(b);
                });
                start.countDown();
                fa.get(30, TimeUnit.SECONDS);
                fb.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        engine.sync(a);
        engine.sync(b);
        engine.sync(a);
        assertEquals(40, items(a).size());
        assertEquals(items(a), items(b));
    }

    @Test
    void sync_encryptedWrongPassphrase_failsClearlyAndChangesNothing() {
        Db a = device("a");
        a.save(Item.of("secret"));
        fixture.closeAfter(SyncEngine.builder().storage(remote).encrypted("correct horse").build()).sync(a);
        Db b = device("b");
        SyncEngine wrong = fixture.closeAfter(SyncEngine.builder().storage(remote).encrypted("battery staple").build());
        SyncException e = assertThrows(SyncException.class, () -> wrong.sync(b));
        assertEquals(SyncException.Reason.WRONG_PASSPHRASE, e.reason());
        assertFalse(e.retryable());
        assertTrue(items(b).isEmpty());
        fixture.closeAfter(SyncEngine.builder().storage(remote).encrypted("correct horse").build()).sync(b);
        assertEquals("secret", items(b).get(0).title());
    }

    @Test
    void sync_history_showsRemoteAuthor() {
        Db a = device("a");
        Db b = device("b");
        Item x = a.save(Item.of("x"));
        engine.sync(a);
        engine.sync(b);
        List<Change> history = b.history().changes("item", x.id());
        assertEquals(1, history.size());
        assertEquals(a.deviceId(), history.get(0).author());
    }

    @Test
    void builder_invalidPrefix_namesField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SyncEngine.builder().inMemory().prefix("../etc").build());
        assertTrue(e.getMessage().startsWith("prefix"), e.getMessage());
        IllegalStateException none = assertThrows(IllegalStateException.class, () -> SyncEngine.builder().build());
        assertTrue(none.getMessage().startsWith("target"), none.getMessage());
    }

    @Test
    void builder_s3Settings_takesTheProxyAndRefusesABadOne() {
        S3Settings settings = new S3Settings("http://127.0.0.1:9", "bucket", "us-east-1", "AK", "SK")
                .withProxy("http://u:p@127.0.0.1:3128");
        try (SyncEngine engine = SyncEngine.builder().s3(settings).build()) {
            assertTrue(engine != null);
        }
        assertThrows(NullPointerException.class, () -> SyncEngine.builder().s3((S3Settings) null));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> settings.withProxy("socks5://p:1080"));
        assertTrue(bad.getMessage().startsWith("proxy:"), bad.getMessage());
        assertEquals("none", WebDavSettings.normalizeProxy(" none "));
        assertThrows(IllegalArgumentException.class, () -> WebDavSettings.normalizeProxy("http://host:notaport"));
    }
}
