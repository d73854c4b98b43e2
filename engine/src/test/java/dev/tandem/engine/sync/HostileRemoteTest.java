package dev.tandem.engine.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.Fixtures.TodoList;
import dev.tandem.engine.internal.changelog.ChangeData;
import dev.tandem.engine.internal.wire.Batch;
import dev.tandem.engine.internal.wire.BatchCodec;
import dev.tandem.engine.internal.wire.Frame;
import dev.tandem.engine.internal.wire.Head;
import dev.tandem.engine.testing.Canonical;
import dev.tandem.engine.testing.ForgedRemote;
import dev.tandem.engine.testing.ManualClock;
import dev.tandem.engine.testing.SyncFixture;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;

/**
 * A remote batch that cannot be read is rejected with an error naming it, set aside so the rest of
 * the sync goes on (the batches after it included), leaves the local data as it was, and is read
 * again later: if it has healed, its changes arrive then. Remote data is untrusted throughout.
 */
@Tag("unit")
class HostileRemoteTest {
    @RegisterExtension
    final SyncFixture fixture = new SyncFixture();
    final SyncStorage remote = fixture.remote();
    final ManualClock clock = new ManualClock();

    /** On the clock the forged remote devices use, which the tests step past retry times. */
    Db device() {
        return fixture.device(Db.builder().memory().clock(clock));
    }

    static Stream<Arguments> damage() {
        List<Arguments> cases = new ArrayList<>();
        cases.add(Arguments.of("truncated", (BiFunction<ForgedRemote, byte[], byte[]>) (f, good) ->
                Arrays.copyOf(good, good.length / 2)));
        cases.add(Arguments.of("bit-flipped", (BiFunction<ForgedRemote, byte[], byte[]>) (f, good) -> {
            byte[] b = good.clone();
            b[b.length - 3] ^= 0x10;
            return b;
        }));
        cases.add(Arguments.of("zero-length", (BiFunction<ForgedRemote, byte[], byte[]>) (f, good) -> new byte[0]));
        cases.add(Arguments.of("length claiming 4 GB", (BiFunction<ForgedRemote, byte[], byte[]>) (f, good) -> {
            byte[] b = good.clone();
            ByteBuffer.wrap(b).putInt(8, -1);
            return b;
        }));
        cases.add(Arguments.of("MessagePack of the wrong shape", (BiFunction<ForgedRemote, byte[], byte[]>) (f, good) ->
                wrongShape()));
        cases.add(Arguments.of("a head where a batch belongs", (BiFunction<ForgedRemote, byte[], byte[]>) (f, good) ->
                BatchCodec.encodeHead(new Head(f.device, 1, 0, Map.of()))));
        cases.add(Arguments.of("another device's batch", (BiFunction<ForgedRemote, byte[], byte[]>) (f, good) ->
                BatchCodec.encode(new Batch(UUID.randomUUID(), 1, List.of()), 0)));
        cases.add(Arguments.of("table 'x; DROP TABLE item'", (BiFunction<ForgedRemote, byte[], byte[]>) (f, good) ->
                f.encode(1, f.change("x; DROP TABLE item", "e", "title", "boom"))));
        cases.add(Arguments.of("table '../../etc'", (BiFunction<ForgedRemote, byte[], byte[]>) (f, good) ->
                f.encode(1, f.change("../../etc", "passwd", "root", "x"))));
        cases.add(Arguments.of("field 'title; DROP TABLE item'", (BiFunction<ForgedRemote, byte[], byte[]>) (f, good) ->
                f.encode(1, f.change("item", "e", "title\"; DROP TABLE item; --", "boom"))));
        cases.add(Arguments.of("engine table '_tandem_change'", (BiFunction<ForgedRemote, byte[], byte[]>) (f, good) ->
                f.encode(1, f.change("_tandem_change", "1", "author", "me"))));
        cases.add(Arguments.of("one field set twice", (BiFunction<ForgedRemote, byte[], byte[]>) (f, good) ->
                f.encode(1, f.change("item", "e", "title", "a", "TITLE", "b"))));
        return cases.stream();
    }

