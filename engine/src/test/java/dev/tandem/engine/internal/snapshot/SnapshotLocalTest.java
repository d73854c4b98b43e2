package dev.tandem.engine.internal.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.ChangeEvent;
import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures;
import dev.tandem.engine.Subscription;
import dev.tandem.engine.internal.SyncPort;
import dev.tandem.engine.internal.apply.RemoteApply;
import dev.tandem.engine.internal.changelog.ChangeData;
import dev.tandem.engine.internal.changelog.FieldData;
import dev.tandem.engine.internal.changelog.SyncState;
import dev.tandem.engine.internal.clock.HybridClock;
import dev.tandem.engine.internal.wire.SnapshotEntry;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bulk path of {@link SnapshotLocal} (empty changelog) against the normal merge
 * ({@link RemoteApply}, what the slow path runs): the same snapshot must leave the same rows, the
 * same changelog, winners and pending entities, and the same row events.
 */
@Tag("unit")
public class SnapshotLocalTest {
    @TempDir
    Path dir;
    final List<Db> dbs = new ArrayList<>();
    final HybridClock clock = new HybridClock(Clock.systemUTC());
    final UUID a = UUID.randomUUID();
    final UUID b = UUID.randomUUID();

    /** The test schema, plus a tag seeded by a migration (a row without changes). */
    static final List<String> SEEDED;

    static {
        List<String> m = new ArrayList<>(Fixtures.MIGRATIONS);
        m.add("INSERT INTO tag(id, label) VALUES('seeded', 'from migration')");
        SEEDED = List.copyOf(m);
    }

    @AfterEach
    void tearDown() {
        dbs.forEach(Db::close);
    }

    Db open(String name) {
        Db db = Db.open(dir.resolve(name + ".db"));
        db.migrate(SEEDED);
        dbs.add(db);
        return db;
    }

