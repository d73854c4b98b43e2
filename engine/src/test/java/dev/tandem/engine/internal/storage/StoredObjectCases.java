package dev.tandem.engine.internal.storage;

import static dev.tandem.engine.internal.storage.SyncStorageContract.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.engine.sync.Version;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The storage contract's whole objects written and read as byte arrays: the change marker's
 * overwrite and version, get, createIfAbsent, delete and folder removal, and content kept as
 * written. Every backend runs these through {@link SyncStorageContract}, which implements this.
 */
interface StoredObjectCases {
    /** The storage under test, fresh for each test. */
    SyncStorage storage();

    // --- the change marker: overwrite and version ---

    @Test
    default void overwrite_existingName_replacesContentAndChangesVersion() {
        Version first = storage().overwrite("marker", bytes("one"));
        assertArrayEquals(bytes("one"), storage().get("marker").orElseThrow());
        Version second = storage().overwrite("marker", bytes("two"));
        assertArrayEquals(bytes("two"), storage().get("marker").orElseThrow());
        assertNotEquals(first, second);
    }

    @Test
    default void version_nothingChanged_returnsTheKnownVersion() {
        Version written = storage().overwrite("marker", bytes("one"));
        assertEquals(written, storage().version("marker", written));
        assertEquals(written, storage().version("marker", Version.MISSING), "a new reader learns the version");
    }

    @Test
    default void version_rewrittenMeanwhile_returnsTheNewVersion() {
        Version seen = storage().overwrite("marker", bytes("one"));
        Version rewritten = storage().overwrite("marker", bytes("one, again"));
        Version now = storage().version("marker", seen);
        assertNotEquals(seen, now);
        assertEquals(rewritten, now);
    }

    @Test
    default void version_missingName_returnsMissing() {
        assertEquals(Version.MISSING, storage().version("marker", Version.MISSING));
    }

    // --- get and createIfAbsent ---

    @Test
    default void get_missingName_returnsEmpty() {
        assertTrue(storage().get("missing").isEmpty());
        assertTrue(storage().get("missing/deeper/key").isEmpty());
    }

    @Test
    default void get_nameThatOnlyPrefixesOtherNames_returnsEmpty() {
        storage().createIfAbsent("a/c/d", bytes("x"));
        assertTrue(storage().get("a/c").isEmpty());
        assertTrue(storage().get("a").isEmpty());
    }

    @Test
    default void createIfAbsent_newName_returnsTrueAndStoresBytes() {
        assertTrue(storage().createIfAbsent("k", bytes("first")));
        assertArrayEquals(bytes("first"), storage().get("k").orElseThrow());
    }

    @Test
    default void createIfAbsent_deepName_roundTripsAndLists() {
        assertTrue(storage().createIfAbsent("d1/d2/d3/d4/d5/leaf", bytes("deep")));
        assertArrayEquals(bytes("deep"), storage().get("d1/d2/d3/d4/d5/leaf").orElseThrow());
        assertEquals(List.of("d1/d2/d3/d4/d5/leaf"), storage().list("d1/", null, 10));
    }

    @Test
    default void createIfAbsent_existingName_returnsFalseAndKeepsFirstContent() {
        assertTrue(storage().createIfAbsent("k", bytes("first")));
        assertFalse(storage().createIfAbsent("k", bytes("second")));
        assertArrayEquals(bytes("first"), storage().get("k").orElseThrow());
        assertEquals(List.of("k"), storage().list("", null, 10));
    }

    @Test
    default void createIfAbsent_sameContentTwice_secondReturnsFalse() {
        assertTrue(storage().createIfAbsent("k", bytes("same")));
        assertFalse(storage().createIfAbsent("k", bytes("same")));
    }

    // --- delete ---

    @Test
    default void delete_existingName_removesItAndOnlyIt() {
        storage().createIfAbsent("a/1", bytes("1"));
        storage().createIfAbsent("a/2", bytes("2"));
        storage().delete("a/1");
        assertTrue(storage().get("a/1").isEmpty());
        assertArrayEquals(bytes("2"), storage().get("a/2").orElseThrow());
        assertEquals(List.of("a/2"), storage().list("", null, 10));
    }

