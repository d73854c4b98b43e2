package dev.tandem.engine.sync;

import static dev.tandem.engine.testing.SyncFixture.items;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.testing.ForwardingStorage;
import dev.tandem.engine.testing.SyncFixture;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cheap "anything new?" check: one conditional request for the change marker, true only when
 * another device pushed since this engine last synced; and a change is never lost when the marker
 * misses it.
 */
@Tag("unit")
class RemoteChangeCheckTest {
    @RegisterExtension
    final SyncFixture fixture = new SyncFixture();
    @TempDir
    Path dir;

    /** Counts requests, and can drop marker writes as a raced or failed write would. */
    static final class Counted extends ForwardingStorage {
        final AtomicInteger requests = new AtomicInteger();
        volatile boolean dropMarkerWrites;

        Counted(SyncStorage delegate) {
            super(delegate);
        }

        @Override
        public Version version(String name, Version known) {
            requests.incrementAndGet();
            return super.version(name, known);
        }

        @Override
        public Version overwrite(String name, byte[] data) {
            requests.incrementAndGet();
            return dropMarkerWrites ? Version.UNKNOWN : super.overwrite(name, data);
        }
    }

    @Test
    void remoteChanged_onlyWhenAnotherDevicePushed_oneRequestEach() {
        Counted remote = new Counted(SyncStorage.memory());
        SyncEngine ea = fixture.engine(remote);
        SyncEngine eb = fixture.engine(remote);
        Db a = fixture.device();
        Db b = fixture.device();
        assertTrue(eb.remoteChanged(), "an engine that never synced cannot know");
        eb.sync(b);
        int before = remote.requests.get();
        assertFalse(eb.remoteChanged());
        assertEquals(before + 1, remote.requests.get(), "a check is one request");
        a.save(Item.of("x"));
        ea.sync(a);
        assertFalse(ea.remoteChanged(), "its own push is not news to the pusher");
        assertTrue(eb.remoteChanged());
        eb.sync(b);
        assertEquals(items(a), items(b));
        assertFalse(eb.remoteChanged(), "caught up");
    }

    @Test
    void remoteChanged_markerWriteLost_theChangeStillArrivesAtTheNextSync() {
        Counted remote = new Counted(SyncStorage.memory());
        SyncEngine ea = fixture.engine(remote);
        SyncEngine eb = fixture.engine(remote);
        Db a = fixture.device();
        Db b = fixture.device();
        assertTrue(eb.remoteChanged());
        eb.sync(b);
        assertFalse(eb.remoteChanged());
        remote.dropMarkerWrites = true;
        a.save(Item.of("pushed while the marker write was lost"));
        ea.sync(a);
        assertFalse(eb.remoteChanged(), "the check misses it: only a delay");
        eb.sync(b);
        assertEquals(items(a), items(b), "the next full sync reads everything");
    }

    @Test
    void watchRemote_folder_callsBackWhenAnotherDevicePushes() throws Exception {
        SyncEngine ea = fixture.closeAfter(SyncEngine.builder().folder(dir).build());
        SyncEngine eb = fixture.closeAfter(SyncEngine.builder().folder(dir).build());
        Db a = fixture.device();
        Db b = fixture.device();
        eb.sync(b);
        CountDownLatch changed = new CountDownLatch(1);
        try (AutoCloseable watch = eb.watchRemote(changed::countDown)) {
            assertNotNull(watch, "a local folder can be watched");
            a.save(Item.of("x"));
            ea.sync(a);
            assertTrue(changed.await(10, TimeUnit.SECONDS), "the folder told us");
        }
        assertTrue(eb.remoteChanged());
    }
}
