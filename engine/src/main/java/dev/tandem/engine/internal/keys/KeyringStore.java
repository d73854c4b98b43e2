package dev.tandem.engine.internal.keys;

import dev.tandem.engine.sync.KeyringStatus.Event;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncException.PassphraseChange;
import dev.tandem.engine.sync.SyncException.Reason;
import dev.tandem.engine.sync.SyncStorage;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds, creates and changes a remote's keyring on the plain storage under the encryption layer.
 *
 * <p>Invariants, which every step below keeps across a crash at any point:
 * <ol>
 * <li>The keyring is the newest generation under {@code keys/}. Generations are immutable, and each
 *     is created with {@code createIfAbsent} on the next number, so of two devices changing keys
 *     at once exactly one wins; the other is told to try again. Older generations are leftovers
 *     and are deleted, but only by a device that has opened the newest (a forged newest one,
 *     which nobody can open, deletes nothing).</li>
 * <li>The descriptor {@code encryption} is present whenever a keyring is: devices without a
 *     passphrase and older Tandems look only there. Setting up writes it before generation 1.</li>
 * <li>A first-layout descriptor (version 1) opens data key 0 with the passphrase it was made
 *     with, so it stays only while the keyring's {@code legacyDescriptor} flag says that passphrase
 *     is still the one. A change that clears the flag replaces it with the stub after the new
 *     generation exists and before the older ones are deleted.</li>
 * </ol>
 * A change is therefore: create generation n+1, then replace a stale descriptor, then delete the
 * generations below n+1. Before the create, the old secret opens the remote; after it, the new.
 */
public final class KeyringStore {
    public static final String DESCRIPTOR_NAME = "encryption";
    /** Where sync keeps its objects (docs/SYNC_FORMAT.md); any of them without a descriptor is plain data. */
    private static final List<String> DATA_PREFIXES = List.of("heads/", "batches/", "snapshots/", "acks/");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final SyncStorage plain;
    private final String deviceName;
    private final Clock clock;

    public KeyringStore(SyncStorage plain, String deviceName, Clock clock) {
        this.plain = plain;
        this.deviceName = deviceName;
        this.clock = clock;
    }

    /** Opens the keyring with {@code secret}, setting it up or upgrading the first layout on first use. */
    public Unlocked unlock(Secret secret) {
        for (int attempt = 0; attempt < 3; attempt++) {
            List<Integer> generations = generations(null);
            if (!generations.isEmpty()) {
                int newest = generations.get(generations.size() - 1);
                Optional<byte[]> data = plain.get(Keyring.objectKey(newest));
                if (data.isEmpty()) {
                    continue; // deleted after the listing: a newer one exists now
                }
                Unlocked u = open(Keyring.parse(data.get(), Keyring.objectKey(newest), where(newest)), secret);
                tidy(u, generations);
                return u;
            }
            Unlocked created = setUp(secret);
            if (created != null) {
                return created;
            }
        }
        throw new SyncException(Reason.REMOTE_BUSY, "The keyring of " + plain.describe() + " kept changing while "
                + "this device read it; sync will try again");
    }

    /**
     * The newest generation if one is newer than {@code current}, opened with the secret this
     * device already holds; or WRONG_PASSPHRASE, naming where and when, if that secret changed.
     */
    public Unlocked refresh(Unlocked current) {
        Optional<byte[]> data = Optional.empty();
        int newest = current.generation();
        for (int attempt = 0; attempt < 3 && data.isEmpty(); attempt++) {
            List<Integer> newer = generations(Keyring.objectKey(current.generation()));
            if (newer.isEmpty()) {
                return current;
            }
            newest = newer.get(newer.size() - 1);
            // Empty: deleted between the listing and the read, because a newer one exists now.
            data = plain.get(Keyring.objectKey(newest));
        }
        if (data.isEmpty()) {
            throw new SyncException(Reason.REMOTE_BUSY, "The keyring of " + plain.describe() + " kept changing while "
                    + "this device read it; sync will try again");
        }
        Keyring ring = Keyring.parse(data.get(), Keyring.objectKey(newest), where(newest));
        Slot slot = ring.slot(current.via().type());
        if (!current.via().sameSecretAs(slot)) {
            throw changedElsewhere(ring, current.via().type());
        }
        return opened(ring, slot, current.kek());
    }

