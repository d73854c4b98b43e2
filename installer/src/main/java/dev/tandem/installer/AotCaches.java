package dev.tandem.installer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * JDK 25's ahead-of-time cache (JEPs 483, 514, 515) made in two steps through the image's own launcher: a training
 * run records what it loads and links and the methods' profiles ({@code -XX:AOTMode=record}), then the launcher
 * again creates the cache from that record ({@code -XX:AOTMode=create}) and exits without running the app. The
 * one-step {@code -XX:AOTCacheOutput} would start a second JVM from the runtime's bin/java, which the images for
 * Windows and macOS do not have (jlink's --strip-native-commands).
 *
 * <p>Both steps run with C1 only ({@link #TRAINING_JIT}), whatever JIT the launcher then runs with. A cache keeps the
 * method profiles its training gathered, and where they exist the full JIT takes them as a reason to compile those
 * methods with C2 at once: with a cache trained under the full JIT the window's first frame took 1.41 times C1's on
 * two cores (1.10 times with the cache trained under C1), C2 compiling what start-up runs while start-up ran. C1 alone gathers no profiles, so the cache holds
 * classes loaded and linked, and C2 comes in only for the work that lasts (PERFORMANCE.md, "Which runtime, which
 * JIT").
 */
final class AotCaches {
    /** The JIT of the training run and the creation: C1 only, so the cache carries no method profiles. */
    static final String TRAINING_JIT = "-XX:TieredStopAtLevel=1";

    private AotCaches() {
    }

    /**
     * Records {@code training} (with {@code env}) and creates {@code cache} with {@code launcher}; false after the
     * runner reported a failure. The record is deleted either way.
     */
    static boolean make(ProcessRunner runner, List<String> training, Map<String, String> env, List<String> launcher,
            Path cache) throws IOException, InterruptedException {
        return make(runner, training, null, env, launcher, cache);
    }

    /** As above, the training run's standard input read from {@code stdin} (null: none given). */
    static boolean make(ProcessRunner runner, List<String> training, Path stdin, Map<String, String> env,
            List<String> launcher, Path cache) throws IOException, InterruptedException {
        Path record = cache.resolveSibling(cache.getFileName() + "conf");
        Files.deleteIfExists(cache);
        Files.deleteIfExists(record);
        try {
            Map<String, String> recording = new HashMap<>(env);
            recording.put("JAVA_TOOL_OPTIONS", TRAINING_JIT + " -XX:AOTMode=record -XX:AOTConfiguration=" + record);
            if (runner.run(training, recording, "training run", stdin) == null) {
                return false;
            }
            if (!Files.isRegularFile(record)) {
                runner.fail("the training run wrote no " + record);
                return false;
            }
            String create = TRAINING_JIT + " -XX:AOTMode=create -XX:AOTConfiguration=" + record + " -XX:AOTCache=" + cache;
            if (runner.run(launcher, Map.of("JAVA_TOOL_OPTIONS", create), "cache creation") == null) {
                return false;
            }
            if (!Files.isRegularFile(cache)) {
                runner.fail("the cache creation wrote no " + cache);
                return false;
            }
            return true;
        } finally {
            Files.deleteIfExists(record);
        }
    }
}
