package dev.tandem.engine.sync;

import java.util.List;

/**
 * The membership of a shared space, from {@link SyncEngine#members()}. Reading works on every
 * member's device; changing it needs the owner's keys ({@link SpaceKeys#isOwner()}), else an
 * {@link IllegalStateException}. Each call works on the remote at once and throws a
 * {@link SyncException} that says whether retrying can help.
 */
public interface SpaceMembers {

    /** Everyone the log names, the owner first, removed members included. */
    List<SpaceMember> list();

    /**
     * Admits the person called {@code name} whose member key is {@code memberPublicKey} (from their
     * join request; compare its fingerprint with them first). Their devices may write from now on.
     */
    SpaceMember admit(String name, byte[] memberPublicKey);

    /**
     * Removes the member called {@code name}: every device refuses what their devices write after
     * the batches the remote holds now. They keep what they already had; rotate the space's key
     * ({@link SyncEngine#keys()}) so they cannot read what comes next.
     */
    SpaceMember remove(String name);
}
