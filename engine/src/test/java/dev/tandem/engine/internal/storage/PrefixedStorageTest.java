package dev.tandem.engine.internal.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.sync.SyncStorage;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("unit")
class PrefixedStorageTest extends SyncStorageContract {
    private final MemoryStorage inner = new MemoryStorage();

    @Override
    protected SyncStorage newStorage() {
        // Neighbours on both sides of the prefix in byte order, which must stay invisible.
        inner.createIfAbsent("tandem/alicf", bytes("neighbour"));
        inner.createIfAbsent("tandem/alic", bytes("neighbour"));
        inner.createIfAbsent("tandem/alice-2/x", bytes("neighbour"));
        inner.createIfAbsent("tandem/alice.old", bytes("neighbour"));
        inner.createIfAbsent("a", bytes("neighbour"));
        return new PrefixedStorage(inner, "tandem/alice");
    }

    @Test
    void createIfAbsent_name_landsUnderPrefixInDelegate() {
        storage.createIfAbsent("x/y", bytes("v"));
        assertArrayEquals(bytes("v"), inner.get("tandem/alice/x/y").orElseThrow());
        assertEquals(List.of("tandem/alice/x/y"), inner.list("tandem/alice/", null, 10));
    }

    @Test
    void get_nameOutsidePrefix_isInvisible() {
        assertTrue(storage.get("a").isEmpty());
        assertEquals(List.of(), storage.list("", null, 100));
    }

    @Test
    void delete_name_removesOnlyThePrefixedObject() {
        storage.createIfAbsent("a", bytes("mine"));
        storage.delete("a");
        assertTrue(inner.get("tandem/alice/a").isEmpty());
        assertArrayEquals(bytes("neighbour"), inner.get("a").orElseThrow());
    }

    @Test
    void describe_appendsPrefix() {
        assertEquals(inner.describe() + "/tandem/alice", storage.describe());
        assertEquals(inner.describe() + "/tandem/alice", new PrefixedStorage(inner, "tandem/alice/").describe());
    }

    @Test
    void encryptedAbovePrefix_eachPrefixHasItsOwnDescriptorAndPassphrase() {
        SyncStorage alice = new EncryptedStorage(new PrefixedStorage(inner, "tandem/alice"), "alice's passphrase");
        SyncStorage bob = new EncryptedStorage(new PrefixedStorage(inner, "tandem/bob"), "bob's passphrase");
        alice.createIfAbsent("k", bytes("a"));
        bob.createIfAbsent("k", bytes("b"));
        assertTrue(inner.get("tandem/alice/encryption").isPresent());
        assertTrue(inner.get("tandem/bob/encryption").isPresent());
        assertArrayEquals(bytes("a"), alice.get("k").orElseThrow());
        assertArrayEquals(bytes("b"), bob.get("k").orElseThrow());
        assertEquals(List.of("k"), alice.list("", null, 10));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "../x", "a//b", ".hidden", "a b"})
    void constructor_invalidPrefix_isRejected(String prefix) {
        assertThrows(IllegalArgumentException.class, () -> new PrefixedStorage(inner, prefix));
    }
}
