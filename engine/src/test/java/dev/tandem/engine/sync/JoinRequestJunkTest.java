package dev.tandem.engine.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.engine.Db;
import dev.tandem.engine.internal.space.JoinObjects;
import dev.tandem.engine.internal.space.Sealed;
import dev.tandem.engine.testing.SyncFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Junk among the join requests (anyone with the storage's credentials can write there) is skipped
 * object by object, and said so; the real requests are listed all the same.
 */
@Tag("unit")
class JoinRequestJunkTest {
    private static final String PASSPHRASE = "trip-space-passphrase";
    private static final SyncScope SHARED = SyncScope.tree("list", Set.of("trip"),
            List.of(new SyncScope.Link("item", "list_id", "list")));

    @RegisterExtension
    final SyncFixture fixture = new SyncFixture();
    @TempDir
    Path dir;
    final SpaceKeys alice = SpaceKeys.newSpace("Alice");

    @Test
    void requests_junkBesideRealRequests_junkSkippedRealOnesListed() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("remote"));
        SyncStorage storage = SyncStorage.folder(folder);
        SyncEngine aliceSync = fixture.closeAfter(SyncEngine.builder().storage(storage).encrypted(PASSPHRASE).space(alice)
                .scope(SHARED).snapshotEvery(0).build());
        aliceSync.sync(fixture.device(Db.builder().file(dir.resolve("a1.db"))));
        SpaceInvite invite = SpaceInvite.parse(aliceSync.members().invite("folder:" + folder).code());
        invite.requestToJoin(storage, SpaceKeys.joining(alice.ownerPublicKey(), "Bob"));
        String prefix = "invites/" + invite.id() + "/";

        // Oversized, random bytes, a request with the wrong secret, one named for another key,
        // a symbolic link (which the folder does not even list), and an invite object nobody can decrypt.
        storage.createIfAbsent(prefix + "request-0000000000000001", new byte[70 * 1024]);
        storage.createIfAbsent(prefix + "request-0000000000000002", "junk".getBytes());
        SpaceKeys eve = SpaceKeys.joining(alice.ownerPublicKey(), "Eve");
        storage.createIfAbsent(JoinObjects.requestKey(invite.id(), eve.memberPublicKey()),
                JoinObjects.encodeRequest(invite.id(), new byte[32], invite.ownerAgreementKey(), "Eve", eve.memberPublicKey(), eve.agreementPublicKey()));
        storage.createIfAbsent(prefix + "request-0000000000000003",
                JoinObjects.encodeRequest(invite.id(), invite.secret(), invite.ownerAgreementKey(), "Eve",
                        eve.memberPublicKey(), eve.agreementPublicKey()));
        // Sealed to someone other than the owner, and a real request too large to be one.
        storage.createIfAbsent(prefix + "request-0000000000000005", Sealed.seal(
                eve.agreementPublicKey(), prefix + "request-0000000000000005", new byte[40]));
        SpaceKeys padded = SpaceKeys.joining(alice.ownerPublicKey(), "x".repeat(200));
        byte[] big = JoinObjects.encodeRequest(invite.id(), invite.secret(), invite.ownerAgreementKey(), "x".repeat(200),
                padded.memberPublicKey(), padded.agreementPublicKey());
        storage.createIfAbsent(JoinObjects.requestKey(invite.id(), padded.memberPublicKey()),
                java.util.Arrays.copyOf(big, JoinObjects.MAX_REQUEST_BYTES + 1));
        Files.createSymbolicLink(folder.resolve(prefix + "request-0000000000000004"), folder.resolve("elsewhere"));
        storage.createIfAbsent("pending-invites/0123456789abcdef", new byte[100]);
        invite.requestToJoin(storage, SpaceKeys.joining(alice.ownerPublicKey(), "Carol"));

        JoinRequests read = aliceSync.members().joinRequests();

        assertEquals(List.of("Bob", "Carol"), read.requests().stream().map(JoinRequest::name).sorted().toList());
        List<String> junk = List.of(prefix + "request-0000000000000001", prefix + "request-0000000000000002",
                JoinObjects.requestKey(invite.id(), eve.memberPublicKey()), prefix + "request-0000000000000003",
                prefix + "request-0000000000000005", JoinObjects.requestKey(invite.id(), padded.memberPublicKey()),
                "pending-invites/0123456789abcdef");
        for (String key : junk) {
            assertEquals(1, read.skipped().stream().filter(line -> line.contains(key)).count(), key + " in " + read.skipped());
        }
        assertEquals(junk.size(), read.skipped().size(), read.skipped().toString());
    }
}
