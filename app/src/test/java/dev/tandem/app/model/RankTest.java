package dev.tandem.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class RankTest {
    @Test
    void between_randomInsertions_keepsEveryKeyBetweenItsNeighbours() {
        Random random = new Random(57);
        List<String> keys = new ArrayList<>();
        for (int n = 0; n < 5_000; n++) {
            int at = random.nextInt(keys.size() + 1);
            String before = at == 0 ? null : keys.get(at - 1);
            String after = at == keys.size() ? null : keys.get(at);
            String k = Rank.between(before, after);
            assertTrue(Rank.isValid(k), k);
            if (before != null) {
                assertTrue(before.compareTo(k) < 0, before + " < " + k);
            }
            if (after != null) {
                assertTrue(k.compareTo(after) < 0, k + " < " + after);
            }
            keys.add(at, k);
        }
        List<String> sorted = new ArrayList<>(keys);
        sorted.sort(null);
        assertEquals(sorted, keys);
    }

    @Test
    void between_appendingTenThousand_keepsKeysShort() {
        String k = null;
        for (int i = 0; i < 10_000; i++) {
            String next = Rank.between(k, null);
            assertTrue(k == null || k.compareTo(next) < 0);
            k = next;
        }
        assertTrue(k.length() <= 4, k);
    }

    @Test
    void between_prependingTenThousand_keepsKeysShort() {
        String k = null;
        for (int i = 0; i < 10_000; i++) {
            String next = Rank.between(null, k);
            assertTrue(k == null || next.compareTo(k) < 0);
            k = next;
        }
        assertTrue(k.length() <= 4, k);
    }

    @Test
    void between_sameGapTwice_givesTheSameKey() {
        assertEquals(Rank.between("a0", "a1"), Rank.between("a0", "a1"));
    }

    @Test
    void between_equalOrReversedKeys_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> Rank.between("a1", "a1"));
        assertThrows(IllegalArgumentException.class, () -> Rank.between("a2", "a1"));
        assertThrows(IllegalArgumentException.class, () -> Rank.between("x'; DROP", null));
    }

    @Test
    void isValid_damagedKeys_areNot() {
        assertFalse(Rank.isValid(""));
        assertFalse(Rank.isValid("a"));
        assertFalse(Rank.isValid("a00"));
        assertFalse(Rank.isValid("!0"));
        assertFalse(Rank.isValid("a0 "));
        assertTrue(Rank.isValid("a0"));
        assertTrue(Rank.isValid("a0V"));
    }

    @Test
    void after_manyKeys_areInOrder() {
        List<String> keys = Rank.after(null, 100);
        List<String> sorted = new ArrayList<>(keys);
        sorted.sort(null);
        assertEquals(sorted, keys);
        assertEquals(Rank.FIRST, keys.get(0));
    }
}
