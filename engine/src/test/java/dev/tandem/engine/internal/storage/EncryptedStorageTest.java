package dev.tandem.engine.internal.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.sync.SyncException.Reason;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.engine.testing.ForwardingStorage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The contract over memory, plus what encryption adds: passphrase checks, tamper detection, one KDF run. */
@Tag("unit")
class EncryptedStorageTest extends SyncStorageContract {
    private static final String PASSPHRASE = "correct horse battery staple";
    private static final String KEYRING = "keys/0000000001";
    private final MemoryStorage inner = new MemoryStorage();

    @Override
    protected SyncStorage newStorage() {
        return new EncryptedStorage(inner, PASSPHRASE);
    }

    @Override
    protected SyncStorage plain() {
        return inner;
    }

    @Test
    void wrongPassphrase_everyOperation_throwsWrongPassphraseAndChangesNothing() {
        storage.createIfAbsent("notes/1", bytes("secret"));
        Map<String, byte[]> before = snapshot(inner);
        EncryptedStorage wrong = new EncryptedStorage(inner, "Correct horse battery staple");
        List<Executable> calls = List.of(
                () -> wrong.list("", null, 10),
                () -> wrong.get("notes/1"),
                () -> wrong.createIfAbsent("notes/2", bytes("x")),
                () -> wrong.delete("notes/1"));
        for (Executable call : calls) {
            SyncException e = assertThrows(SyncException.class, call);
            assertEquals(Reason.WRONG_PASSPHRASE, e.reason());
            assertFalse(e.retryable());
            assertTrue(e.getMessage().contains("passphrase"), e.getMessage());
        }
        assertSnapshotEquals(before, snapshot(inner));
        assertEquals(1, wrong.keyDerivations(), "the verdict is remembered, not re-derived per call");
    }

    @Test
    void get_tamperedCiphertext_throwsCorruptNamingTheObject() {
        storage.createIfAbsent("notes/1", bytes("secret"));
        byte[] blob = inner.get("notes/1").orElseThrow();
        blob[blob.length - 20] ^= 0x01;
        replace(inner, "notes/1", blob);
        SyncException e = assertThrows(SyncException.class, () -> storage.get("notes/1"));
        assertEquals(Reason.CORRUPT, e.reason());
        assertTrue(e.getMessage().contains("'notes/1'"), e.getMessage());
    }

    @Test
    void get_objectCopiedToAnotherName_throwsCorrupt() {
        storage.createIfAbsent("grants/alice", bytes("read-only"));
        storage.createIfAbsent("grants/bob", bytes("admin"));
        replace(inner, "grants/alice", inner.get("grants/bob").orElseThrow());
        SyncException e = assertThrows(SyncException.class, () -> storage.get("grants/alice"));
        assertEquals(Reason.CORRUPT, e.reason());
    }

    @Test
    void get_plaintextObject_throwsCorrupt() {
        storage.list("", null, 1);
        inner.createIfAbsent("plain", bytes("written without encryption"));
        SyncException e = assertThrows(SyncException.class, () -> storage.get("plain"));
        assertEquals(Reason.CORRUPT, e.reason());
        assertTrue(e.getMessage().contains("'plain'"), e.getMessage());
    }

    @Test
    void get_truncatedObject_throwsCorrupt() {
        storage.createIfAbsent("k", bytes("v"));
        byte[] blob = inner.get("k").orElseThrow();
        replace(inner, "k", Arrays.copyOf(blob, 20));
        assertEquals(Reason.CORRUPT, assertThrows(SyncException.class, () -> storage.get("k")).reason());
    }

    @Test
    void get_newerObjectVersion_throwsUnsupportedFormat() {
        storage.createIfAbsent("k", bytes("v"));
        byte[] blob = inner.get("k").orElseThrow();
        blob[4] = 3;
        replace(inner, "k", blob);
        assertEquals(Reason.UNSUPPORTED_FORMAT, assertThrows(SyncException.class, () -> storage.get("k")).reason());
    }

    @Test
    void get_objectRelabelledWithAnotherKeyId_failsAuthentication() {
        storage.createIfAbsent("k", bytes("v"));
        byte[] blob = inner.get("k").orElseThrow();
        // A first-format object (key 0) relabelled as the second format would shift the nonce: it must not open.
        byte[] relabelled = new byte[blob.length + 4];
        System.arraycopy(blob, 0, relabelled, 0, 5);
        relabelled[4] = 2;
        System.arraycopy(blob, 5, relabelled, 9, blob.length - 5);
        replace(inner, "k", relabelled);
        assertEquals(Reason.CORRUPT, assertThrows(SyncException.class, () -> storage.get("k")).reason());
    }

