package dev.tandem.engine.internal.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The first layout's descriptor, pinned: remotes written by it are upgraded in place, so it must read forever. */
@Tag("unit")
class LegacyDescriptorTest {
    /** Written by Tandem's first encrypted format and checked independently with Python's cryptography. */
    private static final String DESCRIPTOR_V1 = "5444454b0101000927c01056e77cc5ff425189f4f3fa8f548e8da79a2fa25484"
            + "26249fd9c12a6fde337b4f4be09510e69828e44c65cc13e2a338e4";
    private static final String OBJECT_KEY_V1 = "ce70eaae3242dc41b199ba98e6f83087078dac7efd02609d2d94d3040b3ecb91";

    @Test
    void goldenDescriptor_parsesToDocumentedFields() {
        LegacyDescriptor d = LegacyDescriptor.parse(HexFormat.of().parseHex(DESCRIPTOR_V1), "test");
        assertEquals(600_000, d.iterations());
        assertEquals("56e77cc5ff425189f4f3fa8f548e8da7", HexFormat.of().formatHex(d.salt()));
        assertArrayEquals(HexFormat.of().parseHex(DESCRIPTOR_V1), d.toBytes());
        LegacyDescriptor.Keys keys = LegacyDescriptor.derive("correct horse battery staple".toCharArray(),
                d.salt(), d.iterations());
        assertEquals(OBJECT_KEY_V1, HexFormat.of().formatHex(keys.objectKey()));
    }

    @Test
    void derive_nonAsciiPassphrase_isPbkdf2OverUtf8ThenHkdfExpand() throws Exception {
        char[] passphrase = "pässwörd 🔑".toCharArray();
        byte[] salt = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        LegacyDescriptor.Keys keys = LegacyDescriptor.derive(passphrase, salt, 3);
        byte[] master = pbkdf2HmacSha256(new String(passphrase).getBytes(StandardCharsets.UTF_8), salt, 3);
        assertArrayEquals(hmac(master, "tandem object key v1\u0001"), keys.objectKey());
        assertArrayEquals(hmac(master, "tandem key check v1\u0001"), keys.keyCheck());
    }

    @Test
    void pbkdf2Reference_rfc7914Vector_matches() throws Exception {
        byte[] dk = pbkdf2HmacSha256("passwd".getBytes(StandardCharsets.US_ASCII),
                "salt".getBytes(StandardCharsets.US_ASCII), 1);
        assertEquals("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc", HexFormat.of().formatHex(dk));
    }

    /** RFC 8018 PBKDF2 with HMAC-SHA256, one 32-byte block: the reference the JDK is checked against. */
    private static byte[] pbkdf2HmacSha256(byte[] password, byte[] salt, int iterations) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(password, "HmacSHA256"));
        mac.update(salt);
        byte[] u = mac.doFinal(new byte[] {0, 0, 0, 1});
        byte[] t = u.clone();
        for (int i = 1; i < iterations; i++) {
            u = mac.doFinal(u);
            for (int j = 0; j < t.length; j++) {
                t[j] ^= u[j];
            }
        }
        return t;
    }

    private static byte[] hmac(byte[] key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data.getBytes(StandardCharsets.ISO_8859_1));
    }
}
