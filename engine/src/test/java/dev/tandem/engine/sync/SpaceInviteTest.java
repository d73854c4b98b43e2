package dev.tandem.engine.sync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.Fixtures.TodoList;
import dev.tandem.engine.internal.space.JoinObjects;
import dev.tandem.engine.testing.SyncFixture;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Joining with an invite: the code lets anyone ask, the owner admits the request whose fingerprint
 * the joiner read out, and only that joiner can open the space's passphrase; requests not made with
 * the invite's secret, and grants not signed by the owner, count for nothing.
 */
class SpaceInviteTest {
    private static final String SPACE_PASSPHRASE = "k3v9-random-space-secret";
    private static final SyncScope SHARED = SyncScope.tree("list", Set.of("trip"),
            List.of(new SyncScope.Link("item", "list_id", "list")));

    @RegisterExtension
    final SyncFixture fixture = new SyncFixture();
    @TempDir
    Path dir;
    final SyncStorage storage = SyncStorage.memory();
    final SpaceKeys alice = SpaceKeys.newSpace("Alice");

    SyncEngine engine(SpaceKeys keys, String passphrase) {
        return fixture.closeAfter(SyncEngine.builder().storage(storage).encrypted(passphrase).space(keys).scope(SHARED)
                .snapshotEvery(0).build());
    }

    @Test
    void join_withInviteAndFingerprint_onlyTheAdmittedJoinerOpensTheSpace() {
        SyncEngine aliceSync = engine(alice, SPACE_PASSPHRASE);
        Db a1 = fixture.device(Db.builder().file(dir.resolve("a1.db")));
        a1.save(new TodoList("trip", "Lisbon trip"));
        a1.save(Item.of("book flights").withList("trip"));
        aliceSync.sync(a1);
        SpaceInvite invite = aliceSync.members().invite("folder:/shared/Trip");
        String code = invite.code();
        assertTrue(!code.contains(SPACE_PASSPHRASE) && code.startsWith("tandem-invite-1."), code);

        SpaceInvite received = SpaceInvite.parse(code);
        assertEquals("folder:/shared/Trip", received.location());
        assertArrayEquals(alice.ownerPublicKey(), received.ownerPublicKey());
        SpaceKeys bob = SpaceKeys.joining(received.ownerPublicKey(), "Bob");
        JoinRequest asked = received.requestToJoin(storage, bob);
        assertEquals(Optional.empty(), received.passphrase(storage, bob), "not admitted yet");
        // Someone who read the code off the chat log asks too, under Bob's name.
        SpaceKeys eve = SpaceKeys.joining(received.ownerPublicKey(), "Bob");
        received.requestToJoin(storage, eve);
        // The storage provider, without the code's secret, forges a request.
        SpaceKeys provider = SpaceKeys.joining(received.ownerPublicKey(), "Provider");
        storage.createIfAbsent(JoinObjects.requestKey(invite.id(), provider.memberPublicKey()),
                JoinObjects.encodeRequest(invite.id(), new byte[32], "Provider", provider.memberPublicKey(),
                        provider.agreementPublicKey()));

        List<JoinRequest> requests = aliceSync.members().requests();
        assertEquals(2, requests.size(), "the forged request is not shown: " + requests);
        assertTrue(requests.stream().allMatch(r -> r.name().equals("Bob")));
        // Alice admits the one whose fingerprint Bob read out to her.
        JoinRequest real = requests.stream().filter(r -> r.fingerprint().equals(asked.fingerprint())).findFirst()
                .orElseThrow();
        aliceSync.members().admit(real);

        assertEquals(Optional.of(SPACE_PASSPHRASE), received.passphrase(storage, bob));
        assertEquals(Optional.empty(), received.passphrase(storage, eve));
        assertEquals(List.of(), aliceSync.members().requests().stream().filter(r -> r.fingerprint()
                .equals(asked.fingerprint())).toList(), "an admitted request is not listed again");
        Db b1 = fixture.device(Db.builder().file(dir.resolve("b1.db")));
        SyncEngine bobSync = engine(bob, received.passphrase(storage, bob).orElseThrow());
        bobSync.sync(b1);
        assertEquals(List.of("book flights"), b1.query(Item.class, "SELECT * FROM item").stream().map(Item::title).toList());
        b1.save(Item.of("pack sunscreen").withList("trip"));
        bobSync.sync(b1);
        aliceSync.sync(a1);
        assertEquals(2, a1.query(Item.class, "SELECT * FROM item").size());

        // Eve has the storage too, and the passphrase would not help her write: she is no member.
        // A grant the owner did not sign is refused, loudly.
        storage.createIfAbsent(JoinObjects.grantKey(invite.id(), eve.memberPublicKey()), new byte[200]);
        SyncException forged = assertThrows(SyncException.class, () -> received.passphrase(storage, eve));
        assertEquals(SyncException.Reason.CORRUPT, forged.reason());
    }

    @Test
    void parse_damagedCodes_sayWhat() {
        SpaceInvite invite = SpaceInvite.create("s3://bucket/trip", alice.ownerPublicKey());
        String code = invite.code();
        assertEquals(invite.id(), SpaceInvite.parse(code).id());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SpaceInvite.parse(code.substring(0, code.length() - 9)))
                .getMessage().startsWith("invite: "));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SpaceInvite.parse("hello"))
                .getMessage().contains("not a Tandem invite"));
    }

    @Test
    void build_spaceWithoutPassphrase_namesTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SyncEngine.builder().storage(storage).space(alice).build());
        assertTrue(e.getMessage().startsWith("space: "), e.getMessage());
    }
}
