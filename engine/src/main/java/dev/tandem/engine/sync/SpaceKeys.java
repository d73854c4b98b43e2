package dev.tandem.engine.sync;

import dev.tandem.engine.Db;
import dev.tandem.engine.internal.SyncPort;
import dev.tandem.engine.internal.space.JoinObjects;
import dev.tandem.engine.internal.space.Sealed;
import dev.tandem.engine.internal.space.SpaceCrypto;
import dev.tandem.engine.internal.sync.space.SpaceMemory;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * What a device needs to take part in a space shared between people ({@link SyncEngine.Builder#space}):
 * the owner's public key, which every member learns from its invite and never from the storage; this
 * member's name and key pair, with which it vouches for its own devices; and, on the owner's devices
 * only, the owner's private key, which signs the membership log. All keys are Ed25519.
 *
 * <p>{@link #encode()} gives a single line to keep with the profile's settings; it holds private
 * keys, so it belongs where the passphrase does. {@link #toString()} shows no secret.
 */
public final class SpaceKeys {
    private final byte[] ownerPublic;
    private final byte[] ownerPrivate;
    private final String member;
    private final byte[] memberPublic;
    private final byte[] memberPrivate;
    private final byte[] agreementPublic;
    private final byte[] agreementPrivate;

    private SpaceKeys(byte[] ownerPublic, byte[] ownerPrivate, String member, byte[] memberPublic, byte[] memberPrivate,
                      byte[] agreementPublic, byte[] agreementPrivate) {
        this.ownerPublic = ownerPublic.clone();
        this.ownerPrivate = ownerPrivate == null ? null : ownerPrivate.clone();
        this.member = member;
        this.memberPublic = memberPublic.clone();
        this.memberPrivate = memberPrivate.clone();
        this.agreementPublic = agreementPublic.clone();
        this.agreementPrivate = agreementPrivate.clone();
        Sealed.publicKey(this.agreementPublic);
        // Fail now, naming the part, rather than at the first sync.
        SpaceCrypto.publicKey(this.ownerPublic);
        SpaceCrypto.publicKey(this.memberPublic);
        SpaceCrypto.privateKey(this.memberPrivate);
        if (this.ownerPrivate != null) {
            SpaceCrypto.privateKey(this.ownerPrivate);
        }
    }

    /** A new space owned by the person called {@code ownerName}: new owner and member keys. */
    public static SpaceKeys newSpace(String ownerName) {
        KeyPair owner = SpaceCrypto.newKeyPair();
        KeyPair me = SpaceCrypto.newKeyPair();
        KeyPair agree = Sealed.newKeyPair();
        return new SpaceKeys(owner.getPublic().getEncoded(), owner.getPrivate().getEncoded(), name(ownerName),
                me.getPublic().getEncoded(), me.getPrivate().getEncoded(), agree.getPublic().getEncoded(),
                agree.getPrivate().getEncoded());
    }

    /**
     * A person joining the space of the owner whose public key the invite carries: a new member key
     * pair, whose public half the owner admits ({@link SpaceMembers#admit}).
     */
    public static SpaceKeys joining(byte[] ownerPublicKey, String memberName) {
        Objects.requireNonNull(ownerPublicKey, "ownerPublicKey");
        KeyPair me = SpaceCrypto.newKeyPair();
        KeyPair agree = Sealed.newKeyPair();
        return new SpaceKeys(ownerPublicKey, null, name(memberName), me.getPublic().getEncoded(),
                me.getPrivate().getEncoded(), agree.getPublic().getEncoded(), agree.getPrivate().getEncoded());
    }

    /** Reads what {@link #encode()} wrote; an {@link IllegalArgumentException} names what is wrong. */
    public static SpaceKeys decode(String line) {
        String[] p = Objects.requireNonNull(line, "line").strip().split(" ", -1);
        if (p.length != 8 || !"space1".equals(p[0])) {
            throw new IllegalArgumentException("space keys: not a line SpaceKeys.encode() wrote");
        }
        Base64.Decoder b = Base64.getDecoder();
        try {
            return new SpaceKeys(b.decode(p[1]), p[2].isEmpty() ? null : b.decode(p[2]),
                    new String(b.decode(p[3]), java.nio.charset.StandardCharsets.UTF_8), b.decode(p[4]), b.decode(p[5]),
                    b.decode(p[6]), b.decode(p[7]));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("space keys: damaged (" + e.getMessage() + ")", e);
        }
    }

    /** One line holding every key, private ones included. */
    public String encode() {
        Base64.Encoder b = Base64.getEncoder();
        return String.join(" ", "space1", b.encodeToString(ownerPublic), ownerPrivate == null ? "" : b.encodeToString(ownerPrivate),
                b.encodeToString(member.getBytes(java.nio.charset.StandardCharsets.UTF_8)), b.encodeToString(memberPublic),
                b.encodeToString(memberPrivate), b.encodeToString(agreementPublic), b.encodeToString(agreementPrivate));
    }

    public byte[] ownerPublicKey() {
        return ownerPublic.clone();
    }

    /** Whether these keys may change the membership (the owner's devices). */
    public boolean isOwner() {
        return ownerPrivate != null;
    }

    public String memberName() {
        return member;
    }

    public byte[] memberPublicKey() {
        return memberPublic.clone();
    }

    /** The member key's fingerprint, for the owner to compare before admitting. */
    public String fingerprint() {
        return SpaceCrypto.fingerprint(memberPublic);
    }

    /** The X25519 key the owner seals the space's secret to when admitting this member. */
    public byte[] agreementPublicKey() {
        return agreementPublic.clone();
    }

    byte[] agreementPrivateKey() {
        return agreementPrivate.clone();
    }

    /**
     * The space's newest passphrase sealed to this member after the owner removed someone and
     * rotated the key, read from {@code storage} (the space's remote without encryption); empty
     * when there is none for this member (they were removed). A device whose sync says the
     * passphrase is wrong asks this first.
     *
     * <p>Only forward: {@code db} remembers the newest re-key epoch its device took (or, on the
     * owner's, made). A newest grant older than that means the storage was put back to an older
     * copy (a removed member may hold one, and the older key with it): a CORRUPT
     * {@link SyncException} says so and the device keeps the key it has.
     */
    public Optional<String> rekeyedPassphrase(Db db, SyncStorage storage) {
        SpaceMemory memory = SpaceMemory.of(
                SyncPort.of(db), ownerPublic);
        long known = memory.epoch();
        String suffix = "/grant-" + JoinObjects.keyId(memberPublic);
        String newest = null;
        long newestEpoch = -1;
        long newestAny = -1;
        for (String key : storage.list(REKEY, null, 10_000)) {
            int slash = key.indexOf('/', REKEY.length());
            String digits = slash < 0 ? "" : key.substring(REKEY.length(), slash);
            if (!digits.matches("[0-9]{13}")) {
                continue; // not a grant's name: junk, which names no epoch
            }
            long epoch = Long.parseLong(digits);
            newestAny = Math.max(newestAny, epoch);
            if (key.endsWith(suffix) && epoch > newestEpoch) {
                newest = key;
                newestEpoch = epoch;
            }
        }
        if (known > 0 && newestAny < known) {
            throw new SyncException(SyncException.Reason.CORRUPT, "The shared list's storage holds no key as new as"
                    + " the one this device already uses (epoch " + known + "): it was put back to an older copy,"
                    + " perhaps by someone who was removed. This device keeps its key and takes none of the older"
                    + " ones; the list's owner can change the key again to mend it");
        }
        if (newest == null || newestEpoch < known) {
            return Optional.empty(); // none for this member at the newest epoch: they were removed
        }
        String grant = newest;
        Optional<String> pass = storage.get(grant).map(object -> new String(JoinObjects.openGrant(ownerPublic,
                agreementPrivate, grant, object), java.nio.charset.StandardCharsets.UTF_8));
        if (pass.isPresent()) {
            memory.epoch(newestEpoch);
        }
        return pass;
    }

    private static final String REKEY = "invites/rekey-";

    /** Internal: the private keys, for the engine. */
    byte[] ownerPrivateKey() {
        return ownerPrivate == null ? null : ownerPrivate.clone();
    }

    byte[] memberPrivateKey() {
        return memberPrivate.clone();
    }

    private static String name(String name) {
        Objects.requireNonNull(name, "name");
        String n = name.strip();
        if (n.isEmpty() || n.length() > 200) {
            throw new IllegalArgumentException("name: 1 to 200 characters, was '" + name + "'");
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SpaceKeys k && Arrays.equals(ownerPublic, k.ownerPublic) && member.equals(k.member)
                && Arrays.equals(memberPublic, k.memberPublic) && (ownerPrivate == null) == (k.ownerPrivate == null);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(ownerPublic), member, Arrays.hashCode(memberPublic));
    }

    @Override
    public String toString() {
        return "SpaceKeys[member " + member + " " + fingerprint() + (isOwner() ? ", owner" : "") + "]";
    }
}
