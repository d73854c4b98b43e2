package dev.tandem.engine.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Conflict;
import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures;
import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.internal.clock.Uuid7;
import dev.tandem.engine.testing.Canonical;
import dev.tandem.engine.testing.ManualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A device whose clock runs a day ahead must not win every later conflict. Its changes merge
 * everywhere (all devices must order them alike), but no other clock follows it; an edit of what
 * it wrote, made after seeing it, still wins; and once its clock is fixed, its own clock follows
 * and others' later edits beat its concurrent ones again. Before, every device that synced with it
 * adopted its time, and so did the device itself after the fix: its concurrent edits kept winning
 * until real time caught up a day later.
 */
@Tag("unit")
class ClockSkewTest {
    static final long NOW = 1_700_000_000_000L;
    static final long DAY = 86_400_000L;

    final SyncStorage remote = SyncStorage.memory();
    final SyncEngine engine = SyncEngine.builder().storage(remote).build();
    final List<Db> dbs = new ArrayList<>();

    @AfterEach
    void close() {
        dbs.forEach(Db::close);
    }

    Db device(ManualClock clock) {
        Db db = Db.builder().memory().clock(clock).build();
        db.migrate(Fixtures.MIGRATIONS);
        dbs.add(db);
        return db;
    }

    void syncAll() {
        for (int round = 0; round < 2; round++) {
            dbs.forEach(engine::sync);
        }
    }

    static String title(Db db, String id) {
        return db.get(Item.class, id).orElseThrow().title();
    }

    @Test
    void sync_conflictMerged_isDatedByTheDatabasesClockNotTheSystems() {
        ManualClock aClock = new ManualClock(NOW);
        ManualClock bClock = new ManualClock(NOW + 5_000);
        Db a = device(aClock);
        Db b = device(bClock);
        Item x = a.save(Item.of("shared"));
        syncAll();
        a.save(a.get(Item.class, x.id()).orElseThrow().withTitle("a's title"));
        b.save(b.get(Item.class, x.id()).orElseThrow().withTitle("b's title"));
        bClock.millis.addAndGet(60_000);
        engine.sync(a);
        engine.sync(b);
        List<Conflict> conflicts = b.conflicts().list();
        assertEquals(1, conflicts.size(), conflicts.toString());
        assertEquals(NOW + 65_000, conflicts.get(0).detectedAt().toEpochMilli(),
                "the merge dates its conflict by the database's clock, which tests and the app set");
    }

    @Test
    void sync_deviceADayAhead_othersLaterEditsWinAndItsClockFollowsOnceFixed() {
        ManualClock skewedClock = new ManualClock(NOW + DAY);
        ManualClock aClock = new ManualClock(NOW);
        ManualClock bClock = new ManualClock(NOW);
        Db skewed = device(skewedClock);
        Db a = device(aClock);
        Db b = device(bClock);

        Item x = skewed.save(Item.of("written a day ahead"));
        engine.sync(skewed);
        SyncReport seen = engine.sync(a);
        assertTrue(seen.notes().stream().anyMatch(w -> w.contains(skewed.deviceId()) && w.contains("ahead")),
                "the far-ahead clock is reported: " + seen.notes());
        aClock.millis.addAndGet(60_000);
        a.save(a.get(Item.class, x.id()).orElseThrow().withTitle("a's edit, after seeing it"));
        syncAll();
        for (Db db : dbs) {
            assertEquals("a's edit, after seeing it", title(db, x.id()), "an edit of what one has seen wins");
        }
        Item fresh = a.save(Item.of("fresh"));
        assertTrue(Uuid7.millis(UUID.fromString(fresh.id())) < NOW + DAY, "a's clock did not jump a day ahead");

        // The skewed clock is set right. A new item, then concurrent edits: b edits later in real
        // time than the skewed device, which edits twice, as a person keeps typing.
        skewedClock.millis.set(NOW + 120_000);
        aClock.millis.set(NOW + 120_000);
        bClock.millis.set(NOW + 120_000);
        Item y = a.save(Item.of("new"));
        syncAll();
        skewedClock.millis.addAndGet(1_000);
        skewed.save(skewed.get(Item.class, y.id()).orElseThrow().withTitle("skewed, first"));
        skewed.save(skewed.get(Item.class, y.id()).orElseThrow().withTitle("skewed, second"));
        bClock.millis.addAndGet(5_000);
        b.save(b.get(Item.class, y.id()).orElseThrow().withTitle("b, later"));
        syncAll();
        for (Db db : dbs) {
            assertEquals("b, later", title(db, y.id()), "the later concurrent edit wins again");
        }
        assertEquals(Canonical.userTables(a), Canonical.userTables(skewed));
        assertEquals(Canonical.userTables(a), Canonical.userTables(b));
        assertTrue(skewed.conflicts().list().stream().anyMatch(c -> "skewed, second".equals(c.lostValue())),
                "the lost edit is kept as a conflict");
    }

    @Test
    void save_ownValueWrittenWhileAhead_laterEditAfterTheFixStillWins() {
        ManualClock clock = new ManualClock(NOW + DAY);
        Db skewed = device(clock);
        Db other = device(new ManualClock(NOW));
        Item x = skewed.save(Item.of("while ahead"));
        clock.millis.set(NOW);
        skewed.save(x.withTitle("after the fix"));
        assertEquals("after the fix", title(skewed, x.id()));
        syncAll();
        assertEquals("after the fix", title(other, x.id()), "a device's later edit beats its own earlier one");
    }
}
