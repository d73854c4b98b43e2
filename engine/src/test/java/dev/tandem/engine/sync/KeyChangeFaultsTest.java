package dev.tandem.engine.sync;

import static dev.tandem.engine.testing.SyncFixture.items;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.sync.SyncException.Reason;
import dev.tandem.engine.testing.ForwardingStorage;
import dev.tandem.engine.testing.Remotes;
import dev.tandem.engine.testing.SyncFixture;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Key changes cut short at every write they make, as a crash or a lost connection would: afterwards
 * the old or the new passphrase opens the remote, never neither, and a rotation picks up where it
 * stopped.
 */
@Tag("unit")
class KeyChangeFaultsTest {
    private static final String OLD = "correct horse battery staple";
    private static final String NEW = "a much longer passphrase, typed at home";

    @RegisterExtension
    final SyncFixture fixture = new SyncFixture();

    /** Fails the n-th write (create, overwrite or delete) and every one after it; before or after it lands. */
    static final class CutAfter extends ForwardingStorage {
        private final AtomicInteger writes = new AtomicInteger();
        private final int cut;
        private final boolean landed;

        CutAfter(SyncStorage delegate, int cut, boolean landed) {
            super(delegate);
            this.cut = cut;
            this.landed = landed;
        }

        private void write(Runnable call) {
            if (writes.incrementAndGet() < cut) {
                call.run();
                return;
            }
            if (landed && writes.get() == cut) {
                call.run();
            }
            throw new SyncException(Reason.UNREACHABLE, "connection lost (write " + writes.get() + ")");
        }

        @Override
        public boolean createIfAbsent(String name, byte[] data) {
            boolean[] created = new boolean[1];
            write(() -> created[0] = super.createIfAbsent(name, data));
            return created[0];
        }

        @Override
        public Version overwrite(String name, byte[] data) {
            Version[] v = new Version[1];
            write(() -> v[0] = super.overwrite(name, data));
            return v[0];
        }

        @Override
        public void delete(String name) {
            write(() -> super.delete(name));
        }

        int writes() {
            return writes.get();
        }
    }

    private static Set<String> titles(Db db) {
        return items(db).stream().map(Item::title).collect(Collectors.toSet());
    }

    /** Whether a new device with {@code passphrase} reads everything {@code shared} holds. */
    private boolean opens(SyncStorage shared, String passphrase, Set<String> expected) {
        Db fresh = fixture.device();
        try (SyncEngine e = SyncEngine.builder().storage(shared).encrypted(passphrase).build()) {
            e.sync(fresh);
        } catch (SyncException ex) {
            assertEquals(Reason.WRONG_PASSPHRASE, ex.reason(), ex.getMessage());
            return false;
        }
        assertEquals(expected, titles(fresh));
        return true;
    }

    @Test
    void changePassphrase_cutAtEveryWrite_oldOrNewOpensNeverNeither() {
        for (boolean landed : new boolean[] {false, true}) {
            for (int cut = 1; ; cut++) {
                SyncStorage shared = SyncStorage.memory();
                Db a = fixture.device();
                a.save(Item.of("one"));
                try (SyncEngine setup = SyncEngine.builder().storage(shared).encrypted(OLD).build()) {
                    setup.sync(a);
                    setup.keys().newRecoveryKey();
                }
                CutAfter cutting = new CutAfter(shared, cut, landed);
                boolean finished;
                try (SyncEngine e = SyncEngine.builder().storage(cutting).encrypted(OLD).build()) {
                    e.keys().changePassphrase(NEW);
                    finished = true;
                } catch (SyncException ex) {
                    assertTrue(ex.retryable(), ex.getMessage());
                    finished = false;
                }
                boolean old = opens(shared, OLD, Set.of("one"));
                boolean fresh = opens(shared, NEW, Set.of("one"));
                String at = "cut at write " + cut + (landed ? " (landed)" : "");
                assertTrue(old ^ fresh, at + ": exactly one passphrase opens (old " + old + ", new " + fresh + ")");
                if (finished) {
                    assertTrue(fresh, at);
                    assertEquals(1, Remotes.names(shared, "keys/").size(), at + ": older generations deleted");
                    break;
                }
                assertTrue(cut < 10, "a passphrase change makes only a few writes");
            }
        }
    }

