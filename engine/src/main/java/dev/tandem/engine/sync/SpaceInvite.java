package dev.tandem.engine.sync;

import dev.tandem.engine.internal.space.JoinObjects;
import dev.tandem.engine.internal.space.Sealed;
import dev.tandem.engine.internal.space.SpaceCrypto;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * An invite to a shared space ({@link SpaceMembers#invite}): where the space is (the app's own
 * description of the remote, which may hold the storage's credentials), the owner's public keys (the
 * Ed25519 key that signs the membership, the X25519 key requests are sealed to), a one-time id and
 * secret, and when it expires. It holds no key to the space's contents: the joiner asks with it
 * ({@link #requestToJoin}), the owner compares fingerprints and admits, and only then can the
 * joiner open what the owner sealed to its key ({@link #passphrase}). So the code alone, read off
 * a chat log, lets someone ask, not read; and it lets them ask only until someone is admitted with
 * it, it expires, or the owner revokes it.
 *
 * <pre>tandem-invite-2.base64url( location length u16 | location (UTF-8) | owner key length u8 | owner key
 *     | agreement key length u8 | agreement key | id (8) | secret (32) | expires (epoch millis, i64) )</pre>
 */
public final class SpaceInvite {
    private static final String PREFIX = "tandem-invite-2.";
    private static final String ANY_PREFIX = "tandem-invite-";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String location;
    private final byte[] ownerPublicKey;
    private final byte[] ownerAgreementKey;
    private final String id;
    private final byte[] secret;
    private final Instant expiresAt;

    private SpaceInvite(String location, byte[] ownerPublicKey, byte[] ownerAgreementKey, String id, byte[] secret,
                        Instant expiresAt) {
        this.location = Objects.requireNonNull(location, "location");
        this.ownerPublicKey = ownerPublicKey.clone();
        this.ownerAgreementKey = ownerAgreementKey.clone();
        this.id = id;
        this.secret = secret.clone();
        this.expiresAt = Instant.ofEpochMilli(expiresAt.toEpochMilli());
        SpaceCrypto.publicKey(this.ownerPublicKey);
        Sealed.publicKey(this.ownerAgreementKey);
        if (!id.matches("[0-9a-f]{16}") || secret.length != 32) {
            throw new IllegalArgumentException("invite: damaged id or secret");
        }
        if (location.getBytes(StandardCharsets.UTF_8).length > 0xffff) {
            throw new IllegalArgumentException("location: more than 65535 bytes");
        }
    }

    /**
     * A new invite to the space at {@code location} owned by {@code ownerPublicKey}, whose requests are
     * sealed to {@code ownerAgreementKey} ({@link SpaceKeys#agreementPublicKey()} of the owner), good
     * until {@code expiresAt}. The owner's engine makes them ({@link SpaceMembers#invite}), as it must
     * keep the secret to check requests.
     */
    public static SpaceInvite create(String location, byte[] ownerPublicKey, byte[] ownerAgreementKey, Instant expiresAt) {
        byte[] id = new byte[8];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        return new SpaceInvite(location, ownerPublicKey, ownerAgreementKey, HexFormat.of().formatHex(id), secret,
                Objects.requireNonNull(expiresAt, "expiresAt"));
    }

    /** Reads an invite code; an {@link IllegalArgumentException} says what is wrong with it. */
    public static SpaceInvite parse(String code) {
        String c = Objects.requireNonNull(code, "code").strip();
        if (c.startsWith(ANY_PREFIX) && !c.startsWith(PREFIX) && c.indexOf('.') > 0) {
            // Say which side is behind: an older code holds no expiry and no key to seal the request to.
            String version = c.substring(ANY_PREFIX.length(), c.indexOf('.'));
            boolean older = version.matches("[0-9]{1,4}") && Integer.parseInt(version) < 2;
            throw new IllegalArgumentException(older ? "invite: made by an older Tandem: ask for a new invite"
                    : "invite: made by a newer Tandem: update Tandem to join with it");
        }
        if (!c.startsWith(PREFIX)) {
            throw new IllegalArgumentException("invite: not a Tandem invite (it starts with " + PREFIX + ")");
        }
        try {
            ByteBuffer b = ByteBuffer.wrap(Base64.getUrlDecoder().decode(c.substring(PREFIX.length())));
            byte[] loc = new byte[b.getShort() & 0xffff];
            b.get(loc);
            byte[] owner = new byte[b.get() & 0xff];
            b.get(owner);
            byte[] agreement = new byte[b.get() & 0xff];
            b.get(agreement);
            byte[] id = new byte[8];
            b.get(id);
            byte[] secret = new byte[32];
            b.get(secret);
            long expires = b.getLong();
            if (b.hasRemaining()) {
                throw new IllegalArgumentException("trailing bytes");
            }
            return new SpaceInvite(new String(loc, StandardCharsets.UTF_8), owner, agreement, HexFormat.of().formatHex(id),
                    secret, Instant.ofEpochMilli(expires));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invite: the code is damaged or cut short; copy it again", e);
        }
    }

    /** The code to send: one line of URL-safe characters, safe in a chat message or a file. */
    public String code() {
        byte[] loc = location.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(2 + loc.length + 1 + ownerPublicKey.length + 1 + ownerAgreementKey.length
                + 8 + 32 + 8);
        b.putShort((short) loc.length).put(loc).put((byte) ownerPublicKey.length).put(ownerPublicKey)
                .put((byte) ownerAgreementKey.length).put(ownerAgreementKey)
                .put(HexFormat.of().parseHex(id)).put(secret).putLong(expiresAt.toEpochMilli());
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
    }

    /** Where the space is, as the inviting app described it. */
    public String location() {
        return location;
    }

    public byte[] ownerPublicKey() {
        return ownerPublicKey.clone();
    }

    /** The owner's X25519 key, to which requests are sealed so that only the owner reads them. */
    public byte[] ownerAgreementKey() {
        return ownerAgreementKey.clone();
    }

    /** When the invite stops letting anyone ask (to the millisecond). */
    public Instant expiresAt() {
        return expiresAt;
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
     * space's remote as the invite locates it, without encryption), sealed to the owner so the
     * storage shows neither the name nor the keys. Returns the request, whose fingerprint the
     * joiner reads out to the owner. Asking again is harmless. An expired invite is an
     * {@link IllegalArgumentException}, before anything is written.
     */
    public JoinRequest requestToJoin(SyncStorage storage, SpaceKeys me) {
        if (!java.util.Arrays.equals(me.ownerPublicKey(), ownerPublicKey)) {
            throw new IllegalArgumentException("me: keys made for another space's owner");
        }
        if (!Instant.now().isBefore(expiresAt)) {
            throw new IllegalArgumentException("invite: expired on " + expiresAt.truncatedTo(ChronoUnit.MINUTES)
                    + "; ask for a new invite");
        }
        byte[] key = me.memberPublicKey();
        storage.createIfAbsent(JoinObjects.requestKey(id, key), JoinObjects.encodeRequest(id, secret, ownerAgreementKey,
                me.memberName(), key, me.agreementPublicKey()));
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
