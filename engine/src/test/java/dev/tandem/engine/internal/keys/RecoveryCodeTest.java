package dev.tandem.engine.internal.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class RecoveryCodeTest {
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final Pattern PRINTED = Pattern.compile("^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){6}$");
    private static final byte[] COUNTING = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15};
    /** Worked out outside the engine (Python) from the format's description, and re-derived below. */
    private static final String COUNTING_PRINTED = "0004-1061-050R-3GG2-8A1C-60T3-GFQS";

    @Test
    void parse_generatedCodes_roundTrip() {
        for (int i = 0; i < 1_000; i++) {
            RecoveryCode code = RecoveryCode.generate();
            String printed = code.toString();
            assertTrue(PRINTED.matcher(printed).matches(), printed);
            RecoveryCode back = RecoveryCode.parse(printed);
            assertEquals(code, back);
            assertEquals(code.hashCode(), back.hashCode());
            assertArrayEquals(code.secret(), back.secret());
        }
    }

    @Test
    void generate_twice_givesDifferentKeys() {
        assertNotEquals(RecoveryCode.generate(), RecoveryCode.generate());
    }

    @Test
    void toString_countingSecret_matchesIndependentEncoding() {
        assertEquals(COUNTING_PRINTED, referenceEncoding(COUNTING));
        assertEquals(COUNTING_PRINTED, RecoveryCode.of(COUNTING).toString());
        assertArrayEquals(COUNTING, RecoveryCode.parse(COUNTING_PRINTED).secret());
    }

    @Test
    void toString_randomSecrets_matchIndependentEncoding() {
        for (int i = 0; i < 100; i++) {
            RecoveryCode code = RecoveryCode.generate();
            assertEquals(referenceEncoding(code.secret()), code.toString());
        }
    }

    @Test
    void parse_lowercaseWithSpaces_givesTheSameKey() {
        RecoveryCode code = RecoveryCode.of(COUNTING);
        String lower = COUNTING_PRINTED.toLowerCase();
        assertEquals(code, RecoveryCode.parse(lower));
        assertEquals(code, RecoveryCode.parse(COUNTING_PRINTED.replace('-', ' ')));
        assertEquals(code, RecoveryCode.parse(COUNTING_PRINTED.replace("-", "")));
        assertEquals(code, RecoveryCode.parse("  " + lower.replace("-", "\n") + "\r\n"));
        assertEquals(code, RecoveryCode.parse("00 04 10\t61-05-0r 3gg2\n8a1c 60t3 gfqs"));
    }

    @Test
    void parse_confusableLetters_readAsDigits() {
        RecoveryCode code = RecoveryCode.of(COUNTING);
        // 0004-1061-... with every 0 typed as O/o and every 1 as I/i/L/l.
        assertEquals(code, RecoveryCode.parse("OoO4-I06l-o5OR-3GG2-8AiC-6OT3-GFQS"));
        assertEquals(code, RecoveryCode.parse("0004-L06i-050R-3GG2-8AlC-60T3-GFQS"));
    }

    @Test
    void parse_singleSubstitution_isRejected() {
        String key = COUNTING_PRINTED.replace("-", "");
        int tried = 0;
        int rejected = 0;
        for (int position = 0; position < key.length(); position++) {
            for (char alternative : ALPHABET.toCharArray()) {
                if (alternative == key.charAt(position)) {
                    continue;
                }
                tried++;
                String typo = key.substring(0, position) + alternative + key.substring(position + 1);
                if (rejects(typo)) {
                    rejected++;
                } else {
                    // A typo that slips past the check must at least not read as the same key.
                    assertNotEquals(RecoveryCode.of(COUNTING), RecoveryCode.parse(typo));
                }
            }
        }
        assertEquals(28 * 31, tried);
        assertTrue(rejected >= tried * 0.99, rejected + " of " + tried + " rejected");
    }

    @Test
    void parse_checkCharacterSubstitution_isAlwaysRejected() {
        String key = COUNTING_PRINTED.replace("-", "");
        for (int position = 26; position < 28; position++) {
            for (char alternative : ALPHABET.toCharArray()) {
                if (alternative != key.charAt(position)) {
                    String typo = key.substring(0, position) + alternative + key.substring(position + 1);
                    assertTrue(rejects(typo), typo);
                }
            }
        }
    }

    @Test
    void parse_adjacentTransposition_isRejected() {
        String key = COUNTING_PRINTED.replace("-", "");
        int tried = 0;
        int rejected = 0;
        for (int i = 0; i + 1 < key.length(); i++) {
            if (key.charAt(i) == key.charAt(i + 1)) {
                continue;
            }
            tried++;
            String swapped = key.substring(0, i) + key.charAt(i + 1) + key.charAt(i) + key.substring(i + 2);
            if (rejects(swapped)) {
                rejected++;
            }
        }
        assertTrue(tried >= 20, tried + " swaps tried");
        // A swap in the data slips past the 10-bit check 1 time in 1024; for this key none does.
        assertEquals(tried, rejected, rejected + " of " + tried + " swaps rejected");
    }

    @Test
    void parse_wrongLength_namesTheCount() {
        String key = COUNTING_PRINTED.replace("-", "");
        assertMessage("recoveryKey: 27 characters, a recovery key has 28 (7 groups of 4)", key.substring(1));
        assertMessage("recoveryKey: 29 characters, a recovery key has 28 (7 groups of 4)", key + "0");
    }

    @Test
    void parse_nullOrEmpty_saysEmpty() {
        assertMessage("recoveryKey: empty", null);
        assertMessage("recoveryKey: empty", "");
        assertMessage("recoveryKey: empty", " - \n\t");
    }

    @Test
    void parse_invalidCharacter_namesItAndItsPosition() {
        assertMessage("recoveryKey: 'U' at position 9 is not a recovery-key character",
                "0004-1061-U50R-3GG2-8A1C-60T3-GFQS");
        assertMessage("recoveryKey: 'u' at position 9 is not a recovery-key character",
                "0004-1061-u50R-3GG2-8A1C-60T3-GFQS");
        assertMessage("recoveryKey: '!' at position 28 is not a recovery-key character",
                "0004-1061-050R-3GG2-8A1C-60T3-GFQ!");
        // Upper-casing a dotless i gives I, which must not sneak in as a 1.
        assertMessage("recoveryKey: '\u0131' at position 5 is not a recovery-key character",
                "0004-\u0131061-050R-3GG2-8A1C-60T3-GFQS");
    }

    @Test
    void parse_firstCharacterAboveSeven_isNotAKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RecoveryCode.parse("8004-1061-050R-3GG2-8A1C-60T3-GFQS"));
        assertTrue(e.getMessage().startsWith("recoveryKey: '8' at position 1 is not a valid recovery key"),
                e.getMessage());
    }

    @Test
    void parse_checkMismatch_saysAMistype() {
        assertMessage("recoveryKey: the check characters do not match; a character is mistyped",
                "0004-1061-050R-3GG2-8A1C-60T3-GFQT");
    }

    @Test
    void of_wrongLength_isRejected() {
        IllegalArgumentException e15 = assertThrows(IllegalArgumentException.class, () -> RecoveryCode.of(new byte[15]));
        assertTrue(e15.getMessage().startsWith("recoveryKey: "), e15.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RecoveryCode.of(new byte[17]));
        assertThrows(IllegalArgumentException.class, () -> RecoveryCode.of(null));
    }

    @Test
    void of_callerChangesArray_keyIsUnchanged() {
        byte[] secret = COUNTING.clone();
        RecoveryCode code = RecoveryCode.of(secret);
        secret[0] = 99;
        assertArrayEquals(COUNTING, code.secret());
    }

    @Test
    void secret_changedByCaller_returnsACopy() {
        RecoveryCode code = RecoveryCode.of(COUNTING);
        byte[] first = code.secret();
        first[3] = 42;
        assertNotSame(first, code.secret());
        assertArrayEquals(COUNTING, code.secret());
    }

    @Test
    void equals_differentSecrets_areNotEqual() {
        byte[] other = COUNTING.clone();
        other[15] ^= 1;
        assertEquals(RecoveryCode.of(COUNTING), RecoveryCode.of(COUNTING.clone()));
        assertNotEquals(RecoveryCode.of(COUNTING), RecoveryCode.of(other));
        assertNotEquals(RecoveryCode.of(COUNTING), COUNTING_PRINTED);
    }

    private static boolean rejects(String text) {
        try {
            RecoveryCode.parse(text);
            return false;
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().startsWith("recoveryKey: "), e.getMessage());
            return true;
        }
    }

    private static void assertMessage(String expected, String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RecoveryCode.parse(text));
        assertEquals(expected, e.getMessage());
    }

    /** The format from its description alone: the secret as one number, 5 bits at a time. */
    private static String referenceEncoding(byte[] secret) {
        BigInteger value = new BigInteger(1, secret);
        StringBuilder chars = new StringBuilder();
        for (int shift = 5 * 25; shift >= 0; shift -= 5) {
            chars.append(ALPHABET.charAt(value.shiftRight(shift).and(BigInteger.valueOf(31)).intValueExact()));
        }
        byte[] digest;
        try {
            digest = MessageDigest.getInstance("SHA-256").digest(secret);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
        int tenBits = new BigInteger(1, digest).shiftRight(256 - 10).intValueExact();
        chars.append(ALPHABET.charAt(tenBits / 32)).append(ALPHABET.charAt(tenBits % 32));
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < chars.length(); i += 4) {
            grouped.append(i == 0 ? "" : "-").append(chars, i, i + 4);
        }
        return grouped.toString();
    }
}