    @Test
    void rotate_cutWhileReencrypting_bothKeysReadUntilResumedThenOnlyTheNew() {
        SyncStorage shared = SyncStorage.memory();
        Db a = fixture.device();
        Db b = fixture.device();
        try (SyncEngine onA = SyncEngine.builder().storage(shared).encrypted(OLD).snapshotEvery(0).build();
             SyncEngine onB = SyncEngine.builder().storage(shared).encrypted(OLD).snapshotEvery(0).build()) {
            for (int i = 0; i < 6; i++) {
                a.save(Item.of("a" + i));
                onA.sync(a);
                b.save(Item.of("b" + i));
                onB.sync(b);
            }
            onA.sync(a);
        }
        Set<String> all = titles(a);
        assertEquals(12, all.size());
        int objects = Remotes.names(shared, "").size();

        CutAfter cutting = new CutAfter(shared, 12, false);
        try (SyncEngine e = SyncEngine.builder().storage(cutting).encrypted(OLD).build()) {
            assertThrows(SyncException.class, () -> e.keys().rotate(a, NEW, SyncProgress.NONE));
        }
        assertTrue(cutting.writes() >= 12);
        assertFalse(opens(shared, OLD, all), "the rotation's first step set the new passphrase");
        assertTrue(opens(shared, NEW, all), "objects under either key read meanwhile");

        RotationReport done;
        try (SyncEngine e = SyncEngine.builder().storage(shared).encrypted(NEW).build()) {
            assertTrue(e.keys().status().rotationUnfinished());
            AtomicInteger progress = new AtomicInteger();
            done = e.keys().resumeRotation(a, (phase, n, total) -> {
                if (phase.equals(SyncProgress.ROTATE)) {
                    progress.incrementAndGet();
                }
            });
            assertFalse(e.keys().status().rotationUnfinished());
            assertTrue(progress.get() > 0);
        }
        assertNull(done.recoveryKey(), "a resumed rotation makes no new recovery key");
        assertTrue(done.reencrypted() > 0 && done.alreadyCurrent() > 0, done.toString());
        for (String name : Remotes.names(shared, "")) {
            if (name.startsWith("keys/") || name.equals("encryption")) {
                continue;
            }
            byte[] blob = shared.get(name).orElseThrow();
            assertEquals(2, blob[4], name + " is under a rotated key");
            assertEquals(1, blob[8], name + " is under data key 1");
        }
        assertTrue(opens(shared, NEW, all));
        assertTrue(objects >= Remotes.names(shared, "").size() - 2, "compaction did not grow the remote");
    }

    /** The phone page's files are plain code beside the data: a rotation, which lists everything, leaves them. */
    @Test
    void rotate_pagePublishedBeside_leavesItsFilesAsTheyAre() {
        SyncStorage shared = SyncStorage.memory();
        Db a = fixture.device();
        a.save(Item.of("x"));
        byte[] page = "export const x = 1;".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        shared.publishPage("page/sync/src/a.js", page, "text/javascript");
        RotationReport report;
        try (SyncEngine e = SyncEngine.builder().storage(shared).encrypted(OLD).build()) {
            e.sync(a);
            report = e.keys().rotate(a, NEW, SyncProgress.NONE);
        }
        assertEquals(List.of(), report.unreadable(), "the page's file read as junk");
        assertArrayEquals(page, shared.get("page/sync/src/a.js").orElseThrow());
    }

    @Test
    void rotate_uninterrupted_givesARecoveryKeyThatOpensTheRemote() {
        SyncStorage shared = SyncStorage.memory();
        Db a = fixture.device();
        a.save(Item.of("x"));
        RotationReport report;
        try (SyncEngine e = SyncEngine.builder().storage(shared).encrypted(OLD).build()) {
            e.sync(a);
            report = e.keys().rotate(a, NEW, SyncProgress.NONE);
            assertEquals(KeyringStatus.Event.ROTATED, e.keys().status().lastEvent());
            assertThrows(IllegalStateException.class, () -> e.keys().resumeRotation(a, null));
        }
        assertNotNull(report.recoveryKey());
        Db fresh = fixture.device();
        try (SyncEngine e = SyncEngine.builder().storage(shared).recoveryKey(report.recoveryKey()).build()) {
            e.sync(fresh);
        }
        assertEquals(Set.of("x"), titles(fresh));
    }
}
