package dev.tandem.engine.internal.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures;
import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.MappingException;
import dev.tandem.engine.Table;
import dev.tandem.engine.internal.changelog.SyncLimits;
import dev.tandem.engine.internal.wire.Frame;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.SyncReport;
import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.engine.testing.Canonical;
import dev.tandem.engine.testing.Remotes;
import dev.tandem.engine.testing.SyncFixture;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Writers never produce what readers refuse. Before, a push of many large notes became one batch
 * over the 64 MiB object limit, which every other device then refused, and a save could hold a
 * value, an id or a name no reader accepts: the data stayed on its device and nobody was told.
 */
@Tag("unit")
class SyncLimitsTest {
    @RegisterExtension
    final SyncFixture fixture = new SyncFixture();

    static final String BLOBS = "CREATE TABLE blobs(id TEXT PRIMARY KEY, a BLOB, b BLOB, c BLOB)";

    @Table("blobs")
    record Blobs(String id, byte[] a, byte[] b, byte[] c) {
    }

    Db deviceWithBlobs() {
        return fixture.device(List.of(Fixtures.MIGRATIONS.get(0), Fixtures.MIGRATIONS.get(1), BLOBS));
    }

    @Test
    void push_largeValuesBeyondOneObject_cutIntoBatchesEveryReaderAccepts() {
        Db a = deviceWithBlobs();
        Random r = new Random(7);
        // 67.5 MiB that does not deflate: as one batch, over the 64 MiB a reader accepts.
        a.transaction(tx -> {
            for (int i = 0; i < 9; i++) {
                byte[] data = new byte[(15 << 20) / 2];
                r.nextBytes(data);
                tx.save(new Blobs("blob" + i, data, null, null));
            }
        });
        SyncStorage remote = fixture.remote();
        SyncEngine engine = fixture.engine();
        SyncReport push = engine.sync(a);
        assertEquals(9, push.pushed());
        List<String> batches = Remotes.names(remote, "batches/");
        assertTrue(batches.size() >= 5, "at most two 7.5 MiB values per 8 MiB batch: " + batches.size());
        for (String key : batches) {
            assertTrue(remote.get(key).orElseThrow().length <= Frame.MAX_OBJECT, key);
        }
        Db b = deviceWithBlobs();
        SyncReport pull = engine.sync(b);
        assertEquals(0, pull.skipped(), pull.warnings().toString());
        assertEquals(9, pull.pulled());
        assertEquals(Canonical.hash(a), Canonical.hash(b));
    }

    @Test
    void save_valueOverTheSyncLimit_refusedNamingTheFieldAndNothingSaved() {
        Db a = fixture.device();
        String huge = "x".repeat(SyncLimits.MAX_VALUE + 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> a.save(new Item(null, null, "t", false, null, huge)));
        assertTrue(e.getMessage().startsWith("item.notes"), e.getMessage());
        assertTrue(a.query(Item.class, "SELECT * FROM item").isEmpty());
        assertTrue(Canonical.changeIds(a).isEmpty());
        a.save(new Item(null, null, "t", false, null, "x".repeat(SyncLimits.MAX_VALUE)));
    }

    @Test
    void save_changeOverTheSyncLimit_refused() {
        Db a = deviceWithBlobs();
        byte[] big = new byte[15 << 20];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> a.save(new Blobs(null, big, big, big)));
        assertTrue(e.getMessage().contains("one synced change"), e.getMessage());
        a.save(new Blobs(null, big, big, null));
    }

    @Test
    void save_idNoReaderAccepts_refused() {
        Db a = fixture.device();
        for (String id : List.of("x".repeat(257), "é".repeat(129), "tab\there", "new\nline")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> a.save(new Item(id, null, "t", false, null, null)));
            assertTrue(e.getMessage().startsWith("id:"), e.getMessage());
        }
        a.save(new Item("x".repeat(256), null, "t", false, null, null));
        a.save(new Item("ünïcödé ok", null, "t", false, null, null));
        assertEquals(2, a.query(Item.class, "SELECT * FROM item").size());
    }

    @Table("_private")
    record Private(String id, String note) {
    }

    @Test
    void save_tableNameNoReaderAccepts_refused() {
        Db a = fixture.device();
        a.migrate(List.of(Fixtures.MIGRATIONS.get(0), Fixtures.MIGRATIONS.get(1),
                "CREATE TABLE _private(id TEXT PRIMARY KEY, note TEXT)"));
        MappingException e = assertThrows(MappingException.class, () -> a.save(new Private(null, "n")));
        assertTrue(e.getMessage().contains("'_private' cannot sync"), e.getMessage());
    }

    @Test
    void fieldNameOk_generatedNames_acceptsExactlyTheDocumentedPattern() {
        Pattern name = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");
        String alphabet = "aZ_09é-. \u0000";
        Random r = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            int length = r.nextInt(8) == 0 ? 120 + r.nextInt(12) : r.nextInt(6);
            StringBuilder b = new StringBuilder();
            for (int j = 0; j < length; j++) {
                b.append(alphabet.charAt(r.nextInt(r.nextInt(4) == 0 ? alphabet.length() : 5)));
            }
            String n = b.toString();
            boolean matches = name.matcher(n).matches();
            String lower = n.toLowerCase(Locale.ROOT);
            assertEquals(matches && !lower.startsWith("_tandem") && !lower.startsWith("sqlite_"),
                    SyncLimits.fieldNameOk(n), n);
            assertEquals(matches && !n.startsWith("_") && !lower.startsWith("sqlite_"), SyncLimits.tableNameOk(n), n);
        }
        for (String reserved : List.of("_tandem_change", "_TANDEM", "sqlite_master", "SQLite_x")) {
            assertTrue(!SyncLimits.fieldNameOk(reserved), reserved);
        }
        assertTrue(SyncLimits.fieldNameOk("_deleted"));
        assertTrue(SyncLimits.fieldNameOk("a".repeat(128)));
        assertTrue(!SyncLimits.fieldNameOk("a".repeat(129)));
    }

    @Test
    void limits_writerCutsFitTheReader() {
        assertTrue((long) SyncLimits.MAX_CHANGE + SyncLimits.BATCH_BYTES + (1 << 20) < Frame.MAX_OBJECT,
                "a batch of the budget plus one maximal change fits one object even if it does not deflate");
        assertTrue(Frame.MAX_OBJECT <= Frame.MAX_INFLATED);
    }
}
