package dev.tandem.engine.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures;
import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.testing.Canonical;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in the middle of a shared space's sync: a member's device (a child process) saves and
 * syncs through the space's signing and encryption layers until killed at a point of its push or
 * pull. Nothing it acknowledged is lost, nothing it wrote is set aside as unsigned or foreign when
 * it comes back (its device key and certificate survive the crash), and the owner converges with it.
 */
@Tag("server")
class SpaceCrashTest {
    private static final String PASSPHRASE = "space passphrase for the crash test";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "kill at {0}")
    @ValueSource(strings = {"upload", "uploaded", "head", "merge"})
    void sync_memberKilledAtPoint_nothingLostNothingSetAsideAndTheyConverge(String point) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("space"));
        SpaceKeys owner = SpaceKeys.newSpace("Alice");
        SpaceKeys member = SpaceKeys.joining(owner.ownerPublicKey(), "Bob");
        Path keys = Files.writeString(dir.resolve("bob.keys"), PASSPHRASE + "\n" + member.encode() + "\n");
        Path bobFile = dir.resolve("bob.db");
        try (Db alice = Db.open(dir.resolve("alice.db"));
             SyncEngine aliceSync = SyncEngine.builder().folder(folder).encrypted(PASSPHRASE).space(owner).build();
             SyncEngine bobSync = SyncEngine.builder().folder(folder).encrypted(PASSPHRASE).space(member).build()) {
            alice.migrate(Fixtures.MIGRATIONS);
            alice.transaction(tx -> {
                for (int i = 0; i < 500; i++) {
                    tx.save(new Item(null, null, "alice " + i, false, (long) i, null));
                }
            });
            aliceSync.sync(alice);
            aliceSync.members().admit("Bob", member.memberPublicKey());

            List<String> acked = SyncCrashTest.runChild(bobFile, "folder:" + folder, point, 1, new Random(),
                    keys.toString());

            try (Db bob = Db.open(bobFile)) {
                assertEquals("ok", Canonical.integrity(bob));
                Set<String> rows = new HashSet<>();
                bob.query(Item.class, "SELECT * FROM item").forEach(i -> rows.add(i.id()));
                List<String> missing = acked.stream().filter(id -> !rows.contains(id)).toList();
                assertTrue(missing.isEmpty(), "lost acknowledged saves: " + missing);
                SyncReport back = bobSync.sync(bob);
                assertEquals(List.of(), back.warnings(), "nothing of Bob's is refused after the crash");
                SyncReport seen = aliceSync.sync(alice);
                assertEquals(List.of(), seen.warnings(), "the owner accepts everything Bob's device wrote");
                bobSync.sync(bob);
                assertEquals(Canonical.userTables(alice), Canonical.userTables(bob));
                assertTrue(Canonical.userTables(alice).get("item").contains("alice 499"));
            }
        }
    }
}
