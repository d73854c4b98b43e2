package dev.tandem.engine.internal.keys;

import dev.tandem.engine.internal.crypto.Aead;
import dev.tandem.engine.sync.KeyringStatus.Event;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncException.Reason;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One generation of a remote's keyring, the object {@code keys/NNNNNNNNNN}: who changed it and
 * when, the slots that each wrap the keyring key (one per passphrase or recovery key), and the data
 * keys encrypted under the keyring key. The byte layout is in docs/ENCRYPTION.md, "The keyring".
 *
 * <p>Two authentications, so that a slot can be copied unchanged into the next generation: each
 * slot's wrap binds only the slot's own header (type, KDF, salt), while the data keys' ciphertext
 * binds everything before it: generation, event, device, time and every slot. Until a device
 * unlocks the keyring, its event, time and device name are unauthenticated hints, good for a
 * message and nothing else.
 */
record Keyring(int generation, Event event, boolean legacyDescriptor, Instant changedAt, String changedBy,
               List<Slot> slots, byte[] keysNonce, byte[] keysCiphertext) {
    static final byte[] MAGIC = {'T', 'D', 'K', 'R'};
    static final int FORMAT = 1;
    static final String PREFIX = "keys/";
    static final int MAX_BYTES = 4096;
    static final int MAX_DEVICE_NAME_BYTES = 64;
    static final int MAX_SLOTS = 4;

    /** The object key of a generation: fixed width, so listing order is generation order. */
    static String objectKey(int generation) {
        return PREFIX + String.format("%010d", generation);
    }

    /** The generation an object key names, or -1 for a key that is not a keyring's. */
    static int generationOf(String key) {
        if (!key.startsWith(PREFIX) || key.length() != PREFIX.length() + 10) {
            return -1;
        }
        String digits = key.substring(PREFIX.length());
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return -1;
            }
        }
        long g = Long.parseLong(digits);
        return g >= 1 && g <= Integer.MAX_VALUE ? (int) g : -1;
    }

    /** The slot of {@code type}, or null. */
    Slot slot(int type) {
        for (Slot s : slots) {
            if (s.type() == type) {
                return s;
            }
        }
        return null;
    }

    /** Encodes a new generation, encrypting {@code keys} under {@code keyringKey}. */
    static Keyring seal(int generation, Event event, boolean legacyDescriptor, Instant at, String device,
                        List<Slot> slots, DataKeys keys, byte[] keyringKey) {
        return seal(generation, event, legacyDescriptor, at, device, slots, keys, keyringKey, Wrap.nonce());
    }

    /** As above with a given nonce: random in use, fixed by the format's golden vectors. */
    static Keyring seal(int generation, Event event, boolean legacyDescriptor, Instant at, String device,
                        List<Slot> slots, DataKeys keys, byte[] keyringKey, byte[] nonce) {
        String name = trimmedName(device);
        Keyring unsealed = new Keyring(generation, event, legacyDescriptor, at, name, List.copyOf(slots),
                nonce.clone(), new byte[0]);
        byte[] ct = Aead.seal(keyringKey, unsealed.keysNonce, unsealed.header(), keys.toBytes());
        return new Keyring(generation, event, legacyDescriptor, at, name, unsealed.slots, unsealed.keysNonce, ct);
    }

    /** The data keys, authenticated together with everything this keyring says. */
    DataKeys open(byte[] keyringKey, String where) {
        byte[] plain = Aead.open(keyringKey, keysNonce, header(), keysCiphertext);
        if (plain == null) {
            throw new SyncException(Reason.CORRUPT, "The keyring " + where + " was damaged or tampered with "
                    + "(its data keys fail authentication)");
        }
        try {
            return DataKeys.parse(plain, where);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    byte[] toBytes() {
        byte[] h = header();
        ByteBuffer b = ByteBuffer.allocate(h.length + Wrap.NONCE_LENGTH + 2 + keysCiphertext.length);
        b.put(h).put(keysNonce).putShort((short) keysCiphertext.length).put(keysCiphertext);
        return b.array();
    }

    /** Everything before the data keys' nonce: what their ciphertext authenticates. */
    private byte[] header() {
        byte[] device = changedBy.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(MAX_BYTES);
        b.put(MAGIC).put((byte) FORMAT).putInt(generation).put((byte) event.code())
                .put((byte) (legacyDescriptor ? 1 : 0)).putLong(changedAt.toEpochMilli())
                .put((byte) device.length).put(device).put((byte) slots.size());
        for (Slot s : slots) {
            s.writeTo(b);
        }
        return Arrays.copyOf(b.array(), b.position());
    }

    /** Parses a keyring read from {@code key}; every length is checked before it is used. */
    static Keyring parse(byte[] data, String key, String where) {
        int expected = generationOf(key);
        if (data.length > MAX_BYTES || data.length < MAGIC.length + 1
                || !Arrays.equals(data, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw corrupt(where, "not a Tandem keyring (" + data.length + " bytes)");
        }
        ByteBuffer b = ByteBuffer.wrap(data, MAGIC.length, data.length - MAGIC.length);
        try {
            int format = b.get() & 0xFF;
            if (format != FORMAT) {
                throw new SyncException(Reason.UNSUPPORTED_FORMAT, "The keyring " + where + " has format "
                        + format + "; this Tandem reads format " + FORMAT);
            }
            int generation = b.getInt();
            if (generation != expected) {
                throw corrupt(where, "it says generation " + generation + " under the name of generation " + expected);
            }
            Event event = Event.of(b.get() & 0xFF);
            if (event == null) {
                throw new SyncException(Reason.UNSUPPORTED_FORMAT, "The keyring " + where + " records a change "
                        + "this Tandem does not know; a newer Tandem wrote it");
            }
            int flags = b.get() & 0xFF;
            Instant at = Instant.ofEpochMilli(b.getLong());
            int nameLength = b.get() & 0xFF;
            if (nameLength > MAX_DEVICE_NAME_BYTES) {
                throw corrupt(where, "a " + nameLength + "-byte device name");
            }
            byte[] name = new byte[nameLength];
            b.get(name);
            int count = b.get() & 0xFF;
            if (count < 1 || count > MAX_SLOTS) {
                throw corrupt(where, count + " slots");
            }
            List<Slot> slots = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                slots.add(Slot.readFrom(b, where));
            }
            byte[] nonce = new byte[Wrap.NONCE_LENGTH];
            b.get(nonce);
            int ctLength = b.getShort() & 0xFFFF;
            if (ctLength != b.remaining() || ctLength < Wrap.TAG_LENGTH + 1) {
                throw corrupt(where, "its data keys take " + ctLength + " bytes of " + b.remaining());
            }
            byte[] ct = new byte[ctLength];
            b.get(ct);
            return new Keyring(generation, event, (flags & 1) != 0, at, new String(name, StandardCharsets.UTF_8),
                    List.copyOf(slots), nonce, ct);
        } catch (BufferUnderflowException e) {
            throw corrupt(where, "it ends early, at " + data.length + " bytes");
        }
    }

    private static String trimmedName(String device) {
        String name = device == null || device.isBlank() ? "a device" : device.strip();
        while (name.getBytes(StandardCharsets.UTF_8).length > MAX_DEVICE_NAME_BYTES) {
            name = name.substring(0, name.length() - 1);
        }
        return name;
    }

    static SyncException corrupt(String where, String what) {
        return new SyncException(Reason.CORRUPT, "The keyring " + where + " is damaged or was tampered with: " + what);
    }
}
