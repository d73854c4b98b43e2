package dev.tandem.engine.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * The suite watching its own time: for every test class, its tags, when it started, its wall time
 * and the CPU time its JVM spent meanwhile, one tab-separated line each in
 * {@code <tandem.testTimes.dir>/times-<pid>.tsv}. Wall time
 * on a shared 2-core machine says little on its own; the CPU time beside it tells a class that
 * computes from one that waits (a server, a timer, a child process), which is what decides whether
 * running it beside others saves time. {@code .ci/test-times} sums the files per tier and lists the
 * slowest classes.
 *
 * <p>Registered for both modules through {@code META-INF/services} in the engine's test jar; it
 * writes nothing unless the property names a folder (surefire sets it). Classes run one after
 * another in a fork, so the JVM's CPU time between a class's start and end is that class's, give or
 * take what a previous class left running.
 */
public final class TestTimes implements TestExecutionListener {
    /** The folder the times go to; unset, nothing is written. */
    public static final String DIR_PROPERTY = "tandem.testTimes.dir";

    private record Start(long epochMillis, long wallNanos, long cpuNanos) {
    }

    private final Map<String, Start> started = new ConcurrentHashMap<>();
    private final Path file;

    public TestTimes() {
        String dir = System.getProperty(DIR_PROPERTY);
        this.file = dir == null || dir.isBlank() ? null
                : Path.of(dir).resolve("times-" + ProcessHandle.current().pid() + ".tsv");
    }

    @Override
    public void executionStarted(TestIdentifier id) {
        if (file != null && isClass(id)) {
            started.put(id.getUniqueId(), new Start(System.currentTimeMillis(), System.nanoTime(), cpuNanos()));
        }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        Start start = file == null ? null : started.remove(id.getUniqueId());
        if (start == null) {
            return;
        }
        long wallMs = (System.nanoTime() - start.wallNanos()) / 1_000_000;
        long cpuMs = (cpuNanos() - start.cpuNanos()) / 1_000_000;
        String tags = id.getTags().stream().map(TestTag::getName).sorted().collect(Collectors.joining(","));
        String className = ((ClassSource) id.getSource().orElseThrow()).getClassName();
        String line = String.join("\t", className, tags.isEmpty() ? "-" : tags, Long.toString(start.epochMillis()),
                Long.toString(wallMs), Long.toString(cpuMs), result.getStatus().name()) + "\n";
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record test times in " + file, e);
        }
    }

    private static boolean isClass(TestIdentifier id) {
        // A top-level class only: its parent is the test engine itself (a nested class's is its outer class).
        return id.isContainer() && id.getSource().filter(ClassSource.class::isInstance).isPresent()
                && id.getParentId().map(p -> UniqueId.parse(p).getSegments().size() == 1).orElse(false);
    }

    /** The CPU time of the whole JVM: every thread a test starts, its servers' threads included. */
    private static long cpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }
}
