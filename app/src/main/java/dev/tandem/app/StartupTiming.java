package dev.tandem.app;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * Start-up phase times for {@code app/perf/measure.sh}, on with {@code -Dtandem.timing=true}.
 *
 * <p>Marks only take the wall clock; everything that loads classes (the MXBean that knows when the
 * JVM started, the process CPU time) waits until {@link #report}, after the first frame, so that
 * measuring does not slow the path it measures.
 */
public final class StartupTiming {
    static final boolean ON = Boolean.getBoolean("tandem.timing");

    private record Mark(String phase, long at) {
    }

    private static final List<Mark> MARKS = new ArrayList<>();
    private static boolean reported;

    private StartupTiming() {
    }

    public static void mark(String phase) {
        if (ON) {
            long now = System.currentTimeMillis();
            synchronized (MARKS) {
                MARKS.add(new Mark(phase, now));
            }
        }
    }

    /**
     * Prints each phase as {@code tandem.timing PHASE-ms=N} (milliseconds since the JVM started, as
     * before) and the CPU time the whole process used so far, once.
     */
    public static void report() {
        if (!ON) {
            return;
        }
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        StringBuilder out = new StringBuilder();
        synchronized (MARKS) {
            if (reported) {
                return;
            }
            reported = true;
            for (Mark m : MARKS) {
                out.append("tandem.timing ").append(m.phase()).append("-ms=").append(m.at() - jvmStart).append('\n');
            }
        }
        // The wall clock at the JVM's start, so that a caller who noted the clock before starting the launcher
        // sees what the launcher took before the JVM (measure.sh's "from the launcher's start").
        out.append("tandem.timing jvm-start-epoch=").append(jvmStart).append('\n');
        ProcessHandle.current().info().totalCpuDuration().ifPresent(cpu ->
                out.append("tandem.timing cpu-ms=").append(cpu.toMillis()).append('\n'));
        System.out.print(out);
        System.out.flush();
    }
}
