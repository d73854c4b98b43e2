package dev.tandem.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.testing.ManualClock;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Idempotency keys: a claim commits and rolls back with the writes it guards, and outlives a reopen. */
@Tag("unit")
class ClaimTest {
    @TempDir
    Path dir;

    private Db open(ManualClock clock) {
        Db db = Db.builder().file(dir.resolve("claims.db")).clock(clock).build();
        db.migrate(Fixtures.MIGRATIONS);
        return db;
    }

    @Test
    void claim_sameKeyTwice_trueOnlyTheFirstTime() {
        try (Db db = open(new ManualClock())) {
            assertTrue(db.claim("web:a:1"));
            assertFalse(db.claim("web:a:1"));
            assertTrue(db.claim("web:a:2"));
        }
    }

    @Test
    void claim_transactionRolledBack_keyAndWritesAreBothUndone() {
        try (Db db = open(new ManualClock())) {
            assertThrows(IllegalStateException.class, () -> db.transaction(tx -> {
                assertTrue(tx.claim("entry-1"));
                tx.save(Item.of("written with the claim"));
                throw new IllegalStateException("the write failed after the claim");
            }));
            assertEquals(0, db.query(Item.class, "SELECT * FROM item").size());
            // The retry finds the key free, and its writes land once.
            db.transaction(tx -> {
                if (tx.claim("entry-1")) {
                    tx.save(Item.of("written with the claim"));
                }
            });
            db.transaction(tx -> {
                if (tx.claim("entry-1")) {
                    tx.save(Item.of("written with the claim"));
                }
            });
            assertEquals(1, db.query(Item.class, "SELECT * FROM item").size());
        }
    }

    @Test
    void claim_databaseReopened_keyIsStillClaimed() {
        ManualClock clock = new ManualClock();
        try (Db db = open(clock)) {
            assertTrue(db.claim("kept"));
        }
        try (Db db = open(clock)) {
            assertFalse(db.claim("kept"));
        }
    }

    @Test
    void claim_olderThanTheKeepingTime_isForgottenAsNewClaimsArrive() {
        ManualClock clock = new ManualClock();
        try (Db db = open(clock)) {
            assertTrue(db.claim("old"));
            clock.millis.addAndGet(TimeUnit.DAYS.toMillis(Tx.CLAIM_DAYS) + 1);
            assertTrue(db.claim("new"));
            assertTrue(db.claim("old"), "a claim past its keeping time is forgotten");
            assertFalse(db.claim("new"), "a recent claim is kept");
        }
    }

    @Test
    void claim_blankOrOverlongKey_isRefusedWithTheFieldNamed() {
        try (Db db = open(new ManualClock())) {
            IllegalArgumentException blank = assertThrows(IllegalArgumentException.class, () -> db.claim(" "));
            assertTrue(blank.getMessage().startsWith("key:"), blank.getMessage());
            assertThrows(IllegalArgumentException.class, () -> db.claim("k".repeat(Tx.CLAIM_KEY_CHARS + 1)));
            assertTrue(db.claim("k".repeat(Tx.CLAIM_KEY_CHARS)));
        }
    }
}
