package dev.tandem.engine.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Db;
import dev.tandem.engine.internal.space.JoinObjects;
import dev.tandem.engine.internal.space.PendingInvite;
import dev.tandem.engine.internal.space.SpaceCrypto;
import dev.tandem.engine.testing.Await;
import dev.tandem.engine.testing.SyncFixture;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An invite is good for one admission, until it expires, and until the owner revokes it; only the
 * owner can make one: an invite secret a member plants on the storage lets nobody ask.
 */
@Tag("unit")
class InviteLifetimeTest {
    private static final String PASSPHRASE = "trip-space-passphrase";
    private static final SyncScope SHARED = SyncScope.tree("list", Set.of("trip"),
            List.of(new SyncScope.Link("item", "list_id", "list")));

    @RegisterExtension
    final SyncFixture fixture = new SyncFixture();
    @TempDir
    Path dir;
    final SyncStorage storage = SyncStorage.memory();
    final SpaceKeys alice = SpaceKeys.newSpace("Alice");

    private SyncEngine owner() {
        SyncEngine aliceSync = fixture.closeAfter(SyncEngine.builder().storage(storage).encrypted(PASSPHRASE).space(alice)
                .scope(SHARED).snapshotEvery(0).build());
        aliceSync.sync(fixture.device(Db.builder().file(dir.resolve("a1.db"))));
        return aliceSync;
    }

    private static List<String> names(List<JoinRequest> requests) {
        return requests.stream().map(JoinRequest::name).sorted().toList();
    }

    @Test
    void admit_requestMadeWithAnInvite_usesTheInviteUp() {
        SyncEngine aliceSync = owner();
        SpaceInvite invite = SpaceInvite.parse(aliceSync.members().invite("folder:/trip").code());
        SpaceInvite other = SpaceInvite.parse(aliceSync.members().invite("folder:/trip").code());
        invite.requestToJoin(storage, SpaceKeys.joining(alice.ownerPublicKey(), "Bob"));
        other.requestToJoin(storage, SpaceKeys.joining(alice.ownerPublicKey(), "Dana"));
        JoinRequest bob = aliceSync.members().requests().stream().filter(r -> r.name().equals("Bob")).findFirst()
                .orElseThrow();

        aliceSync.members().admit(bob);
        // Whoever else holds the code (it was forwarded, or read off a chat log) asks with it after.
        invite.requestToJoin(storage, SpaceKeys.joining(alice.ownerPublicKey(), "Carol"));

        assertEquals(List.of("Dana"), names(aliceSync.members().requests()),
                "a used invite's requests are not listed; another invite's are");
        assertEquals(List.of(other.id()), aliceSync.members().invites().stream().map(OpenInvite::id).toList());
    }

    @Test
    void requests_inviteSecretAMemberPlanted_notListed() {
        SyncEngine aliceSync = owner();
        SpaceInvite real = SpaceInvite.parse(aliceSync.members().invite("folder:/trip").code());
        real.requestToJoin(storage, SpaceKeys.joining(alice.ownerPublicKey(), "Dana"));
        // Bob is a member: he holds the space's passphrase, so he can write any object its key
        // encrypts. He plants an invite as the first format kept it (the bare secret), and one in
        // today's format signed with his own key, not the owner's.
        SpaceKeys bob = SpaceKeys.joining(alice.ownerPublicKey(), "Bob");
        SyncStorage asBob = SyncStorage.encrypted(storage, PASSPHRASE);
        byte[] secret = new byte[32];
        java.util.Arrays.fill(secret, (byte) 7);
        List<String> planted = List.of("00112233aabbccdd", "00112233aabbccee");
        asBob.createIfAbsent(PendingInvite.key(planted.get(0)), secret);
        asBob.createIfAbsent(PendingInvite.key(planted.get(1)), PendingInvite.encode(
                SpaceCrypto.privateKey(bob.memberPrivateKey()), planted.get(1), secret, System.currentTimeMillis() + 60_000));
        SpaceKeys mallory = SpaceKeys.joining(alice.ownerPublicKey(), "Mallory");
        for (String id : planted) {
            storage.createIfAbsent(JoinObjects.requestKey(id, mallory.memberPublicKey()),
                    JoinObjects.encodeRequest(id, secret, alice.agreementPublicKey(), "Mallory", mallory.memberPublicKey(),
                            mallory.agreementPublicKey()));
        }

        JoinRequests read = aliceSync.members().joinRequests();

        assertEquals(List.of("Dana"), names(read.requests()), "only invites the owner made count");
        assertEquals(List.of(real.id()), aliceSync.members().invites().stream().map(OpenInvite::id).toList());
        for (String id : planted) {
            assertTrue(read.skipped().stream().anyMatch(line -> line.contains(PendingInvite.key(id))),
                    "the planted invite is named: " + read.skipped());
        }
    }

    @Test
    void requests_expiredInvite_notListed() {
        SyncEngine aliceSync = owner();
        SpaceInvite brief = SpaceInvite.parse(aliceSync.members().invite("folder:/trip", Duration.ofMillis(1)).code());
        SpaceInvite week = SpaceInvite.parse(aliceSync.members().invite("folder:/trip").code());
        Await.until("the brief invite to expire", () -> Instant.now().isAfter(brief.expiresAt()));
        // A joiner's own device refuses to ask with an expired code; one that asks anyway is not listed.
        SpaceKeys late = SpaceKeys.joining(alice.ownerPublicKey(), "Late");
        storage.createIfAbsent(JoinObjects.requestKey(brief.id(), late.memberPublicKey()),
                JoinObjects.encodeRequest(brief.id(), brief.secret(), brief.ownerAgreementKey(), "Late",
                        late.memberPublicKey(), late.agreementPublicKey()));

        assertEquals(List.of(), aliceSync.members().requests());
        assertEquals(List.of(week.id()), aliceSync.members().invites().stream().map(OpenInvite::id).toList());
    }

    @Test
    void revoke_openInvite_itsRequestsAreNoLongerListed() {
        SyncEngine aliceSync = owner();
        SpaceInvite revoked = SpaceInvite.parse(aliceSync.members().invite("folder:/trip").code());
        SpaceInvite kept = SpaceInvite.parse(aliceSync.members().invite("folder:/trip").code());
        revoked.requestToJoin(storage, SpaceKeys.joining(alice.ownerPublicKey(), "Bob"));
        kept.requestToJoin(storage, SpaceKeys.joining(alice.ownerPublicKey(), "Dana"));

        assertTrue(aliceSync.members().revoke(revoked.id()));

        assertEquals(List.of("Dana"), names(aliceSync.members().requests()));
        assertEquals(List.of(kept.id()), aliceSync.members().invites().stream().map(OpenInvite::id).toList());
        assertFalse(aliceSync.members().revoke(revoked.id()), "revoking again finds nothing open");
        assertThrows(IllegalArgumentException.class, () -> aliceSync.members().revoke("../members"));
    }
}
