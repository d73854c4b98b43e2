package dev.tandem.engine.internal.sync;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The owner's X25519 private key for each space an engine was built for on an owner's device, which
 * opens the join requests sealed to the owner. It lies beside {@link SpaceSetup} rather than in it
 * because the setup's fields belong to the membership work; {@code SyncEngine.Builder} registers the
 * key for the setup it makes, from {@code SpaceKeys}' package-private accessor, and
 * {@link DefaultSpaceMembers} looks it up. Keys are held weakly by their setup (a record whose array
 * fields make equality identity), so a closed engine's key goes with it.
 */
public final class OwnerAgreementKeys {
    private static final Map<SpaceSetup, byte[]> KEYS = Collections.synchronizedMap(new WeakHashMap<>());

    private OwnerAgreementKeys() {
    }

    /** Remembers {@code agreementPrivate} (PKCS #8) as the owner's for {@code setup}. */
    public static void register(SpaceSetup setup, byte[] agreementPrivate) {
        KEYS.put(setup, agreementPrivate.clone());
    }

    /** The owner's key for {@code setup}; an {@link IllegalStateException} when none was registered. */
    static byte[] of(SpaceSetup setup) {
        byte[] key = KEYS.get(setup);
        if (key == null) {
            throw new IllegalStateException("members: this engine was not built with the owner's keys");
        }
        return key.clone();
    }
}
