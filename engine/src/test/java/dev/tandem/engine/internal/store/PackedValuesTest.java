package dev.tandem.engine.internal.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.msgpack.core.MessageBufferPacker;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageTypeException;
import org.msgpack.core.MessageUnpacker;

@Tag("unit")
class PackedValuesTest {
    @Test
    void unpackString_anyText_readsWhatMsgpackReads() throws IOException {
        for (String s : List.of("", "a", "Call the dentist", "naïve café", "日本語のメモ", "emoji 🧪 and more",
                "x".repeat(70_000))) {
            byte[] packed = PackedValues.encode(p -> p.packString(s));
            assertEquals(s, unpack(packed));
            assertEquals(msgpack(packed), unpack(packed));
        }
    }

    @Test
    void unpackString_malformedUtf8_replacesAsMsgpackDoes() throws IOException {
        byte[][] bodies = {{(byte) 0xC3}, {'a', (byte) 0xFF, 'b'}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}};
        for (byte[] body : bodies) {
            MessageBufferPacker p = MessagePack.newDefaultBufferPacker();
            p.packRawStringHeader(body.length);
            p.writePayload(body);
            byte[] packed = p.toByteArray();
            assertEquals(msgpack(packed), unpack(packed), Arrays.toString(body));
            assertEquals(true, unpack(packed).contains("\uFFFD"), Arrays.toString(body));
        }
    }

    @Test
    void unpackString_notAString_throws() throws IOException {
        byte[] packed = PackedValues.encode(p -> p.packLong(7));
        assertThrows(MessageTypeException.class, () -> unpack(packed));
    }

    @Test
    void unpack_eachStorageClass_readsBackTheSameClass() throws IOException {
        for (Object v : new Object[] {null, 42L, 2.5, "text", new byte[] {1, 2, 3}}) {
            byte[] packed = PackedValues.encode(p -> PackedValues.pack(p, v));
            try (MessageUnpacker u = MessagePack.newDefaultUnpacker(packed)) {
                Object back = PackedValues.unpack(u);
                if (v instanceof byte[] b) {
                    assertArrayEquals(b, (byte[]) back);
                } else {
                    assertEquals(v, back);
                }
            }
        }
    }

    private static String unpack(byte[] packed) throws IOException {
        try (MessageUnpacker u = MessagePack.newDefaultUnpacker(packed)) {
            return PackedValues.unpackString(u);
        }
    }

    private static String msgpack(byte[] packed) throws IOException {
        try (MessageUnpacker u = MessagePack.newDefaultUnpacker(packed)) {
            return u.unpackString();
        }
    }
}
