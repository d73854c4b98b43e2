package dev.tandem.engine.internal.space;

import dev.tandem.engine.internal.store.PackedValues;
import dev.tandem.engine.sync.SyncException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;

/**
 * One entry of a space's membership log, {@code members/<seq>}: the owner admits a member (a name
 * and the member's public key) or removes one, naming for each of its devices the last batch that
 * stays accepted. Signed by the owner's key over the entry's object name and payload.
 *
 * <pre>[ payload bin, signature bin 64 ]
 * payload: [ 2, "add"|"remove", name str, key bin|nil, {device bin16: seq}, agreement key bin|nil,
 *            previous bin 32, space [ root table str, root id str... ] | nil ]</pre>
 * The agreement key (X25519) is what the owner seals a new passphrase to after a rotation.
 * {@code previous} is the SHA-256 of the stored object of the entry before it (32 zero bytes for
 * the first), so the log is a chain: a reader notices an entry that was taken out or replaced, as
 * the next one no longer follows. The first entry names the space's root (the shared list), so a
 * device joins only the list the owner shared. Format 1 (the first six fields) is still read: its
 * entries carry no chain and no root.
 */
public record MemberEntry(String kind, String name, byte[] memberKey, Map<UUID, Long> acceptedUpTo, byte[] agreementKey,
                          byte[] previous, java.util.List<String> space) {
    public static final String ADD = "add";
    public static final String REMOVE = "remove";
    static final String PURPOSE = "member-entry";
    /** Bounds a hostile entry cannot exceed. */
    private static final int MAX_NAME = 200;
    private static final int MAX_DEVICES = 1000;

    /** What the first entry's {@code previous} holds. */
    public static final byte[] FIRST = new byte[32];

    public MemberEntry {
        acceptedUpTo = Map.copyOf(acceptedUpTo);
        space = space == null ? null : java.util.List.copyOf(space);
    }

    /** An entry of format 2, chained to the entry whose stored object hashes to {@code previous}. */
    public static MemberEntry chained(String kind, String name, byte[] memberKey, Map<UUID, Long> acceptedUpTo,
                                      byte[] agreementKey, byte[] previous, java.util.List<String> space) {
        return new MemberEntry(kind, name, memberKey, acceptedUpTo, agreementKey, previous.clone(), space);
    }

    /** Whether this entry carries the chain (format 2). */
    public boolean chained() {
        return previous != null;
    }

    /** The SHA-256 of a stored entry object: what the next entry names as its {@code previous}. */
    public static byte[] hash(byte[] object) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(object);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String key(long seq) {
        return String.format("members/%012d", seq);
    }

    /** The object to store under {@code key(seq)}, signed with the owner's key. */
    public byte[] encode(long seq, PrivateKey owner) {
        byte[] payload = PackedValues.encode(p -> {
            p.packArrayHeader(previous == null ? 6 : 8);
            p.packInt(previous == null ? 1 : 2);
            p.packString(kind);
            p.packString(name);
            if (memberKey == null) {
                p.packNil();
            } else {
                p.packBinaryHeader(memberKey.length);
                p.writePayload(memberKey);
            }
            p.packMapHeader(acceptedUpTo.size());
            for (Map.Entry<UUID, Long> e : new TreeMap<>(acceptedUpTo).entrySet()) {
                p.packBinaryHeader(16);
                p.writePayload(uuid(e.getKey()));
                p.packLong(e.getValue());
            }
            if (agreementKey == null) {
                p.packNil();
            } else {
                p.packBinaryHeader(agreementKey.length);
                p.writePayload(agreementKey);
            }
            if (previous != null) {
                p.packBinaryHeader(previous.length);
                p.writePayload(previous);
                if (space == null) {
                    p.packNil();
                } else {
                    p.packArrayHeader(space.size());
                    for (String part : space) {
                        p.packString(part);
                    }
                }
            }
        });
        byte[] sig = SpaceCrypto.sign(owner, PURPOSE, key(seq).getBytes(StandardCharsets.UTF_8), payload);
        return pack(payload, sig);
    }

    /** Reads and checks entry {@code seq}; a CORRUPT {@link SyncException} when it is malformed or not the owner's. */
    public static MemberEntry decode(long seq, byte[] object, PublicKey owner) {
        String key = key(seq);
        try (MessageUnpacker u = MessagePack.newDefaultUnpacker(object)) {
            if (u.unpackArrayHeader() != 2) {
                throw corrupt(key, "not a membership entry");
            }
            byte[] payload = u.readPayload(bounded(u.unpackBinaryHeader(), 1 << 20, key));
            byte[] sig = u.readPayload(bounded(u.unpackBinaryHeader(), SpaceCrypto.SIGNATURE_BYTES, key));
            if (!SpaceCrypto.verify(owner, sig, PURPOSE, key.getBytes(StandardCharsets.UTF_8), payload)) {
                throw corrupt(key, "not signed by the space's owner");
            }
            try (MessageUnpacker p = MessagePack.newDefaultUnpacker(payload)) {
                int fields = p.unpackArrayHeader();
                int format = fields == 6 || fields == 8 ? p.unpackInt() : -1;
                if (!(fields == 6 && format == 1 || fields == 8 && format == 2)) {
                    throw corrupt(key, "an entry of an unknown format");
                }
                String kind = p.unpackString();
                String name = p.unpackString();
                if (name.isBlank() || name.length() > MAX_NAME || !(ADD.equals(kind) || REMOVE.equals(kind))) {
                    throw corrupt(key, "an entry with a bad kind or name");
                }
                byte[] memberKey = null;
                if (p.tryUnpackNil()) {
                    memberKey = null;
                } else {
                    memberKey = p.readPayload(bounded(p.unpackBinaryHeader(), 1024, key));
                }
                int n = bounded(p.unpackMapHeader(), MAX_DEVICES, key);
                Map<UUID, Long> bounds = new TreeMap<>();
                for (int i = 0; i < n; i++) {
                    byte[] d = p.readPayload(bounded(p.unpackBinaryHeader(), 16, key));
                    if (d.length != 16) {
                        throw corrupt(key, "a device id of " + d.length + " bytes");
                    }
                    bounds.put(uuid(d), p.unpackLong());
                }
                byte[] agreement = p.tryUnpackNil() ? null : p.readPayload(bounded(p.unpackBinaryHeader(), 1024, key));
                if (ADD.equals(kind) && memberKey == null) {
                    throw corrupt(key, "an admission without a key");
                }
                byte[] previous = null;
                java.util.List<String> space = null;
                if (format == 2) {
                    previous = p.readPayload(bounded(p.unpackBinaryHeader(), 32, key));
                    if (previous.length != 32) {
                        throw corrupt(key, "an entry with a damaged link to the one before");
                    }
                    if (!p.tryUnpackNil()) {
                        int n2 = bounded(p.unpackArrayHeader(), MAX_DEVICES, key);
                        space = new java.util.ArrayList<>();
                        for (int i = 0; i < n2; i++) {
                            space.add(p.unpackString());
                        }
                    }
                }
                return new MemberEntry(kind, name, memberKey, bounds, agreement, previous, space);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof SyncException s) {
                throw s;
            }
            throw corrupt(key, "unreadable (" + e.getMessage() + ")");
        }
    }

    /** {@code [ payload bin, signature bin ]}: how the log's entries and the certificates are stored. */
    static byte[] pack(byte[] payload, byte[] sig) {
        return PackedValues.encode(p -> {
            p.packArrayHeader(2);
            p.packBinaryHeader(payload.length);
            p.writePayload(payload);
            p.packBinaryHeader(sig.length);
            p.writePayload(sig);
        });
    }

    static int bounded(int n, int max, String key) {
        if (n < 0 || n > max) {
            throw corrupt(key, "a length of " + n + ", more than " + max);
        }
        return n;
    }

    static SyncException corrupt(String key, String what) {
        return new SyncException(SyncException.Reason.CORRUPT, "Membership object " + key + " is " + what);
    }

    static byte[] uuid(UUID u) {
        return java.nio.ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits()).array();
    }

    static UUID uuid(byte[] b) {
        java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(b);
        return new UUID(bb.getLong(), bb.getLong());
    }
}
