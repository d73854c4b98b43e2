package dev.tandem.engine.sync;

import dev.tandem.engine.internal.keys.HostName;
import dev.tandem.engine.internal.keys.Secret;
import dev.tandem.engine.internal.space.Members;
import dev.tandem.engine.internal.space.SignedStorage;
import dev.tandem.engine.internal.space.SpaceCrypto;
import dev.tandem.engine.internal.storage.EncryptedStorage;
import dev.tandem.engine.internal.sync.CountingStorage;
import dev.tandem.engine.internal.sync.space.SpaceSetup;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The storage stack a {@link SyncEngine.Builder} puts over its target, once the settings are checked, for
 * a {@link dev.tandem.engine.internal.sync.DefaultSyncEngine}: the builder's second half. Its own class so the builder reads as what may
 * be set, and the order of the layers reads here. In the API package, as the builder is, because only
 * this package reads a member's private keys out of {@link SpaceKeys}.
 *
 * <p>Order, bottom to top: the target; a request counter, right on it so it counts every request the
 * layers above make, where requests cost; the key prefix, so every name lands under it; the encryption;
 * the signing layer of a shared space. The plain stack and the stack below encryption ({@code raw}, for a
 * space's plain objects of joining) are taken on the way up.
 *
 * @param top      what the engine's own objects go through
 * @param counting the request counter over the target
 * @param remoteId the target's description with the prefix, never a secret
 * @param plain    the stack below encryption, guarded against an encrypted remote; null when encrypting,
 *                 or when the target encrypts by itself (it has its own check)
 * @param space    the engine's part in a shared space, or null
 */
record EngineStack(SyncStorage top, CountingStorage counting, String remoteId, SyncStorage plain, SpaceSetup space) {

    /**
     * The stack over {@code target}: {@code prefix} already checked (empty for none), {@code secret} null
     * without encryption, {@code keys} null outside a shared space (else {@code passphrase} is the space's).
     */
    static EngineStack over(SyncStorage target, String prefix, Secret secret, String deviceName, SpaceKeys keys,
                            String passphrase, SyncScope scope) {
        CountingStorage counting = new CountingStorage(target);
        SyncStorage s = counting;
        String remoteId = target.describe();
        if (!prefix.isEmpty()) {
            s = SyncStorage.prefixed(s, prefix);
            remoteId = remoteId + "/" + prefix;
        }
        // A target that already encrypts (composed by hand) has its own check; any other plain
        // stack is guarded against an encrypted remote.
        SyncStorage plain = target instanceof EncryptedStorage ? null : s;
        SyncStorage raw = s;
        if (secret != null) {
            String name = deviceName == null || deviceName.isBlank() ? HostName.ofThisMachine() : deviceName.strip();
            s = new EncryptedStorage(s, secret, name, Clock.systemUTC());
            plain = null;
        }
        SpaceSetup spaceSetup = null;
        if (keys != null) {
            // The list the space holds, as the owner signs it into the log's first entry and a
            // joiner checks it there: an invite changed to name another list is refused.
            List<String> root = null;
            if (scope instanceof SyncScope.Tree tree) {
                root = new ArrayList<>();
                root.add(tree.rootTable());
                root.addAll(new TreeSet<>(tree.rootIds()));
            }
            SignedStorage signed = new SignedStorage(s, new Members(s,
                    SpaceCrypto.publicKey(keys.ownerPublicKey()), root));
            spaceSetup = new SpaceSetup(signed, raw, passphrase, keys.ownerPrivateKey(), keys.memberName(),
                    keys.memberPublicKey(), keys.memberPrivateKey(), keys.agreementPublicKey(), root,
                    keys.isOwner() ? keys.agreementPrivateKey() : null);
            s = signed;
        }
        return new EngineStack(s, counting, remoteId, plain, spaceSetup);
    }
}