    /**
     * Writes the generation after {@code current} and finishes the change (invariant 3, then the
     * deletion of older generations). {@code via}/{@code kek} are the slot and key this device
     * follows from now on.
     */
    public Unlocked commit(Unlocked current, Event event, boolean legacyDescriptor, List<Slot> slots, DataKeys keys,
                           byte[] keyringKey, Slot via, byte[] kek) {
        int next = current.generation() + 1;
        if (!generations(Keyring.objectKey(current.generation())).isEmpty()) {
            throw busy();
        }
        Keyring ring = Keyring.seal(next, event, legacyDescriptor, clock.instant(), deviceName, slots, keys, keyringKey);
        if (!plain.createIfAbsent(Keyring.objectKey(next), ring.toBytes())) {
            throw busy();
        }
        Unlocked u = new Unlocked(ring, keyringKey, keys, via, kek);
        tidy(u, generations(null));
        return u;
    }

    private SyncException busy() {
        return new SyncException(Reason.REMOTE_BUSY, "Another device changed the keys of " + plain.describe()
                + " at the same time; nothing was changed here. Try again");
    }

    /** No keyring yet: set one up, or upgrade the first layout. Null when another device won the race. */
    private Unlocked setUp(Secret secret) {
        Optional<byte[]> descriptor = plain.get(DESCRIPTOR_NAME);
        DataKeys keys;
        Event event;
        if (descriptor.isEmpty()) {
            refuseIfData(true);
            plain.createIfAbsent(DESCRIPTOR_NAME, LegacyDescriptor.STUB);
            keys = DataKeys.fresh();
            event = Event.CREATED;
        } else if (LegacyDescriptor.versionOf(descriptor.get()) == LegacyDescriptor.VERSION) {
            LegacyDescriptor legacy = LegacyDescriptor.parse(descriptor.get(), where());
            byte[] key = legacy.open(secret.passphraseForUpgrade(plain.describe()), where(), plain.describe());
            keys = new DataKeys(List.of(new DataKeys.DataKey(0, key)));
            event = Event.UPGRADED;
        } else if (LegacyDescriptor.versionOf(descriptor.get()) == LegacyDescriptor.STUB_VERSION) {
            refuseIfData(false);
            keys = DataKeys.fresh();
            event = Event.CREATED;
        } else if (LegacyDescriptor.versionOf(descriptor.get()) > LegacyDescriptor.STUB_VERSION) {
            throw new SyncException(Reason.UNSUPPORTED_FORMAT, "The encryption descriptor " + where() + " has version "
                    + LegacyDescriptor.versionOf(descriptor.get()) + "; this Tandem reads versions 1 and 2");
        } else {
            throw new SyncException(Reason.CORRUPT, "The encryption descriptor " + where() + " is not a Tandem "
                    + "encryption descriptor (" + descriptor.get().length + " bytes, wrong magic)");
        }
        byte[] keyringKey = Wrap.random(Wrap.KEY_LENGTH);
        byte[] salt = Wrap.random(Slot.SALT_LENGTH);
        byte[] kek = secret.derive(Kdf.DEFAULT, salt, plain.describe());
        Slot slot = Slot.seal(Slot.PASSPHRASE, Kdf.DEFAULT, salt, kek, keyringKey);
        Keyring ring = Keyring.seal(1, event, event == Event.UPGRADED, clock.instant(), deviceName, List.of(slot),
                keys, keyringKey);
        if (!plain.createIfAbsent(Keyring.objectKey(1), ring.toBytes())) {
            return null;
        }
        secret.opened(slot, kek);
        return new Unlocked(ring, keyringKey, keys, slot, kek);
    }

    /**
     * Before the first keyring: Tandem's objects already there mean devices without a passphrase
     * sync through this remote; with a descriptor ({@code noDescriptor} false), the keyring was
     * lost, and a new key would read none of them. Either way nothing is written.
     */
    private void refuseIfData(boolean noDescriptor) {
        for (String prefix : DATA_PREFIXES) {
            List<String> found = plain.list(prefix, null, 1);
            if (found.isEmpty()) {
                continue;
            }
            if (noDescriptor) {
                throw new SyncException(Reason.ENCRYPTION_MISMATCH, plain.describe() + " already holds "
                        + "unencrypted Tandem data (" + found.get(0) + ") written by devices without a passphrase,"
                        + " so this device, which has one, did not read or write anything. Encrypting a remote"
                        + " that holds plain data is not supported");
            }
            throw new SyncException(Reason.CORRUPT, "The keyring of " + plain.describe() + " (" + Keyring.PREFIX
                    + ") is missing although the remote holds encrypted data (" + found.get(0) + "); without it no "
                    + "device can read that data. Nothing was read or changed");
        }
    }

