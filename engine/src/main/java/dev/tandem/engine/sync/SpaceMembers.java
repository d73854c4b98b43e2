package dev.tandem.engine.sync;

import dev.tandem.engine.Db;
import java.util.List;

/**
 * The membership of a shared space, from {@link SyncEngine#members()}. Reading works on every
 * member's device; changing it needs the owner's keys ({@link SpaceKeys#isOwner()}), else an
 * {@link IllegalStateException}. Each call works on the remote at once and throws a
 * {@link SyncException} that says whether retrying can help.
 */
public interface SpaceMembers {

    /**
     * Every key the log admitted, the owner's first, removed ones included; a person whose devices
     * each joined appears once per device, under one name.
     */
    List<SpaceMember> list();

    /**
     * Whose each device writing to this space is: device id to the name of the member whose
     * certificate vouches for it, as the log admitted them (removed members' devices included), so
     * history can say "changed by Alex". One listing of the certificates, then each read once.
     */
    java.util.Map<java.util.UUID, String> devices();

    /**
     * A new invite to this space, at {@code location} (the app's description of the remote, which
     * travels in the code as it is), good for one admission within {@link #INVITE_VALIDITY}. Owner only.
     */
    default SpaceInvite invite(String location) {
        return invite(location, INVITE_VALIDITY);
    }

    /** How long an invite lets people ask unless said otherwise: a week. */
    java.time.Duration INVITE_VALIDITY = java.time.Duration.ofDays(7);

    /**
     * A new invite, as above, that expires {@code validFor} (positive) from now. Owner only.
     */
    SpaceInvite invite(String location, java.time.Duration validFor);

    /**
     * The invites that still let someone ask: none admitted with it, not expired, not revoked, made
     * by the owner. Owner only.
     */
    List<OpenInvite> invites();

    /**
     * Revokes the invite {@code inviteId}: requests made with it are no longer listed, and nobody can
     * be admitted through it. Returns whether it was open; revoking again is harmless. Owner only.
     */
    boolean revoke(String inviteId);

    /**
     * Join requests made with this space's open invites by people not admitted yet. Owner only.
     * Junk among them is skipped; {@link #joinRequests()} also says what was.
     */
    default List<JoinRequest> requests() {
        return joinRequests().requests();
    }

    /**
     * The join requests of {@link #requests()}, and what was skipped among the objects where requests
     * go (each named, with why). Owner only.
     */
    JoinRequests joinRequests();

    /**
     * Admits the person who made {@code request} under their name, and seals the space's
     * passphrase to their key so their device can open the space. Compare the fingerprint first.
     * The invite the request was made with is used up: nobody else asks with it.
     */
    SpaceMember admit(JoinRequest request);

    /**
     * Admits the person called {@code name} whose member key is {@code memberPublicKey} (from their
     * join request; compare its fingerprint with them first). Their devices may write from now on.
     */
    SpaceMember admit(String name, byte[] memberPublicKey);

    /**
     * Removes the member called {@code name} (every key admitted under that name: a person whose
     * devices each joined): every device refuses what their devices write after
     * the batches the remote holds now. They keep what they already had; rotate the space's key
     * ({@link SyncEngine#keys()}) so they cannot read what comes next.
     */
    SpaceMember remove(String name);

    /**
     * Removes the member called {@code name}, then rotates the space's key under a new random
     * passphrase ({@link RemoteKeys#rotate}, which compacts {@code db} first) and seals that
     * passphrase to every remaining member, so their devices follow ({@link SpaceKeys#rekeyedPassphrase})
     * while the removed member can read nothing written from now on. Returns the new passphrase,
     * for this device's settings. Owner only.
     */
    default String removeAndRotate(Db db, String name, SyncProgress progress) {
        byte[] random = new byte[24];
        new java.security.SecureRandom().nextBytes(random);
        String fresh = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        removeAndRotate(db, name, fresh, progress);
        return fresh;
    }

    /**
     * As above, to {@code newPassphrase}, which the caller keeps before calling, so a crash at
     * any point is finished by calling again with the same passphrase (a member removed already
     * stays removed; an unfinished rotation is finished, then the key rotated again). The new
     * passphrase is sealed to every remaining member, the owner included, before the key changes,
     * so no crash leaves a key nobody can open. Owner only.
     */
    void removeAndRotate(Db db, String name, String newPassphrase, SyncProgress progress);

    /**
     * Reads every entry of the membership log this device accepted back from the storage, writes
     * back those that are gone or were replaced, and deletes the log's junk (objects under
     * {@code members/} nobody but the owner could have signed, which each sync names until they
     * go); returns what it did, in plain words. Any member's device may run it: what it writes back
     * is the owner's signed entries.
     */
    java.util.List<String> repair();
}