    @Test
    default void delete_missingNameOrTwice_isNoOp() {
        storage().delete("never/written");
        storage().createIfAbsent("k", bytes("v"));
        storage().delete("k");
        storage().delete("k");
        assertTrue(storage().get("k").isEmpty());
        assertEquals(List.of(), storage().list("", null, 10));
    }

    @Test
    default void removeFolder_afterItsNamesWereDeleted_otherNamesStayAndItCanBeWrittenAgain() {
        storage().createIfAbsent("snap/a/p0", bytes("0"));
        storage().createIfAbsent("snap/a/p1", bytes("1"));
        storage().createIfAbsent("snap/b/p0", bytes("2"));
        storage().delete("snap/a/p0");
        storage().delete("snap/a/p1");
        storage().removeFolder("snap/a/");
        storage().removeFolder("snap/a/");
        storage().removeFolder("never/written/");
        assertEquals(List.of("snap/b/p0"), storage().list("snap/", null, 10));
        assertArrayEquals(bytes("2"), storage().get("snap/b/p0").orElseThrow());
        assertTrue(storage().createIfAbsent("snap/a/p0", bytes("again")));
        assertArrayEquals(bytes("again"), storage().get("snap/a/p0").orElseThrow());
    }

    @Test
    default void removeFolder_stillHoldingNames_deletesNothing() {
        storage().createIfAbsent("snap/a/p0", bytes("0"));
        storage().createIfAbsent("snap/a/deeper/p1", bytes("1"));
        storage().removeFolder("snap/a/");
        storage().removeFolder("snap/a/deeper/");
        assertEquals(List.of("snap/a/deeper/p1", "snap/a/p0"), storage().list("snap/", null, 10));
    }

    @Test
    default void delete_thenCreateAgain_createsWithNewContent() {
        storage().createIfAbsent("k", bytes("old"));
        storage().delete("k");
        assertTrue(storage().createIfAbsent("k", bytes("new")));
        assertArrayEquals(bytes("new"), storage().get("k").orElseThrow());
    }

    @Test
    default void delete_nameThatOnlyPrefixesOtherNames_leavesThemAlone() {
        storage().createIfAbsent("a/c/d", bytes("x"));
        storage().delete("a/c");
        assertArrayEquals(bytes("x"), storage().get("a/c/d").orElseThrow());
    }

    // --- content ---

    @Test
    default void content_allByteValues_roundTrip() {
        byte[] all = new byte[512];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        assertTrue(storage().createIfAbsent("bytes", all));
        assertArrayEquals(all, storage().get("bytes").orElseThrow());
    }

    @Test
    default void content_emptyObject_roundTrips() {
        assertTrue(storage().createIfAbsent("empty", new byte[0]));
        assertArrayEquals(new byte[0], storage().get("empty").orElseThrow());
        assertEquals(List.of("empty"), storage().list("", null, 10));
        assertFalse(storage().createIfAbsent("empty", new byte[0]));
    }

    @Test
    default void content_fiveMegabytes_roundTrips() {
        byte[] big = new byte[5 * 1024 * 1024 + 7];
        new Random(42).nextBytes(big);
        assertTrue(storage().createIfAbsent("big", big));
        assertArrayEquals(big, storage().get("big").orElseThrow());
    }

    @Test
    default void createIfAbsent_callerMutatesArrayAfterwards_storedBytesUnchanged() {
        byte[] data = bytes("original");
        storage().createIfAbsent("k", data);
        data[0] = 'X';
        assertArrayEquals(bytes("original"), storage().get("k").orElseThrow());
    }

    @Test
    default void get_callerMutatesReturnedArray_storedBytesUnchanged() {
        storage().createIfAbsent("k", bytes("original"));
        byte[] got = storage().get("k").orElseThrow();
        Arrays.fill(got, (byte) 0);
        assertArrayEquals(bytes("original"), storage().get("k").orElseThrow());
    }

    // --- hostile names ---
}
