package dev.tandem.engine.internal.space;

import dev.tandem.engine.sync.SyncException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.Arrays;
import java.util.UUID;

/**
 * The envelope of an object a space member writes: {@code "TSG1"}, the signing device's id (16
 * bytes), its Ed25519 signature (64 bytes) over the object's key and body, then the body. Signing
 * the key too keeps a member from replaying one of its objects under another name.
 */
public record SignedObject(UUID signer, byte[] signature, byte[] body) {
    static final byte[] MAGIC = "TSG1".getBytes(StandardCharsets.US_ASCII);
    static final int HEADER = MAGIC.length + 16 + SpaceCrypto.SIGNATURE_BYTES;
    static final String PURPOSE = "object";

    /** Wraps {@code body}, to be stored under {@code key}, signed by {@code signer}'s {@code key}. */
    public static byte[] wrap(String objectKey, byte[] body, UUID signer, PrivateKey key) {
        byte[] sig = SpaceCrypto.sign(key, PURPOSE, objectKey.getBytes(StandardCharsets.UTF_8), body);
        return ByteBuffer.allocate(HEADER + body.length).put(MAGIC).putLong(signer.getMostSignificantBits())
                .putLong(signer.getLeastSignificantBits()).put(sig).put(body).array();
    }

    /** Reads the envelope of the object stored under {@code key}; a CORRUPT {@link SyncException} when it has none. */
    public static SignedObject read(String key, byte[] object) {
        if (object.length < HEADER || !Arrays.equals(object, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new SyncException(SyncException.Reason.CORRUPT, key + " is not signed by any member of this"
                    + " shared space: someone who is not a member, or the storage itself, wrote it");
        }
        ByteBuffer b = ByteBuffer.wrap(object, MAGIC.length, 16 + SpaceCrypto.SIGNATURE_BYTES);
        UUID signer = new UUID(b.getLong(), b.getLong());
        byte[] sig = new byte[SpaceCrypto.SIGNATURE_BYTES];
        b.get(sig);
        return new SignedObject(signer, sig, Arrays.copyOfRange(object, HEADER, object.length));
    }
}