    SnapshotEntry change(UUID author, String table, String entity, Object... nameValue) {
        List<FieldData> fields = new ArrayList<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            fields.add(new FieldData((String) nameValue[i], nameValue[i + 1], i == 0 ? clock.next() : null));
        }
        return new SnapshotEntry(author, new ChangeData(clock.next(), table, entity, fields));
    }

    /** Every case the bulk path treats specially, in no particular order. */
    List<SnapshotEntry> snapshot() {
        List<SnapshotEntry> entries = new ArrayList<>();
        entries.add(change(a, "item", "i1", "Title", "first", "listId", "l1", "done", 1L, "priority", 3L));
        entries.add(change(b, "item", "i1", "notes", "edited later by b"));
        entries.add(change(a, "list", "l1", "name", "home"));
        entries.add(change(b, "item", "i2", "title", "no done: keeps the column default"));
        entries.add(change(a, "item", "i3", "_deleted", 1L, "title", "deleted: a tombstone, no row"));
        entries.add(change(a, "item", "i4", "title", "orphan", "list_id", "no-such-list"));
        entries.add(change(b, "ITEM", "i5", "title", "blob and real", "notes", new byte[] {1, 2, 3}, "priority", 2.5));
        entries.add(change(a, "item", "i6", "title", "colour", "colour", "red"));
        entries.add(change(b, "item", "i7", "id", "ignored", "_deleted", "not 0 or 1: ignored", "title", "x"));
        entries.add(change(a, "item", "i8", "_deleted", 0L));
        entries.add(change(a, "item", "i9"));
        entries.add(change(b, "note", "n1", "body", "table unknown here"));
        entries.add(change(b, "note", "n2", "_deleted", 1L));
        entries.add(change(a, "item_fts", "f1", "title", "virtual table"));
        entries.add(change(a, "tag", "seeded", "label", "from the snapshot"));
        entries.add(change(b, "tag", "t2", "label", null));
        Collections.shuffle(entries, new Random(7));
        return entries;
    }

    /** Applies through the bulk path; asserts that it took it. */
    void fast(Db db, List<SnapshotEntry> entries) {
        SnapshotLocal local = local(db);
        SyncPort port = SyncPort.of(db);
        SnapshotLocal.Stats st = port.write("test", s -> local.apply(s, port.deviceUuid(), "remote",
                Map.of(a, 1L, b, 1L), entries, 0));
        assertTrue(st.fast(), "bulk path");
        assertEquals(entries.size(), st.pulled());
    }

    /** Applies through the normal merge, as the slow path does. */
    static void slow(Db db, List<SnapshotEntry> entries) {
        RemoteApply apply = SyncPort.of(db).remoteApply();
        Map<UUID, List<ChangeData>> byAuthor = new LinkedHashMap<>();
        for (SnapshotEntry e : entries) {
            byAuthor.computeIfAbsent(e.author(), k -> new ArrayList<>()).add(e.change());
        }
        SyncPort.of(db).write("test", s -> {
            for (Map.Entry<UUID, List<ChangeData>> e : byAuthor.entrySet()) {
                apply.apply(s, e.getKey(), e.getValue(), 0);
            }
            return null;
        });
    }

    static SnapshotLocal local(Db db) {
        return SyncPort.of(db).snapshotLocal();
    }

    /** FTS5's own check that the index matches the item table it indexes. */
    static void ftsIntact(Db db) {
        SyncPort.of(db).write("checking the FTS index", s -> {
            try (Statement st = s.sql().connection().createStatement()) {
                st.execute("INSERT INTO item_fts(item_fts, rank) VALUES('integrity-check', 1)");
            }
            return null;
        });
    }

    /** Runs {@code work} and returns the row events of the commits it made, sorted. */
    static List<String> events(Db db, Runnable work) throws InterruptedException {
        BlockingQueue<List<ChangeEvent>> queue = new LinkedBlockingQueue<>();
        Subscription sub = db.subscribe(queue::add);
        work.run();
        List<ChangeEvent> events = queue.poll(5, TimeUnit.SECONDS);
        sub.close();
        List<String> out = new ArrayList<>();
        for (ChangeEvent e : events) {
            out.add(e.kind() + " " + e.table() + "/" + e.id());
        }
        Collections.sort(out);
        return out;
    }

    @Test
    void bulkPath_sameStateAndEventsAsNormalMerge() throws Exception {
        List<SnapshotEntry> entries = snapshot();
        Db bulk = open("bulk");
        Db merged = open("merged");
        List<String> bulkEvents = events(bulk, () -> fast(bulk, entries));
        List<String> mergedEvents = events(merged, () -> slow(merged, entries));
        String expected = MergeState.state(merged);
        assertEquals(expected, MergeState.state(bulk));
        ftsIntact(bulk);
        assertEquals(mergedEvents, bulkEvents);
        // spot checks of what the comparison covers
        assertTrue(expected.contains("i2 (String) | null | no done: keeps the column default (String) | 0 (Integer)"), expected);
        assertTrue(expected.contains("seeded (String) | from the snapshot"), expected);
        String pending = expected.substring(expected.indexOf("pending:"), expected.indexOf("conflicts:"));
        assertEquals("pending:\n  item (String) | i4 (String)\n  item (String) | i6 (String)\n"
                + "  item_fts (String) | f1 (String)\n  note (String) | n1 (String)\n  note (String) | n2 (String)\n", pending);
        assertFalse(expected.contains("i3 (String) | null"), expected);
        assertTrue(bulkEvents.contains("UPDATE tag/seeded") && bulkEvents.contains("INSERT item/i1"), bulkEvents.toString());
        assertFalse(bulkEvents.toString().contains("i4"), "the orphan's insert and removal fold away: " + bulkEvents);

    }

    @Test
    void bulkPath_unknownTableAndColumn_pendingUntilMigration() {
        List<SnapshotEntry> entries = new ArrayList<>();
        entries.add(change(a, "item", "i1", "title", "colour", "colour", "red"));
        entries.add(change(b, "item", "i2", "title", "plain"));
        entries.add(change(b, "note", "n1", "body", "table unknown here"));
        Db bulk = open("bulk");
        Db merged = open("merged");
        fast(bulk, entries);
        slow(merged, entries);
        assertEquals(MergeState.state(merged), MergeState.state(bulk));
        assertEquals(2, SyncPort.of(bulk).read(c -> MergeState.dump(c, "SELECT * FROM _tandem_pending")).lines().count());
        List<String> newer = new ArrayList<>(SEEDED);
        newer.add("ALTER TABLE item ADD COLUMN colour TEXT; CREATE TABLE note(id TEXT PRIMARY KEY, body TEXT)");
        bulk.migrate(newer);
        merged.migrate(newer);
        String after = MergeState.state(merged) + dumpNew(merged);
        assertEquals(after, MergeState.state(bulk) + dumpNew(bulk));
        assertTrue(after.contains("i1 (String) | red (String)") && after.contains("n1 (String) | table unknown here"), after);
    }

    static String dumpNew(Db db) {
        return SyncPort.of(db).read(c -> MergeState.dump(c, "SELECT id, colour FROM item ORDER BY id")
                + MergeState.dump(c, "SELECT * FROM note ORDER BY id"));
    }

    @Test
    void rowThisSchemaRefuses_fallsBackWithTheMergesEvents() throws Exception {
        // list.name is NOT NULL here; the writer's schema allowed a list without a name
        List<SnapshotEntry> entries = new ArrayList<>();
        entries.add(change(a, "item", "i1", "title", "kept"));
        entries.add(change(a, "list", "nameless", "name", null));
        entries.add(change(b, "tag", "t1", "label", "kept too"));
        Db bulk = open("bulk");
        Db merged = open("merged");
        SnapshotLocal local = local(bulk);
        SyncPort port = SyncPort.of(bulk);
        List<String> bulkEvents = events(bulk, () -> port.write("test", s -> local.apply(s, port.deviceUuid(),
                "remote", Map.of(a, 1L, b, 1L), entries, 0)));
        List<String> mergedEvents = events(merged, () -> slow(merged, entries));
        assertEquals(MergeState.state(merged), MergeState.state(bulk));
        assertEquals(mergedEvents, bulkEvents);
        assertFalse(bulkEvents.toString().contains("nameless"), bulkEvents.toString());
    }

    /** Whether the helper that works out the changelog rows ({@link SnapshotChangeRows}) is still running. */
    static boolean helperAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("tandem-snapshot-rows") && t.isAlive());
    }

    /** Enough items for many chunks of {@link SnapshotChangeRows}. */
    List<SnapshotEntry> manyItems(int n) {
        List<SnapshotEntry> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            entries.add(change(i % 2 == 0 ? a : b, "item", String.format("m%05d", i), "title", "item " + i));
        }
        return entries;
    }

    @Test
    void bulkPath_insertRefusedLate_helperStoppedAndTheMergeTakesOver() throws Exception {
        List<SnapshotEntry> entries = manyItems(20_000);
        // A stray winners row of an early entity: the insert is refused while the helper works ahead.
        String stray = "INSERT INTO _tandem_entity(tbl, entity, key, seq, winners) VALUES('item', 'm00010', '', 1, NULL)";
        Db bulk = open("bulk");
        Db merged = open("merged");
        for (Db db : List.of(bulk, merged)) {
            SyncPort.of(db).write("stray", s -> s.sql().connection().createStatement().executeUpdate(stray));
        }
        SnapshotLocal local = local(bulk);
        SyncPort port = SyncPort.of(bulk);
        SnapshotLocal.Stats st = port.write("test", s -> local.apply(s, port.deviceUuid(), "remote",
                Map.of(a, 1L, b, 1L), entries, 0));
        slow(merged, entries);

        assertFalse(st.fast(), "the bulk insert was refused and rolled back");
        assertEquals(MergeState.state(merged), MergeState.state(bulk));
        assertFalse(helperAlive(), "the helper stopped with the insert");
    }

    @Test
    void bulkPath_valueTheChangelogCannotHold_failsWithNothingWritten() {
        List<SnapshotEntry> entries = manyItems(10_000);
        entries.set(9_000, change(a, "item", "odd", "title", new java.util.Date(0)));
        Db bulk = open("bulk");
        SnapshotLocal local = local(bulk);
        SyncPort port = SyncPort.of(bulk);

        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> port.write("test", s -> local.apply(s, port.deviceUuid(), "remote", Map.of(a, 1L), entries, 0)));

        assertTrue(e.getMessage().contains("not a normal-form SQLite value"), e.getMessage());
        assertEquals("  0 (Integer)\n", port.read(c -> MergeState.dump(c, "SELECT count(*) FROM _tandem_change")));
        assertFalse(helperAlive());
    }

    @Test
    void manyEntities_sameStateAsNormalMerge() {
        // Enough rows for several statements per table, with entities in a different order than ids.
        List<SnapshotEntry> entries = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String id = String.format("e%05d", (i * 7919) % 3000);
            entries.add(change(i % 2 == 0 ? a : b, "item", id, "title", "item " + i, "priority", (long) i));
            if (i % 3 == 0) {
                entries.add(change(b, "item", id, "notes", "notes " + i));
            }
            if (i % 10 == 0) {
                entries.add(change(a, "tag", id, "label", "tag " + i));
            }
        }
        Db bulk = open("bulk");
        Db merged = open("merged");
        fast(bulk, entries);
        slow(merged, entries);
        assertEquals(MergeState.state(merged), MergeState.state(bulk));
        ftsIntact(bulk);
    }

    @Test
    void nonEmptyChangelogTheSnapshotCovers_replacedInBulkKeepingWhatIsUnpushed() {
        Db db = open("local");
        db.save(new Fixtures.Item(null, null, "made here, not pushed", false, null, null));
        SnapshotLocal local = local(db);
        List<SnapshotEntry> entries = snapshot();
        SyncPort port = SyncPort.of(db);
        assertEquals(1, unpushed(port));
        SnapshotLocal.Stats st = port.write("test", s -> local.apply(s, port.deviceUuid(), "remote",
                Map.of(a, 1L), entries, 0));
        assertTrue(st.fast(), "no cursor of this database lies past the snapshot's");
        assertEquals(1, db.query(Fixtures.Item.class, "SELECT * FROM item WHERE title = 'made here, not pushed'").size());
        assertEquals(1, db.query(Fixtures.Item.class, "SELECT * FROM item WHERE id = 'i1'").size());
        assertEquals(1, unpushed(port), "the unpushed change is still the one to push");
    }

    @Test
    void nonEmptyChangelogPastTheSnapshot_takesTheNormalMerge() {
        Db db = open("local");
        db.save(new Fixtures.Item(null, null, "made here, not pushed", false, null, null));
        SnapshotLocal local = local(db);
        List<SnapshotEntry> entries = snapshot();
        SyncPort port = SyncPort.of(db);
        port.write("cursor", s -> {
            new SyncState().setCursor(s.sql(), "remote", b, 5);
            return null;
        });
        SnapshotLocal.Stats st = port.write("test", s -> local.apply(s, port.deviceUuid(), "remote",
                Map.of(a, 1L, b, 2L), entries, 0));
        assertFalse(st.fast(), "this database read batches of b the snapshot lacks");
        assertEquals(1, db.query(Fixtures.Item.class, "SELECT * FROM item WHERE title = 'made here, not pushed'").size());
        assertEquals(1, db.query(Fixtures.Item.class, "SELECT * FROM item WHERE id = 'i1'").size());
    }

    /** Own changes after the push cursor of "remote": what the next push sends. */
    private static long unpushed(SyncPort port) {
        return port.read(c -> new SyncState().countOwn(c, port.deviceUuid(), new SyncState().pushed(c, "remote").changeSeq()));
    }

    @Test
    void malformedSnapshot_attributeTwice_takesTheNormalMerge() {
        List<SnapshotEntry> entries = new ArrayList<>();
        entries.add(change(a, "item", "x", "title", "older"));
        entries.add(change(b, "item", "x", "TITLE", "newer"));
        Db db = open("twice");
        SnapshotLocal local = local(db);
        SyncPort port = SyncPort.of(db);
        SnapshotLocal.Stats st = port.write("test", s -> local.apply(s, port.deviceUuid(), "remote",
                Map.of(a, 1L), entries, 0));
        assertFalse(st.fast());
        Db merged = open("merged");
        slow(merged, entries);
        assertEquals(MergeState.state(merged), MergeState.state(db));
    }
}
