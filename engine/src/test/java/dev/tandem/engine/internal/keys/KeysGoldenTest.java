package dev.tandem.engine.internal.keys;

import static dev.tandem.engine.testing.GoldenOut.hex;
import static dev.tandem.engine.testing.GoldenOut.obj;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.engine.sync.KeyringStatus.Event;
import dev.tandem.engine.testing.GoldenOut;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Golden vectors of the keyring (docs/ENCRYPTION.md, "The keyring") for the JavaScript core: four
 * generations of one remote with fixed keys, salts and nonces: created, a recovery key made, a
 * rotation started (new keyring key, passphrase and recovery key, two data keys), rotated. Each
 * generation's JSON holds what a reader needs to check it (the passphrase or recovery code, the
 * key-encryption key each derives, the keyring key and the data keys) beside its parsed fields.
 */
@Tag("unit")
class KeysGoldenTest {
    private final GoldenOut out = new GoldenOut("keys");

    static byte[] bytes(int seed, int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (seed * 31 + i * 7);
        }
        return b;
    }

    @Test
    void write_keyringGenerations_openWithTheirSecrets() {
        String passphrase = "correct horse battery staple \u00e9";
        String newPassphrase = "Cafe\u0301 rotated passphrase";
        byte[] keyringKey = bytes(1, 32);
        byte[] salt1 = bytes(2, 16);
        byte[] kek1 = Kdf.DEFAULT.fromPassphrase(passphrase.toCharArray(), salt1);
        Slot pass1 = Slot.seal(Slot.PASSPHRASE, Kdf.DEFAULT, salt1, kek1, keyringKey, bytes(3, 12));
        DataKeys keys0 = new DataKeys(List.of(new DataKeys.DataKey(0, bytes(4, 32))));
        Instant t = Instant.ofEpochMilli(1_732_000_000_000L);
        Keyring g1 = Keyring.seal(1, Event.CREATED, false, t, "sam-laptop", List.of(pass1), keys0, keyringKey,
                bytes(5, 12));

        RecoveryCode code = RecoveryCode.of(bytes(6, 16));
        byte[] salt2 = bytes(7, 16);
        byte[] kek2 = Kdf.RECOVERY.fromRecoveryKey(code.secret(), salt2);
        Slot rec1 = Slot.seal(Slot.RECOVERY, Kdf.RECOVERY, salt2, kek2, keyringKey, bytes(8, 12));
        Keyring g2 = Keyring.seal(2, Event.RECOVERY_KEY_CREATED, false, t.plusSeconds(60), "sam-phone \u263a",
                List.of(pass1, rec1), keys0, keyringKey, bytes(9, 12));

        byte[] keyringKey2 = bytes(10, 32);
        byte[] salt3 = bytes(11, 16);
        byte[] kek3 = Kdf.DEFAULT.fromPassphrase(newPassphrase.toCharArray(), salt3);
        Slot pass2 = Slot.seal(Slot.PASSPHRASE, Kdf.DEFAULT, salt3, kek3, keyringKey2, bytes(12, 12));
        RecoveryCode code2 = RecoveryCode.of(bytes(13, 16));
        byte[] salt4 = bytes(14, 32);
        byte[] kek4 = Kdf.RECOVERY.fromRecoveryKey(code2.secret(), salt4);
        Slot rec2 = Slot.seal(Slot.RECOVERY, Kdf.RECOVERY, salt4, kek4, keyringKey2, bytes(15, 12));
        DataKeys keys1 = new DataKeys(List.of(new DataKeys.DataKey(1, bytes(16, 32)), new DataKeys.DataKey(0, bytes(4, 32))));
        Keyring g3 = Keyring.seal(3, Event.ROTATION_STARTED, false, t.plusSeconds(120), "a device", List.of(pass2, rec2),
                keys1, keyringKey2, bytes(17, 12));
        Keyring g4 = Keyring.seal(4, Event.ROTATED, false, t.plusSeconds(180), "a device", List.of(pass2, rec2),
                keys1.currentOnly(), keyringKey2, bytes(18, 12));

        Object[][] gens = {
            {g1, keys0, keyringKey, List.of(obj("secret", passphrase, "kek", hex(kek1)))},
            {g2, keys0, keyringKey, List.of(obj("secret", passphrase, "kek", hex(kek1)),
                    obj("secret", code.toString(), "kek", hex(kek2)))},
            {g3, keys1, keyringKey2, List.of(obj("secret", newPassphrase, "kek", hex(kek3)),
                    obj("secret", code2.toString(), "kek", hex(kek4)))},
            {g4, keys1.currentOnly(), keyringKey2, List.of(obj("secret", newPassphrase, "kek", hex(kek3)),
                    obj("secret", code2.toString(), "kek", hex(kek4)))},
        };
        for (Object[] g : gens) {
            Keyring ring = (Keyring) g[0];
            byte[] stored = ring.toBytes();
            String key = Keyring.objectKey(ring.generation());
            Keyring back = Keyring.parse(stored, key, "here");
            DataKeys opened = back.open((byte[]) g[2], "here");
            assertEquals(((DataKeys) g[1]).toString(), opened.toString());
            @SuppressWarnings("unchecked")
            List<Object> secrets = (List<Object>) g[3];
            List<Object> slots = new ArrayList<>();
            for (int i = 0; i < back.slots().size(); i++) {
                Slot s = back.slots().get(i);
                byte[] kek = java.util.HexFormat.of().parseHex((String) ((java.util.Map<?, ?>) secrets.get(i)).get("kek"));
                assertArrayEquals((byte[]) g[2], s.open(kek), "slot " + i + " opens with its key");
                slots.add(obj("type", (long) s.type(), "kdf", obj("id", (long) s.kdf().id(), "passes", (long) s.kdf().cost(),
                        "memoryKiB", (long) s.kdf().memoryKiB(), "lanes", (long) s.kdf().parallelism()),
                        "salt", hex(s.salt()), "nonce", hex(s.nonce()), "wrapped", hex(s.wrapped()),
                        "secret", ((java.util.Map<?, ?>) secrets.get(i)).get("secret"),
                        "kek", ((java.util.Map<?, ?>) secrets.get(i)).get("kek")));
            }
            List<Object> dataKeys = new ArrayList<>();
            for (DataKeys.DataKey k : opened.keys()) {
                dataKeys.add(obj("id", (long) k.id(), "key", hex(k.key())));
            }
            out.write("keyring-" + ring.generation(), stored, obj("key", key, "generation", (long) ring.generation(),
                    "event", (long) ring.event().code(), "legacyDescriptor", ring.legacyDescriptor(),
                    "changedAtMillis", ring.changedAt().toEpochMilli(), "changedBy", ring.changedBy(),
                    "slots", slots, "keysNonce", hex(ring.keysNonce()), "keyringKey", hex((byte[]) g[2]),
                    "dataKeys", dataKeys));
        }
        // The recovery code's text for a fixed secret, and what parsing a mistyped one says.
        out.json("recovery-codes", obj("codes", List.of(obj("secret", hex(bytes(6, 16)), "code", code.toString()),
                obj("secret", hex(bytes(13, 16)), "code", code2.toString()),
                obj("secret", hex(new byte[16]), "code", RecoveryCode.of(new byte[16]).toString()),
                obj("secret", "ffffffffffffffffffffffffffffffff",
                        "code", RecoveryCode.of(java.util.HexFormat.of().parseHex("ffffffffffffffffffffffffffffffff")).toString()))));
    }
}
