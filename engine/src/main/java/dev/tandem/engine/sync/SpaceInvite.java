package dev.tandem.engine.sync;

import dev.tandem.engine.internal.space.JoinObjects;
import dev.tandem.engine.internal.space.SpaceCrypto;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * An invite to a shared space ({@link SpaceMembers#invite}): where the space is (the app's own
 * description of the remote, which may hold the storage's credentials), the owner's public key,
 * and a one-time id and secret. It holds no key to the space's contents: the joiner asks with it
 * ({@link #requestToJoin}), the owner compares fingerprints and admits, and only then can the
 * joiner open what the owner sealed to its key ({@link #passphrase}). So the code alone, read off
 * a chat log, lets someone ask, not read.
 */
public final class SpaceInvite {
    private static final String PREFIX = "tandem-invite-1.";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String location;
    private final byte[] ownerPublicKey;
    private final String id;
    private final byte[] secret;

    private SpaceInvite(String location, byte[] ownerPublicKey, String id, byte[] secret) {
        this.location = location;
        this.ownerPublicKey = ownerPublicKey.clone();
        this.id = id;
        this.secret = secret.clone();
        SpaceCrypto.publicKey(this.ownerPublicKey);
        if (!id.matches("[0-9a-f]{16}") || secret.length != 32) {
            throw new IllegalArgumentException("invite: damaged id or secret");
        }
    }

    /**
     * A new invite to the space at {@code location} owned by {@code ownerPublicKey}. The owner's
     * engine makes them ({@link SpaceMembers#invite}), as it must keep the secret to check requests.
     */
    public static SpaceInvite create(String location, byte[] ownerPublicKey) {
        byte[] id = new byte[8];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        return new SpaceInvite(location, ownerPublicKey, HexFormat.of().formatHex(id), secret);
    }

    /** Reads an invite code; an {@link IllegalArgumentException} says what is wrong with it. */
    public static SpaceInvite parse(String code) {
        String c = Objects.requireNonNull(code, "code").strip();
        if (!c.startsWith(PREFIX)) {
            throw new IllegalArgumentException("invite: not a Tandem invite (it starts with " + PREFIX + ")");
        }
        try {
            ByteBuffer b = ByteBuffer.wrap(Base64.getUrlDecoder().decode(c.substring(PREFIX.length())));
            byte[] loc = new byte[b.getShort() & 0xffff];
            b.get(loc);
            byte[] owner = new byte[b.get() & 0xff];
            b.get(owner);
            byte[] id = new byte[8];
            b.get(id);
            byte[] secret = new byte[32];
            b.get(secret);
            if (b.hasRemaining()) {
                throw new IllegalArgumentException("trailing bytes");
            }
            return new SpaceInvite(new String(loc, StandardCharsets.UTF_8), owner, HexFormat.of().formatHex(id), secret);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invite: the code is damaged or cut short; copy it again", e);
        }
    }

    /** The code to send: one line, safe in a chat message or a file. */
    public String code() {
        byte[] loc = location.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(2 + loc.length + 1 + ownerPublicKey.length + 8 + 32);
        b.putShort((short) loc.length).put(loc).put((byte) ownerPublicKey.length).put(ownerPublicKey)
                .put(HexFormat.of().parseHex(id)).put(secret);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
    }

    /** Where the space is, as the inviting app described it. */
    public String location() {
        return location;
    }

    public byte[] ownerPublicKey() {
        return ownerPublicKey.clone();
    }

    public String id() {
        return id;
    }

    /** The invite's secret: requests carry an HMAC with it. */
    public byte[] secret() {
        return secret.clone();
    }

    /**
     * Asks to join: writes this member's request next to the space, in {@code storage} (the
     * space's remote as the invite locates it, without encryption). Returns the request, whose
     * fingerprint the joiner reads out to the owner. Asking again is harmless.
     */
    public JoinRequest requestToJoin(SyncStorage storage, SpaceKeys me) {
        if (!java.util.Arrays.equals(me.ownerPublicKey(), ownerPublicKey)) {
            throw new IllegalArgumentException("me: keys made for another space's owner");
        }
        byte[] key = me.memberPublicKey();
        storage.createIfAbsent(JoinObjects.requestKey(id, key),
                JoinObjects.encodeRequest(id, secret, me.memberName(), key, me.agreementPublicKey()));
        return new JoinRequest(id, me.memberName(), me.fingerprint(), key, me.agreementPublicKey());
    }

    /** The space's passphrase, once the owner admitted this member; empty while they have not. */
    public Optional<String> passphrase(SyncStorage storage, SpaceKeys me) {
        String grant = JoinObjects.grantKey(id, me.memberPublicKey());
        Optional<byte[]> sealed = storage.get(grant);
        if (sealed.isEmpty()) {
            return Optional.empty();
        }
        byte[] open = JoinObjects.openGrant(ownerPublicKey, me.agreementPrivateKey(), grant, sealed.get());
        return Optional.of(new String(open, StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "SpaceInvite[" + id + "]";
    }
}
