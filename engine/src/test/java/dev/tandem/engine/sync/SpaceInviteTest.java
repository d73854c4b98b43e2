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
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Joining with an invite: the code lets anyone ask, the owner admits the request whose fingerprint
 * the joiner read out, and only that joiner can open the space's passphrase; requests not made with
 * the invite's secret, and grants not signed by the owner, count for nothing.
 */
@Tag("unit")
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
        assertTrue(!code.contains(SPACE_PASSPHRASE) && code.startsWith("tandem-invite-2."), code);
        assertTrue(code.matches("[A-Za-z0-9._-]+"), "one line, URL-safe: " + code);

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
                JoinObjects.encodeRequest(invite.id(), new byte[32], invite.ownerAgreementKey(), "Provider",
                        provider.memberPublicKey(), provider.agreementPublicKey()));

        List<JoinRequest> requests = aliceSync.members().requests();
        assertEquals(2, requests.size(), "the forged request is not shown: " + requests);
        assertTrue(requests.stream().allMatch(r -> r.name().equals("Bob")));
        // Alice admits the one whose fingerprint Bob read out to her.
        JoinRequest real = requests.stream().filter(r -> r.fingerprint().equals(asked.fingerprint())).findFirst()
                .orElseThrow();
        aliceSync.members().admit(real);

        assertEquals(Optional.of(SPACE_PASSPHRASE), received.passphrase(storage, bob));
        assertEquals(Optional.empty(), received.passphrase(storage, eve));
        assertEquals(List.of(), aliceSync.members().requests(), "the invite is used up: nobody is listed with it again");
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
        SpaceInvite invite = SpaceInvite.create("s3://bucket/trip", alice.ownerPublicKey(), alice.agreementPublicKey(),
                Instant.now().plus(Duration.ofDays(1)));
        String code = invite.code();
        assertEquals(invite.id(), SpaceInvite.parse(code).id());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SpaceInvite.parse(code.substring(0, code.length() - 9)))
                .getMessage().startsWith("invite: "));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SpaceInvite.parse("hello"))
                .getMessage().contains("not a Tandem invite"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SpaceInvite.parse("tandem-invite-3.AAAA"))
                .getMessage().contains("newer Tandem"));
    }

    @Test
    void code_formatTwo_carriesBothOwnerKeysIdSecretAndExpiry() {
        Instant expires = Instant.parse("2031-05-04T10:15:30.123Z");
        SpaceInvite made = SpaceInvite.create("webdav:https://dav.example/Trip", alice.ownerPublicKey(),
                alice.agreementPublicKey(), expires);

        SpaceInvite read = SpaceInvite.parse(made.code());

        assertTrue(made.code().startsWith("tandem-invite-2.") && made.code().matches("[A-Za-z0-9._-]+"), made.code());
        assertEquals("webdav:https://dav.example/Trip", read.location());
        assertArrayEquals(alice.ownerPublicKey(), read.ownerPublicKey());
        assertArrayEquals(alice.agreementPublicKey(), read.ownerAgreementKey());
        assertEquals(made.id(), read.id());
        assertArrayEquals(made.secret(), read.secret());
        assertEquals(expires, read.expiresAt());
    }

    @Test
    void invite_byDefault_expiresInSevenDays() {
        SyncEngine aliceSync = engine(alice, SPACE_PASSPHRASE);
        aliceSync.sync(fixture.device(Db.builder().file(dir.resolve("a1.db"))));
        Instant before = Instant.now();

        SpaceInvite invite = SpaceInvite.parse(aliceSync.members().invite("folder:/shared/Trip").code());

        Instant after = Instant.now();
        assertTrue(!invite.expiresAt().isBefore(before.plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.MILLIS))
                && !invite.expiresAt().isAfter(after.plus(Duration.ofDays(7))), invite.expiresAt().toString());
        assertEquals(List.of(new OpenInvite(invite.id(), invite.expiresAt())), aliceSync.members().invites());
    }

    @Test
    void requestToJoin_expiredInvite_failsBeforeWritingAnything() {
        SpaceInvite invite = SpaceInvite.create("folder:/shared/Trip", alice.ownerPublicKey(), alice.agreementPublicKey(),
                Instant.now().minusSeconds(1));
        SpaceKeys bob = SpaceKeys.joining(alice.ownerPublicKey(), "Bob");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> invite.requestToJoin(storage, bob));

        assertTrue(e.getMessage().contains("expired") && e.getMessage().contains("ask for a new invite"), e.getMessage());
        assertEquals(List.of(), storage.list("", null, 10));
    }

    @Test
    void parse_formatOneCode_saysAskForANewInvite() {
        // A code as the first format wrote it: location, owner key, id and secret, no expiry.
        byte[] loc = "folder:/shared/Trip".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] owner = alice.ownerPublicKey();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(2 + loc.length + 1 + owner.length + 8 + 32);
        b.putShort((short) loc.length).put(loc).put((byte) owner.length).put(owner).put(new byte[8]).put(new byte[32]);
        String old = "tandem-invite-1." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SpaceInvite.parse(old));
        assertTrue(e.getMessage().contains("made by an older Tandem: ask for a new invite"), e.getMessage());
    }

    @Test
    void requestToJoin_storedRequest_showsNeitherNameNorKeys() {
        SyncEngine aliceSync = engine(alice, SPACE_PASSPHRASE);
        aliceSync.sync(fixture.device(Db.builder().file(dir.resolve("a1.db"))));
        SpaceInvite invite = SpaceInvite.parse(aliceSync.members().invite("folder:/shared/Trip").code());
        SpaceKeys bob = SpaceKeys.joining(invite.ownerPublicKey(), "Bartholomew Quill");

        invite.requestToJoin(storage, bob);

        byte[] stored = storage.get(JoinObjects.requestKey(invite.id(), bob.memberPublicKey())).orElseThrow();
        String latin = new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(!latin.contains("Bartholomew Quill"), "the joiner's name lies in clear on the storage");
        for (byte[] key : List.of(bob.memberPublicKey(), bob.agreementPublicKey())) {
            // The raw 32 key bytes, the tail of the X.509 encoding: present whenever the key is.
            byte[] raw = java.util.Arrays.copyOfRange(key, key.length - 32, key.length);
            assertTrue(!latin.contains(new String(raw, java.nio.charset.StandardCharsets.ISO_8859_1)),
                    "a public key of the joiner lies in clear on the storage");
        }
        List<JoinRequest> seen = aliceSync.members().requests();
        assertEquals(List.of("Bartholomew Quill"), seen.stream().map(JoinRequest::name).toList(), "the owner still reads it");
        assertArrayEquals(bob.agreementPublicKey(), seen.get(0).agreementPublicKey());
    }

    @Test
    void build_spaceWithoutPassphrase_namesTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SyncEngine.builder().storage(storage).space(alice).build());
        assertTrue(e.getMessage().startsWith("space: "), e.getMessage());
    }
}
