package dev.tandem.engine.internal.sync.keys;

import dev.tandem.engine.Db;
import dev.tandem.engine.internal.keys.KeyChanges;
import dev.tandem.engine.internal.keys.Unlocked;
import dev.tandem.engine.internal.blob.BlobKeys;
import dev.tandem.engine.internal.storage.EncryptedStorage;
import dev.tandem.engine.sync.KeyringStatus;
import dev.tandem.engine.sync.RemoteKeys;
import dev.tandem.engine.sync.RotationReport;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncProgress;
import dev.tandem.engine.sync.SyncStorage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Key changes on the remote of one engine. A rotation is: a new keyring generation with a new data
 * key (new objects use it from then on, on every device that follows the keyring), a compaction so
 * the remote needs fewer objects, a re-encryption pass over what remains, a second pass over what
 * appeared meanwhile, and a last generation without the old keys. Each step is safe to repeat, so
 * a rotation cut short is finished by running the rest again ({@link #resumeRotation}); until
 * then both keys open the remote's objects.
 */
public final class DefaultRemoteKeys implements RemoteKeys {
    private final KeyedRemote engine;
    private final EncryptedStorage storage;

    public DefaultRemoteKeys(KeyedRemote engine, EncryptedStorage storage) {
        this.engine = engine;
        this.storage = storage;
    }

    @Override
    public KeyringStatus status() {
        storage.refresh();
        return storage.current().status();
    }

    @Override
    public KeyringStatus changePassphrase(String newPassphrase) {
        Unlocked u = storage.change(cur -> KeyChanges.changePassphrase(storage.keyring(), cur, newPassphrase));
        engine.markChanged();
        return u.status();
    }

    @Override
    public String newRecoveryKey() {
        KeyChanges.WithCode[] made = new KeyChanges.WithCode[1];
        storage.change(cur -> {
            made[0] = KeyChanges.newRecoveryKey(storage.keyring(), cur);
            return made[0].unlocked();
        });
        engine.markChanged();
        return made[0].recoveryKey();
    }

    @Override
    public RotationReport rotate(Db db, String newPassphrase, SyncProgress progress) {
        if (status().rotationUnfinished()) {
            throw new IllegalStateException("rotate: an earlier rotation of " + engine.describe() + " is unfinished;"
                    + " resume it first (resumeRotation)");
        }
        long started = System.nanoTime();
        KeyChanges.WithCode[] made = new KeyChanges.WithCode[1];
        storage.change(cur -> {
            made[0] = KeyChanges.startRotation(storage.keyring(), cur, newPassphrase);
            return made[0].unlocked();
        });
        engine.markChanged();
        if (progress != null) {
            progress.onProgress(SyncProgress.ROTATE, 0, -1);
        }
        return finish(db, progress, made[0].recoveryKey(), started);
    }

    @Override
    public RotationReport resumeRotation(Db db, SyncProgress progress) {
        if (!status().rotationUnfinished()) {
            throw new IllegalStateException("resumeRotation: no rotation of " + engine.describe() + " is unfinished");
        }
        return finish(db, progress, null, System.nanoTime());
    }

    private RotationReport finish(Db db, SyncProgress progress, String recoveryKey, long started) {
        SyncProgress p = progress == null ? SyncProgress.NONE : progress;
        engine.compact(db, p);
        int[] counts = new int[2];
        List<String> unreadable = new ArrayList<>();
        long[] bytes = new long[1];
        Set<String> seen = new HashSet<>();
        // The second pass catches objects a device wrote under the old key before it followed the keyring.
        for (int pass = 0; pass < 2; pass++) {
            List<String> keys = new ArrayList<>();
            String after = null;
            while (true) {
                List<String> page = storage.list("", after, 1000);
                for (String k : page) {
                    // Attachments' bytes are under their own keys, not the data key (BlobKeys); the
                    // generations that hold those keys are ordinary objects and are re-encrypted.
                    // The phone page's files (SyncStorage.PAGE) are plain code, never under any key.
                    if (k.startsWith(BlobKeys.DATA) || k.startsWith(SyncStorage.PAGE)) {
                        continue;
                    }
                    if (seen.add(k)) {
                        keys.add(k);
                    }
                }
                if (page.size() < 1000) {
                    break;
                }
                after = page.get(page.size() - 1);
            }
            for (int i = 0; i < keys.size(); i++) {
                long written;
                try {
                    written = storage.reencrypt(keys.get(i));
                } catch (SyncException e) {
                    if (e.reason() != SyncException.Reason.CORRUPT) {
                        throw e;
                    }
                    // Junk no key opens (written by whoever reaches the storage) must not stop a
                    // rotation, which is how an owner shuts a removed member out; it stays junk.
                    unreadable.add(e.getMessage());
                    continue;
                }
                if (written > 0) {
                    counts[0]++;
                    bytes[0] += written;
                } else if (written == 0) {
                    counts[1]++;
                }
                p.onProgress(SyncProgress.ROTATE, i + 1, keys.size());
            }
        }
        storage.change(cur -> KeyChanges.finishRotation(storage.keyring(), cur));
        engine.markChanged();
        return new RotationReport(recoveryKey, counts[0], bytes[0], counts[1], Duration.ofNanos(System.nanoTime() - started),
                unreadable);
    }
}
