package dev.tandem.engine.internal.space;

import static dev.tandem.engine.testing.GoldenOut.hex;
import static dev.tandem.engine.testing.GoldenOut.obj;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.internal.changelog.ChangeData;
import dev.tandem.engine.internal.changelog.FieldData;
import dev.tandem.engine.internal.wire.Batch;
import dev.tandem.engine.internal.wire.BatchCodec;
import dev.tandem.engine.internal.store.PackedValues;
import dev.tandem.engine.testing.GoldenOut;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Golden vectors of a shared space's own objects for the JavaScript core: owner, member and device
 * keys from fixed seeds, a batch in its signed envelope, the membership log's first two entries
 * (format 2, chained) and a format 1 entry, and a device certificate. Ed25519 is deterministic, so
 * the JavaScript core must sign the same content to the same bytes.
 */
@Tag("unit")
class SpaceGoldenTest {
    static KeyPair pair(int seed) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("Ed25519");
        g.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
            private static final long serialVersionUID = 1L;

            @Override
            public void nextBytes(byte[] b) {
                for (int i = 0; i < b.length; i++) {
                    b[i] = (byte) (seed * 37 + i * 11);
                }
            }
        });
        return g.generateKeyPair();
    }

    static KeyPair xPair(int seed) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("X25519");
        g.initialize(NamedParameterSpec.X25519, new SecureRandom() {
            private static final long serialVersionUID = 1L;

            @Override
            public void nextBytes(byte[] b) {
                for (int i = 0; i < b.length; i++) {
                    b[i] = (byte) (seed * 53 + i * 7);
                }
            }
        });
        return g.generateKeyPair();
    }

    /**
     * A grant as the owner seals it for a joiner (the space's passphrase, sealed to the joiner's X25519
     * key under the grant's name, signed by the owner), and a join request sealed to the owner's X25519
     * key, each with a fixed ephemeral key and nonce so the JavaScript core seals them to the same bytes.
     */
    @Test
    void write_grantAndRequest() throws Exception {
        GoldenOut out = new GoldenOut("space");
        KeyPair owner = pair(1);
        KeyPair member = pair(2);
        KeyPair ownerAgreement = xPair(6);
        KeyPair joiner = xPair(7);
        KeyPair ephemeral = xPair(8);
        byte[] nonce = new byte[12];
        for (int i = 0; i < nonce.length; i++) {
            nonce[i] = (byte) (200 + i);
        }
        String passphrase = "space passphrase \u00e9 0123456789abcdef";
        byte[] secret = passphrase.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String grantKey = JoinObjects.grantKey("inv-1", member.getPublic().getEncoded());
        byte[] sealed = Sealed.seal(joiner.getPublic().getEncoded(), grantKey, secret, ephemeral, nonce);
        byte[] signature = SpaceCrypto.sign(owner.getPrivate(), "grant", grantKey.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                sealed);
        byte[] grant = new byte[signature.length + sealed.length];
        System.arraycopy(signature, 0, grant, 0, signature.length);
        System.arraycopy(sealed, 0, grant, signature.length, sealed.length);
        assertArrayEquals(secret, JoinObjects.openGrant(owner.getPublic().getEncoded(), joiner.getPrivate().getEncoded(),
                grantKey, grant));
        out.write("grant", grant, obj("key", grantKey, "passphrase", passphrase, "sealed", hex(sealed)));

        byte[] inviteSecret = new byte[32];
        for (int i = 0; i < inviteSecret.length; i++) {
            inviteSecret[i] = (byte) (i * 5 + 1);
        }
        String requestKey = JoinObjects.requestKey("inv-1", member.getPublic().getEncoded());
        byte[] mac = Sealed.mac(inviteSecret, "join-request", "inv-1".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "Sam".getBytes(java.nio.charset.StandardCharsets.UTF_8), member.getPublic().getEncoded(),
                joiner.getPublic().getEncoded());
        byte[] plain = PackedValues.encode(p -> {
            p.packArrayHeader(5);
            p.packInt(2);
            p.packString("Sam");
            p.packBinaryHeader(member.getPublic().getEncoded().length);
            p.writePayload(member.getPublic().getEncoded());
            p.packBinaryHeader(joiner.getPublic().getEncoded().length);
            p.writePayload(joiner.getPublic().getEncoded());
            p.packBinaryHeader(mac.length);
            p.writePayload(mac);
        });
        byte[] request = Sealed.seal(ownerAgreement.getPublic().getEncoded(), requestKey, plain, ephemeral, nonce);
        JoinObjects.Request r = JoinObjects.decodeRequest("inv-1", inviteSecret, ownerAgreement.getPrivate().getEncoded(),
                requestKey, request);
        assertEquals("Sam", r.name());
        out.write("request", request, obj("key", requestKey, "inviteId", "inv-1", "inviteSecret", hex(inviteSecret),
                "name", "Sam", "mac", hex(mac)));
        out.json("agreement-keys", obj("ownerAgreement", keys(ownerAgreement), "joiner", keys(joiner),
                "ephemeral", keys(ephemeral), "nonce", hex(nonce)));
    }

    static Object keys(KeyPair p) {
        return obj("private", hex(p.getPrivate().getEncoded()), "public", hex(p.getPublic().getEncoded()));
    }

    @Test
    void write_signedObjectsEntriesAndCertificate() throws Exception {
        GoldenOut out = new GoldenOut("space");
        KeyPair owner = pair(1);
        KeyPair member = pair(2);
        KeyPair device = pair(3);
        UUID dev = UUID.fromString("0190a1b2-c3d4-7e5f-8a6b-7c8d9e0f1a2b");
        UUID dev2 = UUID.fromString("f190a1b2-c3d4-4e5f-8a6b-7c8d9e0f1a2c");
        String batchKey = "batches/" + dev + "/000000000001";
        byte[] body = BatchCodec.encode(new Batch(dev, 1, List.of(new ChangeData(
                new UUID(0x0193_433e_a800_7000L, 0x9234_5678_9abc_def0L), "items", "shared-1",
                List.of(new FieldData("title", "Shared milk", null))))), 1_732_000_000_000L);
        byte[] signed = SignedObject.wrap(batchKey, body, dev, device.getPrivate());
        SignedObject read = SignedObject.read(batchKey, signed);
        assertTrue(SpaceCrypto.verify(device.getPublic(), read.signature(), SignedObject.PURPOSE,
                batchKey.getBytes(java.nio.charset.StandardCharsets.UTF_8), read.body()));
        out.write("signed-batch", signed, obj("key", batchKey, "signer", dev, "body", hex(body)));

        Map<UUID, Long> accepted = new LinkedHashMap<>();
        accepted.put(dev, 5L);
        accepted.put(dev2, 7L);
        byte[] agreement = new byte[44];
        for (int i = 0; i < agreement.length; i++) {
            agreement[i] = (byte) (i * 3);
        }
        MemberEntry first = MemberEntry.chained(MemberEntry.ADD, "Sam", member.getPublic().getEncoded(), accepted, agreement,
                MemberEntry.FIRST, List.of("lists", "list-1"));
        byte[] e1 = first.encode(1, owner.getPrivate());
        MemberEntry second = MemberEntry.chained(MemberEntry.REMOVE, "Sam \u00e9", null, Map.of(dev, 9L), null,
                MemberEntry.hash(e1), null);
        byte[] e2 = second.encode(2, owner.getPrivate());
        MemberEntry old = new MemberEntry(MemberEntry.ADD, "Old", member.getPublic().getEncoded(), Map.of(), null, null, null);
        byte[] e3 = old.encode(3, owner.getPrivate());
        assertEquals("Sam", MemberEntry.decode(1, e1, owner.getPublic()).name());
        assertArrayEquals(MemberEntry.hash(e1), MemberEntry.decode(2, e2, owner.getPublic()).previous());
        out.write("entry-1", e1, obj("seq", 1L, "kind", "add", "name", "Sam", "memberKey", hex(member.getPublic().getEncoded()),
                "acceptedUpTo", List.of(obj("device", dev, "seq", 5L), obj("device", dev2, "seq", 7L)),
                "agreementKey", hex(agreement), "previous", hex(MemberEntry.FIRST), "space", List.of("lists", "list-1")));
        out.write("entry-2", e2, obj("seq", 2L, "kind", "remove", "name", "Sam \u00e9", "memberKey", null,
                "acceptedUpTo", List.of(obj("device", dev, "seq", 9L)), "agreementKey", null,
                "previous", hex(MemberEntry.hash(e1)), "space", null));
        out.write("entry-3-format-1", e3, obj("seq", 3L, "kind", "add", "name", "Old",
                "memberKey", hex(member.getPublic().getEncoded()), "acceptedUpTo", List.of(), "agreementKey", null,
                "previous", null, "space", null));

        DeviceCert cert = new DeviceCert(dev, device.getPublic().getEncoded(), "Sam");
        byte[] c = cert.encode(member.getPrivate());
        String certKey = DeviceCert.key(dev, device.getPublic().getEncoded());
        assertTrue(DeviceCert.decode(certKey, c).signedBy(member.getPublic()));
        out.write("cert", c, obj("key", certKey, "device", dev, "deviceKey", hex(device.getPublic().getEncoded()),
                "member", "Sam"));
        out.json("keys", obj("owner", keys(owner), "member", keys(member), "device", keys(device),
                "ownerFingerprint", SpaceCrypto.fingerprint(owner.getPublic().getEncoded())));
    }
}
