package dev.tandem.app.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Fractional keys for the user's own order: strings that sort as the items should (by code unit, which is
 * SQLite's BINARY order for these ASCII digits), with a key between any two. Moving a todo writes one key,
 * its own, rather than renumbering its siblings, and per-attribute merge keeps it: two devices that move
 * different todos keep both moves; two that move the same todo keep one of them; two that put todos in the
 * same gap get the same key and are ordered by id, the same way on every device.
 *
 * <p>A key is an integer part and a fraction. The integer part's first character says how many base-62
 * digits follow it ({@code a}: one, {@code b}: two, ..., and {@code Z}, {@code Y}, ... for the keys below
 * {@code a0}), so appending after the last key grows the key by a character only every 62, 3,844, ... appends
 * instead of halving a fraction each time. The fraction never ends in '0', so no two keys mean the same
 * place. {@code A} followed by 26 zeros is the smallest integer part and only ever takes a fraction.
 */
public final class Rank {
    private Rank() {
    }

    static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int BASE = DIGITS.length();
    private static final String SMALLEST_INTEGER = "A" + "0".repeat(26);

    /** The first key of an empty sibling list. */
    public static final String FIRST = "a0";

    /**
     * A key after {@code before} and before {@code after}; null for either end. Both given keys must be valid
     * ({@link #isValid}) and in order; equal or reversed keys have no key between them (the caller re-ranks).
     */
    public static String between(String before, String after) {
        if (before != null && !isValid(before)) {
            throw new IllegalArgumentException("before: not a rank: " + before);
        }
        if (after != null && !isValid(after)) {
            throw new IllegalArgumentException("after: not a rank: " + after);
        }
        if (before != null && after != null && before.compareTo(after) >= 0) {
            throw new IllegalArgumentException("before: " + before + " is not before " + after);
        }
        if (before == null && after == null) {
            return FIRST;
        }
        if (before == null) {
            String ib = integerPart(after);
            String fb = after.substring(ib.length());
            if (ib.equals(SMALLEST_INTEGER)) {
                return ib + midpoint("", fb);
            }
            if (ib.compareTo(after) < 0) {
                return ib;
            }
            String dec = decrement(ib);
            if (dec == null) {
                throw new IllegalArgumentException("after: no rank before " + after);
            }
            return dec;
        }
        String ia = integerPart(before);
        String fa = before.substring(ia.length());
        if (after == null) {
            String inc = increment(ia);
            return inc == null ? ia + midpoint(fa, null) : inc;
        }
        String ib = integerPart(after);
        String fb = after.substring(ib.length());
        if (ia.equals(ib)) {
            return ia + midpoint(fa, fb);
        }
        String inc = increment(ia);
        if (inc == null) {
            throw new IllegalArgumentException("before: no rank after " + before);
        }
        return inc.compareTo(after) < 0 ? inc : ia + midpoint(fa, null);
    }

    /** {@code n} keys in order after {@code before} (null: from the start), for ranking a whole sibling list. */
    public static List<String> after(String before, int n) {
        List<String> out = new ArrayList<>(n);
        String k = before;
        for (int i = 0; i < n; i++) {
            k = between(k, null);
            out.add(k);
        }
        return out;
    }

    /** Whether {@code key} is one this class makes: anything else (a hostile or damaged value) is re-ranked. */
    public static boolean isValid(String key) {
        if (key == null || key.isEmpty() || key.length() > 1024) {
            return false;
        }
        int n = integerLength(key.charAt(0));
        if (n < 0 || key.length() < n) {
            return false;
        }
        for (int i = 1; i < key.length(); i++) {
            if (DIGITS.indexOf(key.charAt(i)) < 0) {
                return false;
            }
        }
        String integer = key.substring(0, n);
        if (integer.equals(SMALLEST_INTEGER) && key.length() == n) {
            return false;
        }
        return key.length() == n || key.charAt(key.length() - 1) != '0';
    }

    /** A fraction between fractions {@code a} and {@code b} (null: one), digit strings without trailing zeros. */
    private static String midpoint(String a, String b) {
        if (b != null) {
            int n = 0;
            while (n < b.length() && (n < a.length() ? a.charAt(n) : '0') == b.charAt(n)) {
                n++;
            }
            if (n > 0) {
                return b.substring(0, n) + midpoint(n < a.length() ? a.substring(n) : "", b.substring(n));
            }
        }
        int da = a.isEmpty() ? 0 : DIGITS.indexOf(a.charAt(0));
        int db = b == null ? BASE : DIGITS.indexOf(b.charAt(0));
        if (db - da > 1) {
            return String.valueOf(DIGITS.charAt((da + db + 1) / 2));
        }
        if (b != null && b.length() > 1) {
            return b.substring(0, 1);
        }
        return DIGITS.charAt(da) + midpoint(a.isEmpty() ? "" : a.substring(1), null);
    }

    private static int integerLength(char head) {
        if (head >= 'a' && head <= 'z') {
            return head - 'a' + 2;
        }
        if (head >= 'A' && head <= 'Z') {
            return 'Z' - head + 2;
        }
        return -1;
    }

    private static String integerPart(String key) {
        return key.substring(0, integerLength(key.charAt(0)));
    }

    /** The next integer part, null past the largest. */
    private static String increment(String integer) {
        char head = integer.charAt(0);
        char[] digits = integer.substring(1).toCharArray();
        for (int i = digits.length - 1; i >= 0; i--) {
            int d = DIGITS.indexOf(digits[i]) + 1;
            if (d < BASE) {
                digits[i] = DIGITS.charAt(d);
                return head + new String(digits);
            }
            digits[i] = '0';
        }
        if (head == 'Z') {
            return "a0";
        }
        if (head == 'z') {
            return null;
        }
        char next = (char) (head + 1);
        String rest = new String(digits);
        // Upward from 'a' a head means one more digit; upward towards 'Z' one fewer.
        return next > 'a' ? next + rest + "0" : next + rest.substring(1);
    }

    /** The previous integer part, null below the smallest. */
    private static String decrement(String integer) {
        char head = integer.charAt(0);
        char[] digits = integer.substring(1).toCharArray();
        for (int i = digits.length - 1; i >= 0; i--) {
            int d = DIGITS.indexOf(digits[i]) - 1;
            if (d >= 0) {
                digits[i] = DIGITS.charAt(d);
                return head + new String(digits);
            }
            digits[i] = 'z';
        }
        if (head == 'a') {
            return "Zz";
        }
        if (head == 'A') {
            return null;
        }
        char prev = (char) (head - 1);
        String rest = new String(digits);
        return prev < 'Z' ? prev + rest + "z" : prev + rest.substring(1);
    }
}