    @Test
    void createIfAbsent_object_storesNoPlaintextAndAddsFixedOverhead() {
        byte[] plain = bytes("a very recognisable plaintext");
        storage.createIfAbsent("k", plain);
        byte[] blob = inner.get("k").orElseThrow();
        assertEquals(plain.length + ObjectCipher.OVERHEAD, blob.length);
        assertFalse(new String(blob, StandardCharsets.ISO_8859_1).contains("recognisable"));
    }

    @Test
    void createIfAbsent_sameContentUnderTwoNames_givesDifferentCiphertexts() {
        storage.createIfAbsent("a", bytes("same"));
        storage.createIfAbsent("b", bytes("same"));
        assertFalse(Arrays.equals(inner.get("a").orElseThrow(), inner.get("b").orElseThrow()));
    }

    @Test
    void twoInstancesSamePassphrase_readEachOthersObjects() {
        SyncStorage other = new EncryptedStorage(inner, PASSPHRASE);
        storage.createIfAbsent("from/one", bytes("1"));
        other.createIfAbsent("from/two", bytes("2"));
        assertArrayEquals(bytes("2"), storage.get("from/two").orElseThrow());
        assertArrayEquals(bytes("1"), other.get("from/one").orElseThrow());
        assertEquals(List.of("from/one", "from/two"), other.list("", null, 10));
    }

    @Test
    void passphraseInOtherUnicodeForm_opensTheSameStore() {
        SyncStorage composed = new EncryptedStorage(inner, "caf\u00e9 cr\u00e8me");
        SyncStorage decomposed = new EncryptedStorage(inner, "cafe\u0301 cre\u0300me");
        composed.createIfAbsent("k", bytes("v"));
        assertArrayEquals(bytes("v"), decomposed.get("k").orElseThrow());
    }

