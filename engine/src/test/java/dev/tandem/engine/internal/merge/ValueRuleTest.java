package dev.tandem.engine.internal.merge;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tandem.engine.MergeRule;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ValueRuleTest {
    @Test
    void pick_numbers_byValueWhateverTheirType() {
        assertEquals(3L, ValueRule.pick(MergeRule.LEAST, 3L, 4L));
        assertEquals(4L, ValueRule.pick(MergeRule.GREATEST, 3L, 4L));
        assertEquals(2.5, ValueRule.pick(MergeRule.LEAST, 3L, 2.5));
        assertEquals(3L, ValueRule.pick(MergeRule.GREATEST, 3L, 2.5));
        // Beyond a double's exact range: 2^53 + 1 is greater than the double 2^53.
        assertEquals(9_007_199_254_740_993L, ValueRule.pick(MergeRule.GREATEST, 9_007_199_254_740_993L, 9.007199254740992E15));
    }

    @Test
    void pick_aValueAndNone_theValueUnderEitherRule() {
        assertEquals(5L, ValueRule.pick(MergeRule.LEAST, null, 5L));
        assertEquals(5L, ValueRule.pick(MergeRule.GREATEST, 5L, null));
        assertNull(ValueRule.pick(MergeRule.LEAST, null, null));
    }

    @Test
    void pick_mixedTypes_inSqlitesOrder() {
        assertEquals(9L, ValueRule.pick(MergeRule.LEAST, "1", 9L));
        assertEquals("1", ValueRule.pick(MergeRule.GREATEST, "1", 9L));
        assertArrayEquals(new byte[] {0}, (byte[]) ValueRule.pick(MergeRule.GREATEST, "zzz", new byte[] {0}));
        assertArrayEquals(new byte[] {(byte) 0x80}, (byte[]) ValueRule.pick(MergeRule.GREATEST, new byte[] {1},
                new byte[] {(byte) 0x80}));
    }

    @Test
    void pick_text_byCodePointAsSqliteDoes() {
        // U+FF5E sorts after U+1F600 in UTF-16 code units, before it in code points (and in SQLite's UTF-8).
        assertEquals("\uFF5E", ValueRule.pick(MergeRule.LEAST, "\uD83D\uDE00", "\uFF5E"));
        assertEquals("ab", ValueRule.pick(MergeRule.LEAST, "abc", "ab"));
    }

    @Test
    void pick_anyOrderOfThreeValues_sameValue() {
        List<Object> values = List.of(7L, "x", 2.0);
        for (MergeRule rule : MergeRule.values()) {
            Object expected = ValueRule.pick(rule, ValueRule.pick(rule, values.get(0), values.get(1)), values.get(2));
            assertEquals(expected, ValueRule.pick(rule, values.get(2), ValueRule.pick(rule, values.get(1), values.get(0))));
            assertEquals(expected, ValueRule.pick(rule, ValueRule.pick(rule, values.get(2), values.get(0)), values.get(1)));
        }
    }
}
