package dev.tandem.engine.testing;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * How much more heap is live at chosen moments than when the watch started. Each sample runs a
 * full collection first ({@code System.gc()}, a stop-the-world full GC under G1 and the serial
 * and parallel collectors), so garbage, whose amount depends on when the collector last ran, never
 * counts: only what is still reachable does. A stream that buffered its object would hold it at
 * the sample taken while it is read, whatever the heap size or collector timing, which makes the
 * check deterministic rather than a guess from peak usage. It does not work with
 * {@code -XX:+DisableExplicitGC}; the watch refuses to start there rather than measure garbage.
 */
public final class HeapWatch {
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final long baseline;
    private long peak;
    private int samples;

    public HeapWatch() {
        if (ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-XX:+DisableExplicitGC")) {
            throw new IllegalStateException("HeapWatch needs System.gc(); this JVM runs with -XX:+DisableExplicitGC");
        }
        baseline = live();
    }

    /** Notes the live heap now; callable from any thread. */
    public synchronized void sample() {
        samples++;
        peak = Math.max(peak, live() - baseline);
    }

    /** The most the live heap exceeded the baseline at any sample, in bytes. */
    public synchronized long peakAboveBaseline() {
        return peak;
    }

    public synchronized int samples() {
        return samples;
    }

    private long live() {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }
}
