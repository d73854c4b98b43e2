package dev.tandem.engine.internal.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.sync.ConnectionCheck;
import dev.tandem.engine.sync.S3Settings;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncException.Reason;
import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.engine.testing.ForwardingStorage;
import dev.tandem.engine.testing.S3ProxyServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("server")
class StorageProbeTest {
    private static final List<String> ALL_STEPS = List.of("List", "Write", "Read back", "Conditional write", "Clean up");

    @TempDir
    Path temp;

    @Test
    void run_memory_passesEveryStepAndLeavesNothingBehind() {
        MemoryStorage memory = new MemoryStorage();
        assertAllPass(StorageProbe.run(memory));
        assertEquals(List.of(), memory.list("", null, 10));
    }

    @Test
    void run_folder_passesEveryStep() {
        assertAllPass(StorageProbe.run(new FolderStorage(temp)));
    }

    @Test
    void run_s3_passesEveryStepAndLeavesNothingBehind() {
        S3ProxyServer server = S3ProxyServer.shared();
        try (SyncStorage s3 = new S3Storage(server.settings(server.newBucket()))) {
            assertAllPass(StorageProbe.run(s3));
            assertEquals(List.of(), s3.list("", null, 10));
        }
    }

    @Test
    void run_encryptedS3_passesEveryStep() {
        S3ProxyServer server = S3ProxyServer.shared();
        try (SyncStorage s3 = new EncryptedStorage(new S3Storage(server.settings(server.newBucket())), "pass")) {
            assertAllPass(StorageProbe.run(s3));
        }
    }

    @Test
    void run_providerIgnoringIfNoneMatch_reportsNoConditionalWrites() {
        MemoryStorage memory = new MemoryStorage();
        SyncStorage overwriting = new ForwardingStorage(memory) {
            @Override
            public boolean createIfAbsent(String name, byte[] data) {
                memory.delete(name);
                return memory.createIfAbsent(name, data);
            }
        };
        ConnectionCheck check = StorageProbe.run(overwriting);
        assertFailedAt(check, "Conditional write", Reason.NO_CONDITIONAL_WRITES);
        assertTrue(check.summary().contains("overwrite each other"), check.summary());
        assertEquals(List.of(), memory.list("", null, 10), "the probe object is removed even after a failure");
    }

    @Test
    void run_wrongS3Credentials_reportsAuthAtTheFirstStep() {
        S3ProxyServer server = S3ProxyServer.shared();
        S3Settings wrong = new S3Settings(server.endpoint(), server.newBucket(), server.region(), server.identity(), "nope");
        try (SyncStorage s3 = new S3Storage(wrong)) {
            ConnectionCheck check = StorageProbe.run(s3);
            assertFailedAt(check, "List", Reason.AUTH);
            assertTrue(check.summary().contains("access key"), check.summary());
        }
    }

    @Test
    void run_missingBucket_reportsNotFound() {
        try (SyncStorage s3 = new S3Storage(S3ProxyServer.shared().settings("no-such-bucket"))) {
            ConnectionCheck check = StorageProbe.run(s3);
            assertFailedAt(check, "List", Reason.NOT_FOUND);
            assertTrue(check.summary().contains("'no-such-bucket'"), check.summary());
        }
    }

    @Test
    void run_nothingListening_reportsUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        S3ProxyServer server = S3ProxyServer.shared();
        try (SyncStorage s3 = new S3Storage(new S3Settings("http://127.0.0.1:" + closedPort, "b", server.region(),
                server.identity(), server.credential()))) {
            assertFailedAt(StorageProbe.run(s3), "List", Reason.UNREACHABLE);
        }
    }

    @Test
    void run_wrongPassphrase_reportsWrongPassphraseAtTheFirstStep() {
        MemoryStorage memory = new MemoryStorage();
        new EncryptedStorage(memory, "right").createIfAbsent("k", new byte[] {1});
        assertFailedAt(StorageProbe.run(new EncryptedStorage(memory, "wrong")), "List", Reason.WRONG_PASSPHRASE);
        assertEquals(List.of("encryption", "k", "keys/0000000001"), memory.list("", null, 10));
    }

    @Test
    void run_missingFolder_reportsNotFoundWithTheFolderMissing() {
        ConnectionCheck check = StorageProbe.run(new FolderStorage(temp.resolve("typo")));
        assertFailedAt(check, "List", Reason.NOT_FOUND);
        // The step says more than "not found", for an app to name the folder and what to do.
        assertEquals(SyncException.Diagnosis.FOLDER_MISSING, check.steps().get(0).diagnosis());
    }

    @Test
    void run_folder_passedStepsHaveNoDiagnosis() {
        StorageProbe.run(new FolderStorage(temp)).steps()
                .forEach(s -> assertEquals(SyncException.Diagnosis.NONE, s.diagnosis(), s.name()));
    }

    @Test
    void run_readBackReturnsOtherBytes_reportsCorrupt() {
        SyncStorage garbling = new ForwardingStorage(new MemoryStorage()) {
            @Override
            public Optional<byte[]> get(String name) {
                return super.get(name).map(b -> new byte[] {42});
            }
        };
        assertFailedAt(StorageProbe.run(garbling), "Read back", Reason.CORRUPT);
    }

    @Test
    void run_storageThrowsUnexpectedly_reportsInsteadOfThrowing() {
        SyncStorage broken = new ForwardingStorage(new MemoryStorage()) {
            @Override
            public List<String> list(String prefix, String startAfter, int maxNames) {
                throw new IllegalStateException("bug in a backend");
            }
        };
        ConnectionCheck check = StorageProbe.run(broken);
        assertFailedAt(check, "List", Reason.IO);
        assertTrue(check.summary().contains("bug in a backend"), check.summary());
    }

    private static void assertAllPass(ConnectionCheck check) {
        assertTrue(check.ok(), check.summary());
        assertEquals(ALL_STEPS, check.steps().stream().map(ConnectionCheck.Step::name).toList());
        for (ConnectionCheck.Step step : check.steps()) {
            assertTrue(step.ok(), step.name());
            assertNull(step.reason(), step.name());
            assertFalse(step.message().isBlank(), step.name());
        }
        assertEquals("OK", check.summary());
    }

    /** Every step before {@code failedStep} passed, it failed with {@code reason}, and nothing after ran. */
    private static void assertFailedAt(ConnectionCheck check, String failedStep, Reason reason) {
        assertFalse(check.ok());
        int at = ALL_STEPS.indexOf(failedStep);
        assertEquals(ALL_STEPS.subList(0, at + 1), check.steps().stream().map(ConnectionCheck.Step::name).toList());
        ConnectionCheck.Step last = check.steps().get(at);
        assertFalse(last.ok());
        assertEquals(reason, last.reason(), last.message());
        assertFalse(last.message().isBlank());
        assertTrue(check.summary().startsWith(failedStep + " failed: "), check.summary());
        check.steps().subList(0, at).forEach(s -> assertTrue(s.ok(), s.name()));
    }
}
