package dev.tandem.engine.internal.space;

import static dev.tandem.engine.internal.space.MemberEntry.bounded;
import static dev.tandem.engine.internal.space.MemberEntry.corrupt;

import dev.tandem.engine.internal.store.PackedValues;
import dev.tandem.engine.sync.SyncException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;

/**
 * The two objects of joining a space, under {@code invites/<invite id>/}: the joiner's request
 * ({@code request-<key id>}: name, member key, X25519 key, and an HMAC with the invite's secret, so
 * only someone holding the invite can ask), sealed to the owner's X25519 key so that only the owner
 * reads who asks; and the owner's grant ({@code grant-<key id>}: the space's passphrase sealed to the
 * joiner's X25519 key, so only the admitted joiner can open it). Neither is encrypted with the
 * space's key, which the joiner does not have yet; the encryption layer keeps {@code invites/} out
 * of its listings.
 *
 * <pre>request: {@link Sealed} seal, to the owner's agreement key, under the request's object name, of
 *          [ 2, name str, member key bin, agreement key bin, mac bin 32 ]   (at most 64 KiB in all)
 * grant:   owner's signature (64) over the grant's key and the seal | {@link Sealed} seal of the passphrase</pre>
 * After a member's removal the owner writes one grant per remaining member under
 * {@code invites/rekey-<millis>/grant-<key id>}: the new passphrase, sealed the same way.
 */
public final class JoinObjects {
    /** A request as read, its HMAC checked. */
    public record Request(String inviteId, String name, byte[] memberKey, byte[] agreementKey) {
    }

    /**
     * The most a request object may hold: a name of 200 characters and three keys take well under
     * 2 KiB, so anything larger is junk, skipped before it is opened.
     */
    public static final int MAX_REQUEST_BYTES = 64 * 1024;

    /** The request's format inside the seal; the first, unsealed format is no longer read. */
    private static final int REQUEST_FORMAT = 2;

    private JoinObjects() {
    }

    /** The id of a member key inside object names. */
    public static String keyId(byte[] memberKey) {
        return SpaceCrypto.fingerprint(memberKey).replace(" ", "").substring(0, 16);
    }

    public static String requestKey(String inviteId, byte[] memberKey) {
        return "invites/" + inviteId + "/request-" + keyId(memberKey);
    }

    public static String grantKey(String inviteId, byte[] memberKey) {
        return "invites/" + inviteId + "/grant-" + keyId(memberKey);
    }

    /**
     * A request to join with the invite {@code inviteId}, made with its {@code secret}, sealed to the
     * owner's {@code ownerAgreementKey} under the request's object name.
     */
    public static byte[] encodeRequest(String inviteId, byte[] secret, byte[] ownerAgreementKey, String name,
                                       byte[] memberKey, byte[] agreementKey) {
        byte[] mac = mac(secret, inviteId, name, memberKey, agreementKey);
        byte[] plain = PackedValues.encode(p -> {
            p.packArrayHeader(5);
            p.packInt(REQUEST_FORMAT);
            p.packString(name);
            p.packBinaryHeader(memberKey.length);
            p.writePayload(memberKey);
            p.packBinaryHeader(agreementKey.length);
            p.writePayload(agreementKey);
            p.packBinaryHeader(mac.length);
            p.writePayload(mac);
        });
        return Sealed.seal(ownerAgreementKey, requestKey(inviteId, memberKey), plain);
    }

    /**
     * Opens and reads a request with the owner's X25519 private key; a CORRUPT {@link SyncException}
     * when it is larger than {@link #MAX_REQUEST_BYTES}, not sealed to the owner under this name,
     * malformed, stored under another key's name, or not from an invite holder.
     */
    public static Request decodeRequest(String inviteId, byte[] secret, byte[] ownerAgreementPrivate, String key,
                                        byte[] object) {
        if (object.length > MAX_REQUEST_BYTES) {
            throw corrupt(key, "larger than a join request can be (" + object.length + " bytes)");
        }
        byte[] plain = Sealed.open(ownerAgreementPrivate, key, object);
        if (plain == null) {
            throw corrupt(key, "not a join request sealed to the space's owner");
        }
        try (MessageUnpacker u = MessagePack.newDefaultUnpacker(plain)) {
            if (u.unpackArrayHeader() != 5 || u.unpackInt() != REQUEST_FORMAT) {
                throw corrupt(key, "not a join request");
            }
            String name = u.unpackString();
            byte[] memberKey = u.readPayload(bounded(u.unpackBinaryHeader(), 1024, key));
            byte[] agreementKey = u.readPayload(bounded(u.unpackBinaryHeader(), 1024, key));
            byte[] mac = u.readPayload(bounded(u.unpackBinaryHeader(), 32, key));
            SpaceCrypto.publicKey(memberKey);
            Sealed.publicKey(agreementKey);
            if (name.isBlank() || name.length() > 200 || !requestKey(inviteId, memberKey).equals(key)
                    || !MessageDigest.isEqual(mac, mac(secret, inviteId, name, memberKey, agreementKey))) {
                throw corrupt(key, "a join request that does not come from anyone holding the invite");
            }
            return new Request(inviteId, name.strip(), memberKey, agreementKey);
        } catch (IOException | RuntimeException e) {
            if (e instanceof SyncException s) {
                throw s;
            }
            throw corrupt(key, "unreadable (" + e.getMessage() + ")");
        }
    }

    /** A grant: {@code secret} sealed to {@code agreementKey} under {@code grantKey}, signed by the owner. */
    public static byte[] sealGrant(java.security.PrivateKey owner, byte[] agreementKey, String grantKey, byte[] secret) {
        byte[] sealed = Sealed.seal(agreementKey, grantKey, secret);
        byte[] signature = SpaceCrypto.sign(owner, "grant", grantKey.getBytes(StandardCharsets.UTF_8), sealed);
        byte[] object = new byte[signature.length + sealed.length];
        System.arraycopy(signature, 0, object, 0, signature.length);
        System.arraycopy(sealed, 0, object, signature.length, sealed.length);
        return object;
    }

    /** Opens a grant; a CORRUPT {@link SyncException} when the owner did not sign it or it was not sealed for this key. */
    public static byte[] openGrant(byte[] ownerPublicKey, byte[] agreementPrivate, String grantKey, byte[] object) {
        int n = SpaceCrypto.SIGNATURE_BYTES;
        byte[] sealed = object.length <= n ? null : java.util.Arrays.copyOfRange(object, n, object.length);
        byte[] open = sealed == null || !SpaceCrypto.verify(SpaceCrypto.publicKey(ownerPublicKey),
                java.util.Arrays.copyOf(object, n), "grant", grantKey.getBytes(StandardCharsets.UTF_8), sealed) ? null
                : Sealed.open(agreementPrivate, grantKey, sealed);
        if (open == null) {
            throw new SyncException(SyncException.Reason.CORRUPT, grantKey + " cannot be opened with this member's"
                    + " key: the space's owner did not write it for this member");
        }
        return open;
    }

    private static byte[] mac(byte[] secret, String inviteId, String name, byte[] memberKey, byte[] agreementKey) {
        try {
            return Sealed.mac(secret, "join-request", inviteId.getBytes(StandardCharsets.UTF_8),
                    name.getBytes(StandardCharsets.UTF_8), memberKey, agreementKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
