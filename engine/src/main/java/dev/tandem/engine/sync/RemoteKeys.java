package dev.tandem.engine.sync;

import dev.tandem.engine.Db;

/**
 * The keys of an encrypted remote, from {@link SyncEngine#keys()}. Objects are encrypted with a
 * random data key; the remote holds it only wrapped by the passphrase and, if one was made, by a
 * recovery key (docs/ENCRYPTION.md). Each call works on the remote at once and throws a {@link
 * SyncException} that says whether retrying can help; none of them touches the local database
 * except {@link #rotate}, which compacts first.
 */
public interface RemoteKeys {

    /** The keyring as the remote holds it now (one listing and one read). */
    KeyringStatus status();

    /**
     * Wraps the data key with {@code newPassphrase}; only the keyring changes on the remote, nothing
     * is re-encrypted. Other devices stop syncing at their next sync and ask for the new passphrase.
     * After a crash, either the old or the new passphrase opens the remote.
     */
    KeyringStatus changePassphrase(String newPassphrase);

    /**
     * Makes a new recovery key, which also opens the remote, and returns it in its printable form
     * (seven groups of four characters). Any earlier recovery key stops working.
     */
    String newRecoveryKey();

    /**
     * After a leak: a new data key, a new passphrase and a new recovery key (returned in the report);
     * compacts {@code db} so the remote needs fewer objects, then re-encrypts every remaining object
     * and forgets the old key. Interrupted, it is finished by {@link #resumeRotation}; until then
     * both keys open the remote's objects and new objects use the new key.
     */
    RotationReport rotate(Db db, String newPassphrase, SyncProgress progress);

    /** Finishes a rotation an earlier run started ({@link KeyringStatus#rotationUnfinished()}). */
    RotationReport resumeRotation(Db db, SyncProgress progress);
}
