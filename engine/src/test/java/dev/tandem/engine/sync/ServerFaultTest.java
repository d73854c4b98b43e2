package dev.tandem.engine.sync;

import static dev.tandem.engine.testing.SyncFixture.items;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.sync.SyncException.Reason;
import dev.tandem.engine.testing.ManualClock;
import dev.tandem.engine.testing.Remotes;
import dev.tandem.engine.testing.ServerQuirks;
import dev.tandem.engine.testing.SyncFixture;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A server that does not give back what a device wrote is caught by the writer during sync, named,
 * and stops the sync before any head points other devices at the damage.
 */
@Tag("unit")
class ServerFaultTest {
    @RegisterExtension
    final SyncFixture fixture = new SyncFixture();

    @Test
    void sync_serverKeepsChunkFraming_stopsWithServerFaultBeforeAnyHead() {
        SyncStorage memory = SyncStorage.memory();
        // What s3rver does with a signed aws-chunked body: stores the framing with the data.
        SyncStorage mangling = ServerQuirks.transformWrites(memory, data -> {
            byte[] head = (Integer.toHexString(data.length) + ";chunk-signature=0000\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] out = new byte[head.length + data.length + 2];
            System.arraycopy(head, 0, out, 0, head.length);
            System.arraycopy(data, 0, out, head.length, data.length);
            out[out.length - 2] = '\r';
            out[out.length - 1] = '\n';
            return out;
        });
        Db a = fixture.device();
        a.save(Item.of("x"));
        SyncException e = assertThrows(SyncException.class, () -> fixture.engine(mangling).sync(a));
        assertEquals(Reason.SERVER_FAULT, e.reason());
        assertFalse(e.retryable());
        assertTrue(e.getMessage().contains("different content"), e.getMessage());
        assertEquals(List.of(), Remotes.names(memory, "heads/"), "no reader is pointed at the damaged batch");
        assertEquals(1, fixture.engine(mangling).pendingChanges(a), "the change still counts as not pushed");
    }

    @Test
    void sync_encryptedAndServerMangles_stopsWithServerFault() {
        SyncStorage memory = SyncStorage.memory();
        SyncStorage mangling = ServerQuirks.transformWrites(memory, data -> {
            byte[] out = data.clone();
            if (out.length > 40) {
                out[out.length - 1] ^= 1;
            }
            return out;
        });
        Db a = fixture.device();
        a.save(Item.of("x"));
        SyncEngine engine = fixture.closeAfter(SyncEngine.builder().storage(mangling).encrypted("pw").build());
        SyncException e = assertThrows(SyncException.class, () -> engine.sync(a));
        assertEquals(Reason.SERVER_FAULT, e.reason(), e.getMessage());
    }

    @Test
    void sync_serverStopsListingOwnHead_stopsNamingTheMissingHead() {
        SyncStorage memory = SyncStorage.memory();
        ServerQuirks.Hiding hiding = ServerQuirks.hiding(memory);
        SyncEngine engine = fixture.engine(hiding);
        Db a = fixture.device();
        a.save(Item.of("x"));
        engine.sync(a);
        hiding.hide("heads/");
        a.save(Item.of("y"));
        SyncException e = assertThrows(SyncException.class, () -> engine.sync(a));
        assertEquals(Reason.SERVER_INCONSISTENT, e.reason());
        assertTrue(e.getMessage().contains("heads/" + a.deviceId() + "/000000000001"), e.getMessage());
        // Also from a new engine (a new run of the app or the command line): the record is in the database.
        SyncException again = assertThrows(SyncException.class, () -> fixture.engine(hiding).sync(a));
        assertEquals(Reason.SERVER_INCONSISTENT, again.reason());
        hiding.hide(null);
        engine.sync(a);
        Db b = fixture.device();
        fixture.engine(memory).sync(b);
        assertEquals(items(a), items(b));
    }

    @Test
    void sync_goodServer_checksOncePerEngine() {
        SyncStorage memory = SyncStorage.memory();
        SyncEngine engine = fixture.engine(memory);
        Db a = fixture.device();
        a.save(Item.of("x"));
        SyncReport first = engine.sync(a);
        a.save(Item.of("y"));
        SyncReport second = engine.sync(a);
        assertEquals(7, first.requests(), "listing, encryption check, batch, read back, refused rewrite, head, marker: "
                + first);
        assertEquals(5, second.requests(), "listing, the first batch read back once its head is listed, batch, head,"
                + " marker: the other checks are done once per engine: " + second);
    }

    @Test
    void sync_ownHeadLostButBatchesThere_afterTheGraceWritesTheHeadAgain() {
        ManualClock clock = new ManualClock(1_800_000_000_000L);
        SyncStorage memory = SyncStorage.memory();
        SyncEngine engine = fixture.engine(memory);
        Db a = fixture.device(Db.builder().memory().clock(clock));
        a.save(Item.of("x"));
        engine.sync(a);
        memory.delete("heads/" + a.deviceId() + "/000000000001");
        a.save(Item.of("y"));
        assertEquals(Reason.SERVER_INCONSISTENT, assertThrows(SyncException.class, () -> engine.sync(a)).reason());
        clock.millis.addAndGet(11 * 60_000L);
        SyncReport r = engine.sync(a);
        assertTrue(r.notes().stream().anyMatch(w -> w.contains("the head was written again")), r.notes().toString());
        Db b = fixture.device();
        fixture.engine(memory).sync(b);
        assertEquals(items(a), items(b));
    }

    @Test
    void sync_ownBatchLost_afterTheGracePushesEverythingAgainUnderANewId() {
        ManualClock clock = new ManualClock(1_800_000_000_000L);
        SyncStorage memory = SyncStorage.memory();
        SyncEngine engine = fixture.engine(memory);
        Db a = fixture.device(Db.builder().memory().clock(clock));
        a.save(Item.of("x"));
        engine.sync(a);
        String lostId = a.deviceId();
        memory.delete("heads/" + lostId + "/000000000001");
        memory.delete("batches/" + lostId + "/000000000001");
        clock.millis.addAndGet(1_000);
        assertThrows(SyncException.class, () -> engine.sync(a));
        clock.millis.addAndGet(11 * 60_000L);
        SyncReport r = engine.sync(a);
        assertTrue(r.notes().stream().anyMatch(w -> w.startsWith("The remote lost objects")), r.notes().toString());
        assertTrue(!a.deviceId().equals(lostId));
        Db b = fixture.device();
        fixture.engine(memory).sync(b);
        assertEquals(items(a), items(b), "the lost change reached the other device");
    }
}
