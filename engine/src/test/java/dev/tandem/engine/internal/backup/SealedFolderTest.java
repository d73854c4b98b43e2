package dev.tandem.engine.internal.backup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.BackupException;
import dev.tandem.engine.Backups;
import dev.tandem.engine.SealedFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class SealedFolderTest {
    private static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();

    @TempDir
    Path dir;

    @Test
    void put_thenGetWithTheSamePassphrase_roundTripsByteForByteAndStoresOnce() throws Exception {
        byte[] bytes = random(3 * 1024 * 1024 + 7, 1);
        Path file = write("photo.jpg", bytes);
        String id = sha256(bytes);
        try (SealedFiles sealed = Backups.sealedFiles(dir.resolve("sealed"), PASSPHRASE)) {
            assertTrue(sealed.put(id, file));
            assertFalse(sealed.put(id, file), "stored once");
        }
        try (SealedFiles again = Backups.sealedFiles(dir.resolve("sealed"), PASSPHRASE)) {
            assertTrue(again.has(id), "a later backup finds the same key and name");
            Path out = dir.resolve("out.jpg");
            assertTrue(again.get(id, out));
            assertArrayEquals(bytes, Files.readAllBytes(out));
        }
    }

    @Test
    void folder_holdsNeitherThePlaintextNorTheContentHash() throws Exception {
        byte[] bytes = "a receipt for the plumber, 120 EUR".repeat(100).getBytes(StandardCharsets.UTF_8);
        String id = sha256(bytes);
        try (SealedFiles sealed = Backups.sealedFiles(dir.resolve("sealed"), PASSPHRASE)) {
            sealed.put(id, write("receipt.txt", bytes));
        }
        try (Stream<Path> all = Files.walk(dir.resolve("sealed"))) {
            for (Path p : all.filter(Files::isRegularFile).toList()) {
                assertFalse(p.toString().contains(id), "a name reveals the content's hash: " + p);
                String content = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
                assertFalse(content.contains("plumber"), "plaintext in " + p);
            }
        }
    }

    @Test
    void otherPassphrase_seesNothingAndKeepsItsOwnKey() throws Exception {
        byte[] bytes = random(1000, 2);
        String id = sha256(bytes);
        try (SealedFiles sealed = Backups.sealedFiles(dir.resolve("sealed"), PASSPHRASE)) {
            sealed.put(id, write("a.bin", bytes));
        }
        try (SealedFiles other = Backups.sealedFiles(dir.resolve("sealed"), "another passphrase".toCharArray())) {
            assertFalse(other.has(id));
            assertFalse(other.get(id, dir.resolve("x")));
            assertTrue(other.put(id, write("b.bin", bytes)));
        }
        try (Stream<Path> keys = Files.list(dir.resolve("sealed").resolve("keys"))) {
            assertEquals(2, keys.count(), "one key per passphrase");
        }
        try (SealedFiles first = Backups.sealedFiles(dir.resolve("sealed"), PASSPHRASE)) {
            assertTrue(first.get(id, dir.resolve("back.bin")));
            assertArrayEquals(bytes, Files.readAllBytes(dir.resolve("back.bin")));
        }
    }

    @Test
    void get_alteredOrCutSealedFile_throwsAndLeavesNoTarget() throws Exception {
        byte[] bytes = random(2 * 1024 * 1024 + 5, 3);
        String id = sha256(bytes);
        try (SealedFiles sealed = Backups.sealedFiles(dir.resolve("sealed"), PASSPHRASE)) {
            sealed.put(id, write("a.bin", bytes));
        }
        Path stored = sealedFiles().get(0);
        byte[] original = Files.readAllBytes(stored);
        byte[] altered = original.clone();
        altered[altered.length / 2] ^= 1;
        for (byte[] damaged : List.of(altered, java.util.Arrays.copyOf(original, original.length - 100))) {
            Files.write(stored, damaged);
            try (SealedFiles sealed = Backups.sealedFiles(dir.resolve("sealed"), PASSPHRASE)) {
                Path out = dir.resolve("out-" + damaged.length);
                BackupException e = assertThrows(BackupException.class, () -> sealed.get(id, out));
                assertTrue(e.reason() == BackupException.Reason.DAMAGED || e.reason() == BackupException.Reason.TRUNCATED,
                        e.getMessage());
                assertFalse(Files.exists(out), "no half file is left under the target's name");
            }
        }
    }

    private List<Path> sealedFiles() throws IOException {
        try (Stream<Path> all = Files.walk(dir.resolve("sealed"))) {
            return all.filter(Files::isRegularFile).filter(p -> !p.getParent().getFileName().toString().equals("keys")).toList();
        }
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