    static byte[] wrongShape() {
        try (MessageBufferPacker p = MessagePack.newDefaultBufferPacker()) {
            p.packMapHeader(1).packString("changes").packArrayHeader(1).packString("all of them");
            return Frame.wrap(Frame.KIND_BATCH, p.toByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damage")
    void sync_unreadableBatch_setAsideNamedAndLaterBatchesStillMerge(String what,
            BiFunction<ForgedRemote, byte[], byte[]> damage) {
        Db b = device();
        Item mine = b.save(Item.of("mine"));
        ForgedRemote other = new ForgedRemote(remote, UUID.randomUUID(), clock);
        ChangeData lost = other.change("list", "first", "name", "First");
        byte[] good = other.encode(1, lost);
        other.raw(1, damage.apply(other, good));
        other.batch(2, other.change("list", "second", "name", "Second"));
        other.head(2);
        SyncEngine engine = fixture.engine();

        SyncReport report = engine.sync(b);
        assertEquals(1, report.skipped(), report.toString());
        assertEquals(1, report.warnings().size(), report.toString());
        String warning = report.warnings().get(0);
        assertTrue(warning.contains(other.batchKey(1)), "names the object: " + warning);
        assertEquals(1, report.pulled(), "batch 2 still merged");
        assertEquals(List.of(new TodoList("second", "Second")), b.query(TodoList.class, "SELECT * FROM list"));
        assertEquals(List.of(mine), b.query(Item.class, "SELECT * FROM item"), "nothing of batch 1 applied");
        assertFalse(Canonical.changeIds(b).contains(lost.id()));
        assertEquals(1, report.pushed(), "the push goes on");

        SyncReport again = engine.sync(b);
        assertEquals(0, again.skipped(), "not read again before its retry time: " + again);
        assertEquals(2, again.requests(), "the listing, and the own batch of the push before read back once");
        assertEquals(1, engine.sync(b).requests(), "an idle sync stays one listing");

        // The object heals (a sync client finished writing it): the next retry merges it.
        remote.delete(other.batchKey(1));
        remote.createIfAbsent(other.batchKey(1), good);
        clock.millis.addAndGet(61_000);
        SyncReport healed = engine.sync(b);
        assertEquals(0, healed.skipped(), healed.toString());
        assertEquals(1, healed.pulled(), healed.toString());
        assertEquals(2, b.query(TodoList.class, "SELECT * FROM list").size());
        assertTrue(Canonical.changeIds(b).contains(lost.id()));
    }

    @Test
    void sync_batchStillUnreadable_retriedWithBackoffAndReportedEachTime() {
        Db b = device();
        ForgedRemote other = new ForgedRemote(remote, UUID.randomUUID(), clock);
        other.raw(1, new byte[] {1, 2, 3});
        other.head(1);
        SyncEngine engine = fixture.engine();
        assertEquals(1, engine.sync(b).skipped());
        clock.millis.addAndGet(61_000);
        SyncReport second = engine.sync(b);
        assertEquals(1, second.skipped());
        assertTrue(second.warnings().get(0).startsWith("Still set aside " + other.batchKey(1)), second.warnings().toString());
        clock.millis.addAndGet(61_000);
        assertEquals(0, engine.sync(b).skipped(), "the second retry waits two minutes");
        clock.millis.addAndGet(61_000);
        assertEquals(1, engine.sync(b).skipped());
    }

    @Test
    void sync_newerFormat_stopsThatDeviceWithoutSettingAside() {
        Db b = device();
        ForgedRemote newer = new ForgedRemote(remote, UUID.randomUUID(), clock);
        byte[] v2 = newer.encode(1, newer.change("list", "l", "name", "from the future"));
        v2[4] = (byte) (Frame.BATCH_VERSION + 1);
        newer.raw(1, v2);
        newer.batch(2, newer.change("list", "m", "name", "after it"));
        newer.head(2);
        ForgedRemote honest = new ForgedRemote(remote, UUID.randomUUID(), clock);
        honest.batch(1, honest.change("list", "h", "name", "honest"));
        honest.head(1);
        SyncReport r = fixture.engine().sync(b);
        assertEquals(0, r.skipped());
        assertTrue(r.warnings().get(0).contains("Update Tandem"), r.warnings().toString());
        assertEquals(List.of(new TodoList("h", "honest")), b.query(TodoList.class, "SELECT * FROM list"),
                "the other device merges; nothing after the newer batch is skipped past");
    }

    @Test
    void sync_ownSlotHoldsGarbage_slotBurntAndChangesPushedInTheNext() {
        Db a = device();
        Db b = device();
        Item x = a.save(Item.of("x"));
        UUID aId = UUID.fromString(a.deviceId());
        remote.createIfAbsent(ForgedRemote.batchKey(aId, 1), "not a batch".getBytes());
        SyncEngine engine = fixture.engine();
        SyncReport ra = engine.sync(a);
        assertEquals(1, ra.skipped(), ra.toString());
        assertEquals(1, ra.pushed());
        assertTrue(remote.get(ForgedRemote.batchKey(aId, 2)).isPresent());
        SyncReport rb = engine.sync(b);
        assertEquals(1, rb.skipped(), "b sets the garbage aside too: " + rb);
        assertEquals(List.of(x), b.query(Item.class, "SELECT * FROM item"));
        SyncReport settled = engine.sync(a);
        assertEquals(0, settled.pushed() + settled.skipped(), "a is settled: " + settled);
    }

    @Test
    void sync_changesIntoShadowAndConstrainedTables_neverWriteThemAndNeverStopSync() {
        Db b = device();
        b.save(Item.of("hello world"));
        ForgedRemote other = new ForgedRemote(remote, UUID.randomUUID(), clock);
        other.batch(1, other.change("item_fts_data", "1", "block", new byte[] {9, 9, 9, 9}),
                other.change("item_fts_config", "version", "v", 99L));
        other.batch(2, other.change("list", "nameless", "name", null));
        other.batch(3, other.change("list", "fine", "name", "Fine"));
        other.head(3);
        SyncReport r = fixture.engine().sync(b);
        assertEquals(0, r.skipped(), "well-formed: merged into the changelog, not set aside");
        assertEquals(List.of(new TodoList("fine", "Fine")), b.query(TodoList.class, "SELECT * FROM list"),
                "a list whose name breaks NOT NULL is held back; the batch after it merges");
        assertTrue(Canonical.pending(b).contains("list/nameless"), Canonical.pending(b).toString());
        assertEquals("ok", Canonical.integrity(b));
        record Hit(String id, long n) {
        }
        assertEquals(1, b.query(Hit.class, "SELECT 'x' AS id, count(*) AS n FROM item_fts WHERE item_fts MATCH 'hello'")
                .get(0).n(), "the full-text index is intact");
        assertEquals(0, b.query(Hit.class, "SELECT 'x' AS id, count(*) AS n FROM item_fts_data WHERE block = x'09090909'")
                .get(0).n());
    }
}
