package dev.tandem.engine.internal.changelog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.StorageException;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class WinnerMapTest {
    private static final UUID A = UUID.fromString("01a2027c-47c2-7000-b7d4-3d4bb3802daa");
    private static final UUID B = UUID.fromString("01a2027c-48e1-7000-b3e4-7b3fe403159c");

    @Test
    void decode_encoded_readsBackEveryWinner() {
        WinnerMap m = WinnerMap.empty().copy();
        m.put("title", 3, A);
        m.put("Due_Date", 9, B);

        WinnerMap back = WinnerMap.decode(m.encode());

        assertEquals(List.of("due_date", "title"), List.copyOf(back.byField().keySet()));
        assertEquals(new WinnerMap.Entry("Due_Date", 9, B), back.get("DUE_DATE"));
        assertEquals(new WinnerMap.Entry("title", 3, A), back.get("title"));
    }

    @Test
    void put_fieldInAnotherCase_movesTheWinnerAndKeepsTheFirstSpelling() {
        WinnerMap m = WinnerMap.empty().copy();
        m.put("Title", 3, A);
        m.put("title", 7, B);

        assertEquals(1, m.byField().size());
        assertEquals(new WinnerMap.Entry("Title", 7, B), m.get("TITLE"));
    }

    @Test
    void encode_sameWinnersPutInAnyOrder_sameBytes() {
        WinnerMap one = WinnerMap.empty().copy();
        one.put("a", 1, A);
        one.put("b", 2, B);
        WinnerMap two = WinnerMap.empty().copy();
        two.put("b", 2, B);
        two.put("a", 1, A);

        assertArrayEquals(one.encode(), two.encode());
    }

    @Test
    void decode_null_isEmptyAndCopiesAreIndependent() {
        WinnerMap none = WinnerMap.decode(null);
        assertTrue(none.isEmpty());
        WinnerMap copy = none.copy();
        copy.put("title", 1, A);
        assertTrue(WinnerMap.empty().isEmpty(), "the shared empty map stays empty");
        assertNull(none.get("title"));
    }

    @Test
    void decode_damagedBlob_throwsStorageExceptionNamingTheTable() {
        byte[] good = WinnerMap.decode(null).copy().encode();
        for (byte[] bad : List.of(new byte[] {(byte) 0x91}, new byte[] {(byte) 0x91, (byte) 0x92, (byte) 0xa1, 'x', 1},
                new byte[] {(byte) 0x91, (byte) 0x93, (byte) 0xa1, 'x', 1, (byte) 0xc4, 2, 0, 0}, new byte[] {(byte) 0xc1})) {
            StorageException e = assertThrows(StorageException.class, () -> WinnerMap.decode(bad));
            assertTrue(e.getMessage().contains("_tandem_entity"), e.getMessage());
        }
        assertTrue(WinnerMap.decode(good).isEmpty());
    }
}
