package dev.tandem.engine.internal.space;

import static dev.tandem.engine.internal.space.MemberEntry.bounded;
import static dev.tandem.engine.internal.space.MemberEntry.corrupt;

import dev.tandem.engine.internal.store.PackedValues;
import dev.tandem.engine.sync.SyncException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Arrays;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;

/**
 * An open invite as the owner's devices keep it, under {@code pending-invites/<id>} (encrypted with
 * the space's key like every object of the space): the invite's secret, to check the requests made
 * with it, and when it expires. Every member holds the space's key and could write such an object,
 * so it is signed by the owner's Ed25519 key over its object name and body, and one that does not
 * verify lets nobody ask.
 *
 * <pre>owner's signature (64, purpose "pending-invite", over the key and the body) | body
 * body: [ 2, secret bin 32, expires at (epoch millis) int ]</pre>
 * The first format, the bare secret, is not signed and so no longer read.
 */
public final class PendingInvite {
    public static final String PREFIX = "pending-invites/";
    private static final String PURPOSE = "pending-invite";
    private static final int FORMAT = 2;

    /** An invite's secret and expiry, as the owner wrote them. */
    public record Open(String id, byte[] secret, long expiresAtMillis) {
    }

    private PendingInvite() {
    }

    public static String key(String inviteId) {
        return PREFIX + inviteId;
    }

    /** The invite {@code inviteId}'s object, signed with the owner's key. */
    public static byte[] encode(PrivateKey owner, String inviteId, byte[] secret, long expiresAtMillis) {
        byte[] body = PackedValues.encode(p -> {
            p.packArrayHeader(3);
            p.packInt(FORMAT);
            p.packBinaryHeader(secret.length);
            p.writePayload(secret);
            p.packLong(expiresAtMillis);
        });
        byte[] signature = SpaceCrypto.sign(owner, PURPOSE, key(inviteId).getBytes(StandardCharsets.UTF_8), body);
        byte[] object = Arrays.copyOf(signature, signature.length + body.length);
        System.arraycopy(body, 0, object, signature.length, body.length);
        return object;
    }

    /**
     * Reads the object under {@code key}; a CORRUPT {@link SyncException} when the owner did not sign
     * it for that name, or it is malformed.
     */
    public static Open decode(PublicKey owner, String key, byte[] object) {
        int n = SpaceCrypto.SIGNATURE_BYTES;
        String id = key.startsWith(PREFIX) ? key.substring(PREFIX.length()) : "";
        if (!id.matches("[0-9a-f]{16}")) {
            throw corrupt(key, "not named for an invite");
        }
        byte[] body = object.length <= n ? new byte[0] : Arrays.copyOfRange(object, n, object.length);
        if (body.length == 0 || !SpaceCrypto.verify(owner, Arrays.copyOf(object, n), PURPOSE,
                key.getBytes(StandardCharsets.UTF_8), body)) {
            throw corrupt(key, "an invite the space's owner did not make");
        }
        try (MessageUnpacker u = MessagePack.newDefaultUnpacker(body)) {
            if (u.unpackArrayHeader() != 3 || u.unpackInt() != FORMAT) {
                throw corrupt(key, "not an invite");
            }
            byte[] secret = u.readPayload(bounded(u.unpackBinaryHeader(), 32, key));
            long expires = u.unpackLong();
            if (secret.length != 32) {
                throw corrupt(key, "an invite with a damaged secret");
            }
            return new Open(id, secret, expires);
        } catch (IOException | RuntimeException e) {
            if (e instanceof SyncException s) {
                throw s;
            }
            throw corrupt(key, "unreadable (" + e.getMessage() + ")");
        }
    }
}
