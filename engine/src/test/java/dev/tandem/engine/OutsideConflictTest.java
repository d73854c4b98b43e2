package dev.tandem.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.testing.SyncFixture;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Conflicts with values from outside Tandem's sync (a CalDAV server), as Conflicts shows and takes them back. */
@Tag("unit")
class OutsideConflictTest {
    private static final String SERVER = UUID.nameUUIDFromBytes("caldav:cloud.example.com".getBytes()).toString();

    @RegisterExtension
    final SyncFixture fixture = new SyncFixture();

    @Test
    void keepOutsideLoser_valueLostToTheLocalEdit_isListedWithItsAuthorAndCanBeTakenBack() {
        Db db = fixture.device();
        Item it = db.save(Item.of("Train tickets"));
        Instant at = Instant.parse("2026-11-20T10:00:00Z");
        db.transaction(tx -> tx.conflicts().keepOutsideLoser("item", it.id(), "title", "Bus tickets", SERVER, at));

        List<Conflict> conflicts = db.conflicts().list();
        assertEquals(1, conflicts.size());
        Conflict c = conflicts.get(0);
        assertEquals(Conflict.Kind.EDIT_EDIT, c.kind());
        assertEquals("Train tickets", c.keptValue());
        assertEquals("Bus tickets", c.lostValue());
        assertEquals(SERVER, c.lostAuthor());
        assertEquals(db.deviceId(), c.keptAuthor());
        assertEquals(at, c.lostAt());

        db.conflicts().useLostValue(c.id());
        assertEquals("Bus tickets", db.get(Item.class, it.id()).orElseThrow().title());
        assertTrue(db.conflicts().list().isEmpty());
    }

    @Test
    void keepOutsideLoser_neverPushed_otherDevicesSeeNeitherTheValueNorTheConflict() {
        Db here = fixture.device();
        Db other = fixture.device();
        SyncEngine engine = fixture.engine();
        Item it = here.save(Item.of("Tickets"));
        here.transaction(tx -> tx.conflicts().keepOutsideLoser("item", it.id(), "title", "Plane tickets", SERVER, Instant.now()));
        SyncFixture.syncEach(engine, here, other, here);
        assertEquals("Tickets", other.get(Item.class, it.id()).orElseThrow().title());
        assertTrue(other.conflicts().list().isEmpty());
        assertEquals("Tickets", here.get(Item.class, it.id()).orElseThrow().title());
    }

    @Test
    void keepReplacedChange_outsideValueSavedOverALocalEdit_listsTheLocalEditAsLost() {
        Db db = fixture.device();
        Item it = db.save(Item.of("Tickets"));
        db.save(it.withTitle("Ferry tickets"));
        String localEdit = db.history().changes("item", it.id()).stream().filter(ch -> ch.fields().stream()
                .anyMatch(f -> f.field().equalsIgnoreCase("title") && "Ferry tickets".equals(f.value())))
                .findFirst().orElseThrow().id();
        boolean kept = db.transactionResult(tx -> {
            tx.save(it.withTitle("Plane tickets"));
            return tx.conflicts().keepReplacedChange("item", it.id(), "title", localEdit, SERVER);
        });
        assertTrue(kept);
        Conflict c = db.conflicts().list().get(0);
        assertEquals("Plane tickets", c.keptValue());
        assertEquals(SERVER, c.keptAuthor(), "the saved value came from the server");
        assertEquals("Ferry tickets", c.lostValue());
        assertEquals(db.deviceId(), c.lostAuthor());
        boolean unknown = db.transactionResult(tx -> tx.conflicts().keepReplacedChange("item", it.id(), "title",
                UUID.randomUUID().toString(), SERVER));
        assertFalse(unknown, "a change the changelog does not hold");
    }

    @Test
    void keepReplacedChange_laterLocalEditTakesTheFieldOver_keptAuthorIsThisDeviceAgain() {
        Db db = fixture.device();
        Item it = db.save(Item.of("Tickets"));
        db.save(it.withTitle("Ferry tickets"));
        String localEdit = db.history().changes("item", it.id()).stream().filter(ch -> ch.fields().stream()
                .anyMatch(f -> "Ferry tickets".equals(f.value()))).findFirst().orElseThrow().id();
        db.transactionResult(tx -> {
            tx.save(it.withTitle("Plane tickets"));
            return tx.conflicts().keepReplacedChange("item", it.id(), "title", localEdit, SERVER);
        });
        db.save(it.withTitle("Bus tickets"));
        Conflict c = db.conflicts().list().get(0);
        assertEquals("Bus tickets", c.keptValue());
        assertEquals(db.deviceId(), c.keptAuthor(), "the server's value no longer stands");
    }

    @Test
    void open_fileWhoseConflictTableHasNoKeptAuthorColumn_addsItAndKeepsTheConflicts(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("old.db");
        String id;
        try (Db db = Db.open(file)) {
            db.migrate(Fixtures.MIGRATIONS);
            id = db.save(Item.of("Tickets")).id();
            db.transaction(tx -> tx.conflicts().keepOutsideLoser("item", id, "title", "Bus tickets", SERVER, Instant.now()));
        }
        // The table as files written before the column existed hold it.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            c.createStatement().execute("ALTER TABLE _tandem_conflict DROP COLUMN kept_author");
        }
        try (Db db = Db.open(file)) {
            assertEquals("Bus tickets", db.conflicts().list().get(0).lostValue());
            assertEquals(db.deviceId(), db.conflicts().list().get(0).keptAuthor());
        }
    }

    @Test
    void keepOutsideLoser_authorNotAUuid_isRefusedNamingIt() {
        Db db = fixture.device();
        Item it = db.save(Item.of("Tickets"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> db.transaction(tx ->
                tx.conflicts().keepOutsideLoser("item", it.id(), "title", "x", "caldav", Instant.now())));
        assertTrue(e.getMessage().startsWith("author:"), e.getMessage());
    }
}
