package dev.tandem.engine.internal.changelog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.StorageException;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class FieldCodecTest {
    private static final UUID PREV = UUID.fromString("01a2027c-47c2-7000-b7d4-3d4bb3802daa");

    @Test
    void decode_everyStorageClass_readsBackTheSameTypeAndValue() {
        byte[] blob = FieldCodec.encode(List.of(
                new FieldData("title", "Buy milk é \u0000 😀", PREV),
                new FieldData("count", Long.MIN_VALUE, null),
                new FieldData("small", 7, null), // JDBC hands small integers as Integer
                new FieldData("score", -0.25, null),
                new FieldData("nan", Double.NaN, null),
                new FieldData("data", new byte[] {0, 1, (byte) 0xff}, null),
                new FieldData("empty", new byte[0], null),
                new FieldData("nothing", null, PREV)));

        List<FieldData> back = FieldCodec.decode(blob);

        assertEquals(List.of("count", "data", "empty", "nan", "nothing", "score", "small", "title"),
                back.stream().map(FieldData::name).toList(), "sorted by name");
        assertEquals(Long.MIN_VALUE, back.get(0).value());
        assertArrayEquals(new byte[] {0, 1, (byte) 0xff}, (byte[]) back.get(1).value());
        assertArrayEquals(new byte[0], (byte[]) back.get(2).value());
        assertTrue(Double.isNaN((Double) back.get(3).value()));
        assertNull(back.get(4).value());
        assertEquals(PREV, back.get(4).replaces());
        assertEquals(-0.25, back.get(5).value());
        assertEquals(7L, back.get(6).value());
        assertEquals("Buy milk é \u0000 😀", back.get(7).value());
        assertEquals(PREV, back.get(7).replaces());
        assertNull(back.get(0).replaces());
    }

    @Test
    void find_fieldPresentOrAbsent_returnsItOrNull() {
        byte[] blob = FieldCodec.encode(new String[] {"title", "done"}, new Object[] {"x", 1L}, new UUID[] {null, PREV});

        assertEquals(new FieldData("done", 1L, PREV), FieldCodec.find(blob, "done"));
        assertEquals("x", FieldCodec.find(blob, "title").value());
        assertNull(FieldCodec.find(blob, "Title"), "names match exactly");
        assertNull(FieldCodec.find(blob, "missing"));
    }

    @Test
    void encode_valueOutsideTheStorageClasses_isRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> FieldCodec.encode(List.of(new FieldData("when", new Date(), null))));
    }

    @Test
    void decode_damagedBlob_throwsStorageExceptionNamingTheTable() {
        byte[] good = FieldCodec.encode(List.of(new FieldData("title", "Buy milk", PREV)));
        for (byte[] bad : List.of(new byte[0], new byte[] {(byte) 0xc1}, Arrays.copyOf(good, good.length - 3),
                new byte[] {(byte) 0x91, (byte) 0x93, (byte) 0xa1, 'x', (byte) 0xc0, (byte) 0xc4, 2, 1, 2})) {
            StorageException e = assertThrows(StorageException.class, () -> FieldCodec.decode(bad));
            assertTrue(e.getMessage().contains("_tandem_change"), e.getMessage());
        }
    }
}
