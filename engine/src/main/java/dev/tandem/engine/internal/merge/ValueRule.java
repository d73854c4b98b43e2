package dev.tandem.engine.internal.merge;

import dev.tandem.engine.MergeRule;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * The value two concurrent versions of an attribute settle on under a {@link MergeRule}: pure, no
 * I/O. The order is SQLite's (numbers by value, then text by code point, then bytes), so it is total
 * and the same on every device; a value beats none under either rule. The pick depends only on the
 * two values, never on which arrived first, and is associative: devices that meet three or more
 * versions in different pairs settle on the same value.
 */
public final class ValueRule {
    private ValueRule() {
    }

    /** What {@code a} and {@code b} settle on under {@code rule}. */
    public static Object pick(MergeRule rule, Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        int c = compare(a, b);
        return switch (rule) {
            case LEAST -> c <= 0 ? a : b;
            case GREATEST -> c >= 0 ? a : b;
        };
    }

    /** SQLite's order of two non-null values: numbers, then text, then bytes. */
    static int compare(Object a, Object b) {
        int ra = rank(a);
        int rb = rank(b);
        if (ra != rb) {
            return Integer.compare(ra, rb);
        }
        return switch (ra) {
            case 0 -> compareNumbers((Number) a, (Number) b);
            case 1 -> compareCodePoints(a.toString(), b.toString());
            default -> Arrays.compareUnsigned(bytes(a), bytes(b));
        };
    }

    private static int rank(Object v) {
        if (v instanceof Number) {
            return 0;
        }
        return v instanceof byte[] ? 2 : 1;
    }

    private static int compareNumbers(Number a, Number b) {
        if (isWhole(a) && isWhole(b)) {
            return Long.compare(a.longValue(), b.longValue());
        }
        double x = a.doubleValue();
        double y = b.doubleValue();
        if (Double.isNaN(x) || Double.isNaN(y) || Double.isInfinite(x) || Double.isInfinite(y)) {
            return Double.compare(x, y);
        }
        return toDecimal(a).compareTo(toDecimal(b));
    }

    private static boolean isWhole(Number n) {
        return n instanceof Long || n instanceof Integer || n instanceof Short || n instanceof Byte;
    }

    private static BigDecimal toDecimal(Number n) {
        return isWhole(n) ? BigDecimal.valueOf(n.longValue()) : new BigDecimal(n.doubleValue());
    }

    /** As SQLite's BINARY collation over UTF-8, which orders by code point (UTF-16's order differs above U+FFFF). */
    private static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static byte[] bytes(Object v) {
        return (byte[]) v;
    }
}