    @Test
    void keyDerivation_manyCallsFromManyThreads_runsOnce() throws Exception {
        EncryptedStorage enc = (EncryptedStorage) storage;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Optional<byte[]>>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String name = "k/" + i;
                results.add(pool.submit(() -> {
                    enc.createIfAbsent(name, bytes(name));
                    return enc.get(name);
                }));
            }
            for (int i = 0; i < 40; i++) {
                assertArrayEquals(bytes("k/" + i), results.get(i).get(60, TimeUnit.SECONDS).orElseThrow());
            }
        } finally {
            pool.shutdownNow();
        }
        enc.list("", null, 100);
        enc.delete("k/0");
        assertEquals(1, enc.keyDerivations());
    }

    @Test
    void firstUseOnTwoDevicesAtOnce_bothAdoptOneKeyring() throws Exception {
        // Both devices find no keyring, derive a key with their own salt and race to create generation 1.
        CyclicBarrier bothLooked = new CyclicBarrier(2);
        SyncStorage gated = new ForwardingStorage(inner) {
            private int descriptorGets;

            @Override
            public Optional<byte[]> get(String name) {
                boolean gate;
                synchronized (this) {
                    gate = name.equals(EncryptedStorage.DESCRIPTOR_NAME) && descriptorGets++ < 2;
                }
                Optional<byte[]> result = super.get(name);
                if (gate) {
                    await(bothLooked);
                }
                return result;
            }
        };
        EncryptedStorage one = new EncryptedStorage(gated, PASSPHRASE);
        EncryptedStorage two = new EncryptedStorage(gated, PASSPHRASE);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> a = pool.submit(() -> one.createIfAbsent("from/one", bytes("1")));
            Future<Boolean> b = pool.submit(() -> two.createIfAbsent("from/two", bytes("2")));
            assertTrue(a.get(60, TimeUnit.SECONDS));
            assertTrue(b.get(60, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
        assertEquals(3, one.keyDerivations() + two.keyDerivations(), "the loser derives again with the winner's salt");
        assertArrayEquals(bytes("2"), one.get("from/two").orElseThrow());
        assertArrayEquals(bytes("1"), two.get("from/one").orElseThrow());
    }

    @Test
    void list_descriptorHiddenEvenWhenItWouldFillThePage() {
        storage.createIfAbsent("a", bytes("a"));
        storage.createIfAbsent("f", bytes("f"));
        storage.createIfAbsent("z", bytes("z"));
        assertTrue(inner.get(EncryptedStorage.DESCRIPTOR_NAME).isPresent());
        assertEquals(List.of("keys/0000000001"), inner.list("keys/", null, 10));
        assertEquals(List.of("f"), storage.list("", "a", 1));
        assertEquals(List.of("f"), storage.list("", "b", 1));
        assertEquals(List.of(), storage.list("e", null, 1));
        assertEquals(List.of("a", "f", "z"), pageThrough("", 1));
    }

    @Test
    void reservedDescriptorAndKeyringNames_everyOperation_areRejected() {
        for (String name : List.of("encryption", "encryption/x", "keys/0000000001", "keys/x")) {
            assertThrows(SyncException.class, () -> storage.get(name));
            assertThrows(SyncException.class, () -> storage.createIfAbsent(name, bytes("x")));
            assertThrows(SyncException.class, () -> storage.delete(name));
        }
    }

    @Test
    void tamperedKeyringSalt_isReportedAsWrongPassphrase() {
        storage.createIfAbsent("k", bytes("v"));
        byte[] keyring = inner.get(KEYRING).orElseThrow();
        keyring[saltOffset(keyring)] ^= 0x01;
        replace(inner, KEYRING, keyring);
        SyncException e = assertThrows(SyncException.class, () -> new EncryptedStorage(inner, PASSPHRASE).get("k"));
        assertEquals(Reason.WRONG_PASSPHRASE, e.reason());
    }

    @Test
    void weakenedKeyring_isRefusedAsCorruptBeforeAnyDerivation() {
        storage.createIfAbsent("k", bytes("v"));
        byte[] keyring = inner.get(KEYRING).orElseThrow();
        // The slot's memory cost, 64 MiB, becomes 1 MiB: a cheap brute force.
        ByteBuffer.wrap(keyring).putInt(saltOffset(keyring) - 1 - 1 - 4, 1024);
        replace(inner, KEYRING, keyring);
        EncryptedStorage fresh = new EncryptedStorage(inner, PASSPHRASE);
        SyncException e = assertThrows(SyncException.class, () -> fresh.get("k"));
        assertEquals(Reason.CORRUPT, e.reason());
        assertTrue(e.getMessage().contains("'keys/0000000001'"), e.getMessage());
        assertEquals(0, fresh.keyDerivations(), "refused before spending time on the KDF");
    }

    @Test
    void keyringFromNewerTandem_throwsUnsupportedFormat() {
        storage.createIfAbsent("k", bytes("v"));
        byte[] keyring = inner.get(KEYRING).orElseThrow();
        keyring[4] = 2;
        replace(inner, KEYRING, keyring);
        SyncException e = assertThrows(SyncException.class, () -> new EncryptedStorage(inner, PASSPHRASE).get("k"));
        assertEquals(Reason.UNSUPPORTED_FORMAT, e.reason());
    }

    @Test
    void descriptorFromNewerTandem_withoutKeyring_throwsUnsupportedFormat() {
        inner.createIfAbsent(EncryptedStorage.DESCRIPTOR_NAME, new byte[] {'T', 'D', 'E', 'K', 3});
        SyncException e = assertThrows(SyncException.class, () -> new EncryptedStorage(inner, PASSPHRASE).get("k"));
        assertEquals(Reason.UNSUPPORTED_FORMAT, e.reason());
    }

    @Test
    void keyringDeleted_withDataOnTheRemote_isCorruptAndCreatesNoNewKey() {
        storage.createIfAbsent("batches/a/1", bytes("v"));
        inner.delete(KEYRING);
        SyncException e = assertThrows(SyncException.class,
                () -> new EncryptedStorage(inner, PASSPHRASE).get("batches/a/1"));
        assertEquals(Reason.CORRUPT, e.reason());
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
        assertEquals(List.of(), inner.list("keys/", null, 10));
    }

    /** Where the first slot's salt starts: after the header, the device name and the slot's type, KDF and salt length. */
    private static int saltOffset(byte[] keyring) {
        int nameLength = keyring[19] & 0xFF;
        return 20 + nameLength + 1 + 1 + 10 + 1;
    }

    @Test
    void constructor_emptyPassphrase_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> new EncryptedStorage(inner, ""));
    }

    @Test
    void describe_marksEncryptionAndHidesThePassphrase() {
        assertTrue(storage.describe().startsWith(inner.describe()));
        assertTrue(storage.describe().contains("encrypted"));
        assertFalse(storage.describe().contains(PASSPHRASE));
    }

    private static void replace(MemoryStorage store, String name, byte[] data) {
        store.delete(name);
        assertTrue(store.createIfAbsent(name, data));
    }

    private static Map<String, byte[]> snapshot(SyncStorage store) {
        Map<String, byte[]> all = new LinkedHashMap<>();
        for (String name : store.list("", null, 10_000)) {
            all.put(name, store.get(name).orElseThrow());
        }
        return all;
    }

    private static void assertSnapshotEquals(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((k, v) -> assertArrayEquals(v, actual.get(k), k));
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the other device never looked for the descriptor", e);
        }
    }
}
