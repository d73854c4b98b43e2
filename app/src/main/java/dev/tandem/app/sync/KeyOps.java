package dev.tandem.app.sync;

import dev.tandem.app.model.Replica;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.engine.sync.KeyringStatus;
import dev.tandem.engine.sync.RotationReport;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.SyncProgress;
import java.util.function.Function;

/**
 * The key changes "Encryption keys…" offers, on the remote the saved settings name. Each call opens
 * the remote with its own short-lived engine and blocks: call it off the FX thread. With the
 * passphrase saved in the profile, that engine opens the keyring with the key the profile keeps
 * stretched ({@code key-cache}, which the running sync made), so reading the keyring costs a listing
 * and a read, not an Argon2id derivation (about 2.5 s under the command line's JIT, seconds more
 * beside a sync); any other passphrase, a recovery key or a passphrase just changed here is
 * stretched as always. After a change, the running sync service must be given the new passphrase,
 * or its next sync stops with "the passphrase was changed".
 */
public interface KeyOps {
    KeyringStatus status();

    KeyringStatus changePassphrase(String newPassphrase);

    /** Opens the remote with a recovery key instead of the (forgotten) passphrase and sets a new one. */
    KeyringStatus resetPassphrase(String recoveryKey, String newPassphrase);

    String newRecoveryKey();

    /** Rotates, or finishes an earlier rotation that was cut short (then with the current passphrase). */
    RotationReport rotate(String newPassphrase, SyncProgress progress);

    /** Key changes on the remote {@code settings} name; {@code db} is compacted by a rotation. Stretches every time. */
    static KeyOps of(SyncSettings settings, Replica db, String deviceName) {
        return of(settings, null, db, deviceName);
    }

    /**
     * As above, opening the keyring with the key {@code profile} keeps for its saved passphrase (null: none),
     * when that is the passphrase used.
     */
    static KeyOps of(SyncSettings settings, SettingsStore profile, Replica db, String deviceName) {
        Function<SyncEngine.Builder, SyncEngine> build = b -> b.deviceName(deviceName).build();
        return new KeyOps() {
            /** The passphrase that opens the remote now: it follows every change made here. */
            private volatile String passphrase = settings.passphrase();

            private SyncEngine withPassphrase() {
                String p = passphrase;
                SyncEngine.Builder b = settings.engineBuilder();
                return build.apply(profile == null ? b.encrypted(p) : profile.encrypt(b, p));
            }

            @Override
            public KeyringStatus status() {
                try (SyncEngine e = withPassphrase()) {
                    return e.keys().status();
                }
            }

            @Override
            public KeyringStatus changePassphrase(String newPassphrase) {
                try (SyncEngine e = withPassphrase()) {
                    KeyringStatus s = e.keys().changePassphrase(newPassphrase);
                    passphrase = newPassphrase;
                    return s;
                }
            }

            @Override
            public KeyringStatus resetPassphrase(String recoveryKey, String newPassphrase) {
                try (SyncEngine e = build.apply(settings.engineBuilder().recoveryKey(recoveryKey))) {
                    KeyringStatus s = e.keys().changePassphrase(newPassphrase);
                    passphrase = newPassphrase;
                    return s;
                }
            }

            @Override
            public String newRecoveryKey() {
                try (SyncEngine e = withPassphrase()) {
                    return e.keys().newRecoveryKey();
                }
            }

            @Override
            public RotationReport rotate(String newPassphrase, SyncProgress progress) {
                try (SyncEngine e = withPassphrase()) {
                    if (e.keys().status().rotationUnfinished()) {
                        return db.resumeRotation(e.keys(), progress);
                    }
                    return db.rotate(e.keys(), newPassphrase, (phase, done, total) -> {
                        if (phase.equals(SyncProgress.ROTATE) && total < 0) {
                            passphrase = newPassphrase;
                        }
                        progress.onProgress(phase, done, total);
                    });
                }
            }
        };
    }
}
