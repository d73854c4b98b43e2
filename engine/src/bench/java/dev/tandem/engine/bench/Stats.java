package dev.tandem.engine.bench;

import java.util.Arrays;

/** Percentiles of a sample of nanosecond timings, printed in microseconds or milliseconds. */
final class Stats {
    private final long[] sorted;

    Stats(long[] nanos) {
        this.sorted = nanos.clone();
        Arrays.sort(sorted);
    }

    int count() {
        return sorted.length;
    }

    /** Nearest-rank percentile, p in [0, 100]. */
    long percentile(double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    long median() {
        return percentile(50);
    }

    long p95() {
        return percentile(95);
    }

    long p99() {
        return percentile(99);
    }

    long max() {
        return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
    }

    static String us(long nanos) {
        return String.format("%.0f µs", nanos / 1e3);
    }

    static String ms(long nanos) {
        return String.format("%.2f ms", nanos / 1e6);
    }

    static String ratio(double a, double b) {
        return String.format("%.2f×", a / b);
    }
}
