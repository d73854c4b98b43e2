package dev.tandem.engine.testing;

/**
 * How much work the reliability tests do: a CI budget, or a longer one with {@code -Dtandem.long=true}
 * (the {@code long} Maven profile sets it, and raises jqwik's default tries).
 */
public final class Budget {
    private Budget() {
    }

    public static boolean isLong() {
        return Boolean.getBoolean("tandem.long");
    }

    public static int runs(int ci, int longProfile) {
        return isLong() ? longProfile : ci;
    }

    public static long seconds(long ci, long longProfile) {
        return isLong() ? longProfile : ci;
    }
}
