package dev.tandem.app.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoStore;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.engine.testing.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A commit another program makes to the profile's file (the command line, the agent's "Done": here a
 * second database on the same file, whose connections SQLite tells nobody about) is pushed by the
 * running service after its push delay, as an edit made in the window is; the timed sync is an hour
 * away. One that leaves nothing new to push starts no sync.
 */
@Tag("unit")
class SyncServiceOtherProcessTest {
    @TempDir
    Path tmp;

    private TodoStore window;
    private SyncService service;
    private final AtomicInteger syncs = new AtomicInteger();

    @BeforeEach
    void open() throws Exception {
        window = TodoStore.open(Schema.database(tmp.resolve("tandem.db")), Clock.systemUTC(), ZoneOffset.UTC);
        service = new SyncService(window.replica(), Clock.systemUTC(), new Random(1));
        service.setDebounce(Duration.ofMillis(50));
        service.addListener(s -> {
            if (s.state() == SyncStatus.State.SYNCING && "starting".equals(s.phase())) {
                syncs.incrementAndGet();
            }
        });
        // Nothing but an edit can start a sync here: no remote check for five minutes (a check just after the first
        // sync finds the remote changed by that sync, and would sync again), no watch, the timed sync an hour away.
        service.setFocused(false);
        service.configure(SyncEngine.builder().storage(SyncStorage.memory()).build(), Duration.ofHours(1),
                Pacing.REMOTE);
        Await.until("the first sync, state IDLE", () -> service.status(),
                st -> st.lastSuccess() != null && st.state() == SyncStatus.State.IDLE);
    }

    @AfterEach
    void close() {
        service.close();
        window.close();
    }

    @Test
    void otherProcessChange_aTodoAddedByAnotherProgram_isPushedAfterThePushDelay() {
        try (TodoStore cli = TodoStore.openForCommand(Schema.database(tmp.resolve("tandem.db")), Clock.systemUTC(),
                ZoneOffset.UTC)) {
            cli.add("Added by the command line", null, null);
        }
        Await.until("the other program's todo pushed", () -> service.status(),
                st -> st.lastReport() != null && st.lastReport().pushed() >= 1 && st.pendingChanges() == 0);
        assertEquals(2, syncs.get(), "one sync at the start, one for the other program's commit");
    }

    @Test
    void otherProcessChange_nothingNewToPush_startsNoSync() throws Exception {
        Path other = Files.createDirectories(tmp.resolve("other-remote"));
        try (TodoStore elsewhere = TodoStore.open(Schema.database(tmp.resolve("phone.db")), Clock.systemUTC(),
                ZoneOffset.UTC); SyncEngine engine = SyncEngine.builder().folder(other).build();
             TodoStore cli = TodoStore.openForCommand(Schema.database(tmp.resolve("tandem.db")), Clock.systemUTC(),
                     ZoneOffset.UTC)) {
            elsewhere.add("From the phone", null, null);
            elsewhere.replica().sync(engine);
            // Another program syncs the profile: it commits the phone's todo, which is nothing to push.
            cli.replica().sync(engine);
        }
        Await.until("the window sees the merged todo", () -> window.allItems().size() == 1);
        Await.quietFor(Duration.ofMillis(300), "a sync for the other program's merge would start within it (50 ms)");
        assertEquals(1, syncs.get(), "only the first sync");
    }
}
