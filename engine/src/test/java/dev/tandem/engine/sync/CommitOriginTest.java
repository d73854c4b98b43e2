package dev.tandem.engine.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.ChangeEvent;
import dev.tandem.engine.ChangeEvent.Origin;
import dev.tandem.engine.ChangeListener;
import dev.tandem.engine.Conflict;
import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.testing.Await;
import dev.tandem.engine.testing.SyncFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Listeners for one {@link Origin}: what an app's sync service starts a sync from. A merge must
 * never count as local, or every sync would ask for the next one.
 */
@Tag("unit")
class CommitOriginTest {
    @RegisterExtension
    final SyncFixture fixture = new SyncFixture();
    private final SyncEngine engine = fixture.engine();

    /** The commits one listener heard of, in order. */
    private static final class Heard implements ChangeListener {
        final BlockingQueue<List<ChangeEvent>> commits = new LinkedBlockingQueue<>();

        @Override
        public void onCommit(List<ChangeEvent> events) {
            commits.add(events);
        }

        List<ChangeEvent> next() throws InterruptedException {
            List<ChangeEvent> events = commits.poll(10, TimeUnit.SECONDS);
            if (events == null) {
                throw new AssertionError("no commit heard within 10 s");
            }
            return events;
        }

        /**
         * Every commit heard up to and including the one that saved {@code marker}: commits are
         * delivered in commit order, so nothing committed before it can still arrive afterwards.
         */
        List<List<ChangeEvent>> upTo(Item marker) throws InterruptedException {
            List<List<ChangeEvent>> heard = new ArrayList<>();
            while (true) {
                List<ChangeEvent> events = next();
                if (events.stream().anyMatch(e -> e.id().equals(marker.id()))) {
                    return heard;
                }
                heard.add(events);
            }
        }
    }

    @Test
    void subscribe_localSave_notifiesOriginLocalOnly() throws Exception {
        Db db = fixture.device();
        Heard local = new Heard();
        Heard sync = new Heard();
        db.subscribe(Origin.SYNC, sync);
        db.subscribe(Origin.LOCAL, local);
        Heard all = new Heard();
        db.subscribe(all);
        Item saved = db.save(Item.of("milk"));
        assertEquals(List.of(new ChangeEvent(ChangeEvent.Kind.INSERT, "item", saved.id())), local.next());
        all.next();
        // The unfiltered listener, subscribed last, heard the commit after the SYNC one would have.
        assertTrue(sync.commits.isEmpty(), "a local save is no sync: " + sync.commits);
    }

    @Test
    void subscribe_syncMergesRemoteChanges_notifiesOriginSyncOnly() throws Exception {
        Db a = fixture.device();
        Db b = fixture.device();
        Item fromA = a.save(Item.of("from a"));
        engine.sync(a);
        Heard local = new Heard();
        Heard sync = new Heard();
        b.subscribe(Origin.LOCAL, local);
        b.subscribe(Origin.SYNC, sync);
        Item ownEdit = b.save(Item.of("b's own"));
        SyncReport report = engine.sync(b);
        assertEquals(1, report.pulled());
        assertEquals(1, report.pushed());
        assertEquals(List.of(new ChangeEvent(ChangeEvent.Kind.INSERT, "item", fromA.id())), sync.next());
        Item marker = b.save(Item.of("after the sync"));
        List<List<ChangeEvent>> heard = local.upTo(marker);
        assertEquals(List.of(List.of(new ChangeEvent(ChangeEvent.Kind.INSERT, "item", ownEdit.id()))), heard,
                "the sync's own commits (merge, cursors) are not local writes");
    }

    @Test
    void subscribe_useLostValue_notifiesOriginLocal() throws Exception {
        Db a = fixture.device();
        Db b = fixture.device();
        Item x = a.save(Item.of("x"));
        engine.sync(a);
        engine.sync(b);
        b.save(b.get(Item.class, x.id()).orElseThrow().withTitle("edited on b, offline"));
        Await.pastThisMillisecond();
        a.delete(Item.class, x.id());
        engine.sync(a);
        engine.sync(b);
        Conflict lost = b.conflicts().list().stream().filter(c -> c.kind() == Conflict.Kind.EDIT_DELETE).findFirst()
                .orElseThrow(() -> new AssertionError("no edit-delete conflict: " + b.conflicts().list()));
        Heard local = new Heard();
        b.subscribe(Origin.LOCAL, local);
        b.conflicts().useLostValue(lost.id());
        assertEquals(List.of(new ChangeEvent(ChangeEvent.Kind.INSERT, "item", x.id())), local.next());
    }

    @Test
    void subscribe_nullOrigin_throws() {
        Db db = fixture.device();
        NullPointerException e = assertThrows(NullPointerException.class, () -> db.subscribe(null, new Heard()));
        assertEquals("origin", e.getMessage());
    }
}
