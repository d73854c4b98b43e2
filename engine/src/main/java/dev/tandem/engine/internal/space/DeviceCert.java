package dev.tandem.engine.internal.space;

import static dev.tandem.engine.internal.space.MemberEntry.bounded;
import static dev.tandem.engine.internal.space.MemberEntry.corrupt;

import dev.tandem.engine.internal.store.PackedValues;
import dev.tandem.engine.sync.SyncException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.UUID;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;

/**
 * A member vouching for one of its devices, {@code certs/<device>/<key id>}: "device D signs with
 * this key, and is mine". Signed by the member's key, which the owner admitted in the membership
 * log; so a batch signed by the device traces back to the owner in two steps, and a member adds a
 * phone or a laptop without asking the owner.
 *
 * <pre>[ payload bin, signature bin 64 ]   payload: [ 1, device bin16, device key bin, member name str ]</pre>
 */
public record DeviceCert(UUID device, byte[] deviceKey, String member) {
    static final String PURPOSE = "device-cert";

    /** Where the certificate of {@code device} with {@code deviceKey} is stored. */
    public static String key(UUID device, byte[] deviceKey) {
        return "certs/" + device + "/" + SpaceCrypto.fingerprint(deviceKey).replace(" ", "").substring(0, 16);
    }

    public byte[] encode(PrivateKey memberKey) {
        byte[] payload = PackedValues.encode(p -> {
            p.packArrayHeader(4);
            p.packInt(1);
            p.packBinaryHeader(16);
            p.writePayload(MemberEntry.uuid(device));
            p.packBinaryHeader(deviceKey.length);
            p.writePayload(deviceKey);
            p.packString(member);
        });
        byte[] sig = SpaceCrypto.sign(memberKey, PURPOSE, key(device, deviceKey).getBytes(StandardCharsets.UTF_8), payload);
        return MemberEntry.pack(payload, sig);
    }

    /** A certificate read from {@code key}, not yet checked against any member's key. */
    public record Unchecked(DeviceCert cert, byte[] payload, byte[] signature, String key) {
        /** Whether {@code memberKey} signed it. */
        public boolean signedBy(java.security.PublicKey memberKey) {
            return SpaceCrypto.verify(memberKey, signature, PURPOSE, key.getBytes(StandardCharsets.UTF_8), payload);
        }
    }

    /** Parses a certificate; a CORRUPT {@code SyncException} when malformed or stored under the wrong key. */
    public static Unchecked decode(String key, byte[] object) {
        try (MessageUnpacker u = MessagePack.newDefaultUnpacker(object)) {
            if (u.unpackArrayHeader() != 2) {
                throw corrupt(key, "not a device certificate");
            }
            byte[] payload = u.readPayload(bounded(u.unpackBinaryHeader(), 4096, key));
            byte[] sig = u.readPayload(bounded(u.unpackBinaryHeader(), SpaceCrypto.SIGNATURE_BYTES, key));
            try (MessageUnpacker p = MessagePack.newDefaultUnpacker(payload)) {
                if (p.unpackArrayHeader() != 4 || p.unpackInt() != 1) {
                    throw corrupt(key, "a certificate of an unknown format");
                }
                byte[] d = p.readPayload(bounded(p.unpackBinaryHeader(), 16, key));
                byte[] deviceKey = p.readPayload(bounded(p.unpackBinaryHeader(), 1024, key));
                String member = p.unpackString();
                if (d.length != 16) {
                    throw corrupt(key, "a certificate with a bad device id");
                }
                DeviceCert cert = new DeviceCert(MemberEntry.uuid(d), deviceKey, member);
                if (!key(cert.device(), deviceKey).equals(key)) {
                    throw corrupt(key, "a certificate stored under another device's name");
                }
                return new Unchecked(cert, payload, sig, key);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof SyncException s) {
                throw s;
            }
            throw corrupt(key, "unreadable (" + e.getMessage() + ")");
        }
    }
}
