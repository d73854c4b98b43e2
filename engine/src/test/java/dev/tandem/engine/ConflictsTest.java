package dev.tandem.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.engine.testing.ManualClock;
import dev.tandem.engine.testing.SyncFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Finding one conflict by its id, as the phone page's conflict routes do, without listing them all. */
@Tag("unit")
class ConflictsTest {
    @RegisterExtension
    final SyncFixture fixture = new SyncFixture();
    @TempDir
    Path dir;
    final ManualClock clock = new ManualClock();
    final SyncStorage remote = fixture.remote();

    private Db device(String name) {
        return fixture.device(Db.builder().file(dir.resolve(name + ".db")).clock(clock));
    }

    @Test
    void get_listedDismissedOrUnknown_findsExactlyWhatListShows() {
        SyncEngine engine = fixture.closeAfter(SyncEngine.builder().storage(remote).build());
        Db a = device("a");
        Db b = device("b");
        Item shared = a.save(Item.of("shared"));
        engine.sync(a);
        engine.sync(b);
        b.save(b.get(Item.class, shared.id()).orElseThrow().withTitle("b's title"));
        clock.millis.addAndGet(1000);
        a.save(a.get(Item.class, shared.id()).orElseThrow().withTitle("a's title"));
        engine.sync(a);
        engine.sync(b);
        Conflict listed = b.conflicts().list().get(0);

        assertEquals(listed, b.conflicts().get(listed.id()).orElseThrow());
        assertTrue(b.conflicts().get(listed.id() + 1).isEmpty());
        assertTrue(b.conflicts().get(-1).isEmpty());
        b.conflicts().dismiss(listed.id());
        assertTrue(b.conflicts().get(listed.id()).isEmpty(), "a dismissed conflict is no longer found");
    }
}
