package dev.tandem.engine.internal.sync.space;

import dev.tandem.engine.internal.space.JoinObjects;
import dev.tandem.engine.internal.space.PendingInvite;
import dev.tandem.engine.internal.space.SpaceCrypto;
import dev.tandem.engine.sync.JoinRequest;
import dev.tandem.engine.sync.JoinRequests;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncStorage;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * The owner's side of joining: which invites are open and who asks with them. An invite is open while
 * its {@code pending-invites/} object verifies (the owner signed it), it has not expired, and no grant
 * lies under {@code invites/<id>/} (a grant means someone was admitted with it). A used or expired
 * invite is forgotten when met: its requests and then its pending object are deleted, which also
 * finishes an admission cut short before it did so itself.
 *
 * <p>Anyone with the storage's credentials can write under {@code invites/}, and every member can
 * write a pending invite, so each object is read on its own: one that fails (too large, not sealed
 * to the owner, wrong MAC, unreadable, not signed by the owner) is skipped and named, and the others
 * are read all the same. The storage tells no object's size before reading it, so a request is read
 * whole (the storage refuses anything past its own limit) and then bound-checked before it is opened.
 */
final class JoinInbox {
    private static final int PAGE = 1000;

    /** An open invite, with the names under its folder, as one listing found them. */
    record Open(PendingInvite.Open invite, List<String> objects) {
    }

    private final SyncStorage encrypted;
    private final SyncStorage raw;
    private final PublicKey owner;
    private final LongSupplier now;

    /**
     * {@code encrypted}: the space's storage with its key (pending invites); {@code raw}: the same
     * storage below encryption (requests and grants); {@code owner}: the owner's Ed25519 public key.
     */
    JoinInbox(SyncStorage encrypted, SyncStorage raw, byte[] owner, LongSupplier now) {
        this.encrypted = encrypted;
        this.raw = raw;
        this.owner = SpaceCrypto.publicKey(owner);
        this.now = now;
    }

    /** The open invites; says on {@code skipped} each pending object it could not rely on. */
    List<Open> open(List<String> skipped) {
        List<Open> out = new ArrayList<>();
        for (String key : all(encrypted, PendingInvite.PREFIX)) {
            PendingInvite.Open invite;
            try {
                Optional<byte[]> object = encrypted.get(key);
                if (object.isEmpty()) {
                    continue; // revoked or used up since the listing
                }
                invite = PendingInvite.decode(owner, key, object.get());
            } catch (SyncException e) {
                skip(e, skipped);
                continue;
            }
            List<String> objects = all(raw, "invites/" + invite.id() + "/");
            boolean used = objects.stream().anyMatch(k -> k.startsWith("grant-", k.lastIndexOf('/') + 1));
            if (used || invite.expiresAtMillis() <= now.getAsLong()) {
                forget(invite.id(), objects);
            } else {
                out.add(new Open(invite, objects));
            }
        }
        return out;
    }

    /**
     * The requests made with open invites whose member key's fingerprint is not in {@code admitted},
     * opened with the owner's X25519 private key {@code agreementPrivate}; and what was skipped.
     */
    JoinRequests requests(Set<String> admitted, byte[] agreementPrivate) {
        List<String> skipped = new ArrayList<>();
        List<JoinRequest> out = new ArrayList<>();
        for (Open open : open(skipped)) {
            String id = open.invite().id();
            for (String key : open.objects()) {
                String name = key.substring(key.lastIndexOf('/') + 1);
                if (!name.startsWith("request-")) {
                    if (!name.startsWith("grant-")) {
                        skipped.add(key + " is not a join request (an unexpected name)");
                    }
                    continue;
                }
                try {
                    Optional<byte[]> object = raw.get(key);
                    if (object.isEmpty()) {
                        continue; // deleted since the listing
                    }
                    JoinObjects.Request r = JoinObjects.decodeRequest(id, open.invite().secret(), agreementPrivate, key,
                            object.get());
                    String fingerprint = SpaceCrypto.fingerprint(r.memberKey());
                    if (!admitted.contains(fingerprint)) {
                        out.add(new JoinRequest(id, r.name(), fingerprint, r.memberKey(), r.agreementKey()));
                    }
                } catch (SyncException e) {
                    skip(e, skipped);
                }
            }
        }
        return new JoinRequests(out, skipped);
    }

    /**
     * Forgets the invite {@code inviteId}: its requests (and anything else under its folder but the
     * grants, which admitted joiners still fetch), then its pending object, last, so a cut leaves it
     * to be forgotten again.
     */
    void forget(String inviteId) {
        forget(inviteId, all(raw, "invites/" + inviteId + "/"));
    }

    private void forget(String inviteId, List<String> objects) {
        for (String key : objects) {
            if (!key.startsWith("grant-", key.lastIndexOf('/') + 1)) {
                raw.delete(key);
            }
        }
        encrypted.delete(PendingInvite.key(inviteId));
    }

    /** Junk is skipped and named; a storage that fails (unreachable, no access) fails the whole read. */
    private static void skip(SyncException e, List<String> skipped) {
        if (e.reason() != SyncException.Reason.CORRUPT && e.reason() != SyncException.Reason.UNSUPPORTED_FORMAT) {
            throw e;
        }
        skipped.add(e.getMessage());
    }

    private static List<String> all(SyncStorage storage, String prefix) {
        List<String> out = new ArrayList<>();
        String after = null;
        while (true) {
            List<String> page = storage.list(prefix, after, PAGE);
            out.addAll(page);
            if (page.size() < PAGE) {
                return out;
            }
            after = page.get(page.size() - 1);
        }
    }
}
