package dev.tandem.engine.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.testing.Budget;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing the batch, head and snapshot decoders for a bounded time (CI: 20 s; long profile: 10 min) with every kind of
 * {@link FuzzInputs}, and the hostile size claims in a child JVM with a 32 MiB heap: any of them
 * allocating what it claims would die there with OutOfMemoryError.
 */
@Tag("process")
class BatchCodecFuzzTest {

    @Test
    void decode_randomInputsForABoundedTime_onlyFormatErrors() {
        long seed = new Random().nextLong();
        Random r = new Random(seed);
        long deadline = System.nanoTime() + Budget.seconds(20, 600) * 1_000_000_000L;
        long n = 0;
        try {
            while (System.nanoTime() < deadline) {
                int decoder = r.nextInt(6);
                if (decoder < 4) {
                    boolean head = decoder == 3;
                    FuzzInputs.decodeSafely(FuzzInputs.any(r, head), head);
                } else {
                    byte[] valid = FuzzInputs.validSnapshotObject(r);
                    byte[] object = r.nextBoolean() ? FuzzInputs.mutate(r, valid, 1 + r.nextInt(3)) : FuzzInputs.mutateFrame(r, valid);
                    FuzzInputs.decodeSafely(object, decoder - 2);
                }
                n++;
            }
        } catch (AssertionError e) {
            throw new AssertionError("fuzz seed " + seed + ", input " + n + ": " + e.getMessage(), e);
        }
        System.out.println("BatchCodecFuzzTest: " + n + " inputs in " + Budget.seconds(20, 600) + " s, seed " + seed);
        assertTrue(n > 10_000, "only " + n + " inputs");
    }

    @Test
    void decode_hugeClaimsInA32MiBHeap_rejectedWithoutOutOfMemory() throws Exception {
        Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx32m",
                "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
                DecoderHeapCheck.class.getName()).redirectErrorStream(true).start();
        String out;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            out = r.lines().collect(Collectors.joining("\n"));
        }
        assertTrue(child.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, child.exitValue(), out);
        assertTrue(out.contains("rejected all"), out);
    }
}
