package dev.tandem.engine.bench;

/**
 * CPU time, user and system, of this process and the server's between {@link #start} and {@link #stop}: what
 * {@link BlobBench} divides by the bytes moved. Apart from the bench because it is a meter of its own, reading two
 * processes' totals, and knows nothing of what is measured.
 */
final class CpuMeter {
    private final ProcessHandle server;
    private long from;
    private long serverFrom;
    private long serverSpent;

    CpuMeter(ProcessHandle server) {
        this.server = server;
    }

    private static long cpuOf(ProcessHandle h) {
        return h.info().totalCpuDuration().orElseThrow(() -> new IllegalStateException("no CPU time for " + h.pid()))
                .toNanos();
    }

    void start() {
        serverFrom = cpuOf(server);
        from = cpuOf(ProcessHandle.current()) + serverFrom;
    }

    /** Both processes' CPU since {@link #start}; the server's share is {@link #server} after it. */
    long stop() {
        long s = cpuOf(server);
        serverSpent = s - serverFrom;
        return cpuOf(ProcessHandle.current()) + s - from;
    }

    long server() {
        return serverSpent;
    }
}