    private Unlocked open(Keyring ring, Secret secret) {
        Slot slot = ring.slot(secret.slotType());
        if (slot == null) {
            throw new SyncException(Reason.WRONG_PASSPHRASE, plain.describe() + " has no recovery key; only its "
                    + "passphrase opens it. Nothing was read or changed");
        }
        byte[] kept = secret.remembered(slot);
        Unlocked u = kept == null ? null : tryOpen(ring, slot, kept);
        if (u != null) {
            return u;
        }
        byte[] kek = secret.derive(slot.kdf(), slot.salt(), plain.describe());
        u = tryOpen(ring, slot, kek);
        if (u == null) {
            throw wrongSecret(ring, secret.slotType());
        }
        secret.opened(slot, kek);
        return u;
    }

    private Unlocked opened(Keyring ring, Slot slot, byte[] kek) {
        Unlocked u = tryOpen(ring, slot, kek);
        if (u == null) {
            throw Keyring.corrupt(where(ring.generation()), "a slot with the salt this device knows does not open "
                    + "with the key that salt gave");
        }
        return u;
    }

    private Unlocked tryOpen(Keyring ring, Slot slot, byte[] kek) {
        byte[] keyringKey = slot.open(kek);
        if (keyringKey == null) {
            return null;
        }
        return new Unlocked(ring, keyringKey, ring.open(keyringKey, where(ring.generation())), slot, kek);
    }

    /** Replaces a stale first-layout descriptor and deletes older generations (invariants 1 and 3). */
    private void tidy(Unlocked u, List<Integer> generations) {
        if (!u.ring().legacyDescriptor()) {
            Optional<byte[]> d = plain.get(DESCRIPTOR_NAME);
            if (d.isEmpty()) {
                plain.createIfAbsent(DESCRIPTOR_NAME, LegacyDescriptor.STUB);
            } else if (LegacyDescriptor.versionOf(d.get()) == LegacyDescriptor.VERSION) {
                plain.overwrite(DESCRIPTOR_NAME, LegacyDescriptor.STUB);
            }
        }
        for (int g : generations) {
            if (g < u.generation()) {
                plain.delete(Keyring.objectKey(g));
            }
        }
    }

    /** The generations listed after {@code startAfter} (null: all), ascending. */
    private List<Integer> generations(String startAfter) {
        List<Integer> out = new ArrayList<>();
        String after = startAfter;
        while (true) {
            List<String> page = plain.list(Keyring.PREFIX, after, 1000);
            for (String key : page) {
                int g = Keyring.generationOf(key);
                if (g > 0) {
                    out.add(g);
                }
            }
            if (page.size() < 1000) {
                out.sort(null);
                return out;
            }
            after = page.get(page.size() - 1);
        }
    }

    private SyncException wrongSecret(Keyring ring, int slotType) {
        String what = slotType == Slot.RECOVERY ? "recovery key" : "passphrase";
        String message = "The " + what + " does not match the one that encrypted " + plain.describe()
                + "; nothing was read or changed.";
        if (ring.event().changesPassphrase() && slotType == Slot.PASSPHRASE) {
            return SyncException.passphraseChanged(message + " The passphrase was changed on " + ring.changedBy()
                    + " at " + WHEN.format(ring.changedAt()) + ".", new PassphraseChange(ring.changedBy(), ring.changedAt()));
        }
        return new SyncException(Reason.WRONG_PASSPHRASE, message);
    }

    private SyncException changedElsewhere(Keyring ring, int slotType) {
        String what = slotType == Slot.RECOVERY ? "recovery key" : "passphrase";
        return SyncException.passphraseChanged("The " + what + " of " + plain.describe() + " was changed"
                + " on " + ring.changedBy() + " at " + WHEN.format(ring.changedAt()) + ". Enter the new passphrase; until"
                + " then this device keeps its changes and writes nothing to the remote.",
                new PassphraseChange(ring.changedBy(), ring.changedAt()));
    }

    private String where() {
        return "'" + DESCRIPTOR_NAME + "' in " + plain.describe();
    }

    private String where(int generation) {
        return "'" + Keyring.objectKey(generation) + "' in " + plain.describe();
    }
}
