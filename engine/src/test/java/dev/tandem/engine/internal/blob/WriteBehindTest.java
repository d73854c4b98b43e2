package dev.tandem.engine.internal.blob;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.ClosedChannelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class WriteBehindTest {
    @TempDir
    Path dir;

    @Test
    void write_pastSeveralFlushes_fileHoldsEveryByteInOrder() throws IOException, NoSuchAlgorithmException {
        Path file = Files.createFile(dir.resolve("get.part"));
        MessageDigest written = MessageDigest.getInstance("SHA-256");
        Random random = new Random(7);
        long total = 0;
        try (OutputStream out = new WriteBehind(file)) {
            // Uneven writes, from a byte to 1 MiB, with a buffer whose offset moves: 3.5 flushes' worth.
            byte[] buf = new byte[(1 << 20) + 17];
            while (total < WriteBehind.FLUSH_EVERY * 7 / 2) {
                random.nextBytes(buf);
                int off = random.nextInt(17);
                int len = random.nextInt(5) == 0 ? 1 : 1 + random.nextInt(1 << 20);
                out.write(buf, off, len);
                written.update(buf, off, len);
                total += len;
            }
            out.write(42);
            written.update((byte) 42);
            total++;
            // At most one flush per 16 MiB written; fewer when a flush still ran as the next 16 MiB were in.
            int flushes = ((WriteBehind) out).flushesStarted();
            assertTrue(flushes >= 1 && flushes <= 3, "flushes: " + flushes);
        }
        assertEquals(total, Files.size(file));
        assertArrayEquals(written.digest(), MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void close_whileAFlushRuns_waitsForItAndLeavesNoFlusher() throws IOException {
        Path file = Files.createFile(dir.resolve("add.part"));
        WriteBehind out = new WriteBehind(file);
        out.write(new byte[(int) WriteBehind.FLUSH_EVERY]);
        assertEquals(1, out.flushesStarted(), "16 MiB written start a flush");
        out.close();
        assertFalse(out.flushing(), "no flush outlives its stream");
        assertThrows(ClosedChannelException.class, () -> out.write(1), "the channel is closed");
        assertEquals(WriteBehind.FLUSH_EVERY, Files.size(file));
    }
}
