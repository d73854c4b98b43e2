package dev.tandem.engine.internal.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.engine.testing.GeneratedBody;
import dev.tandem.engine.testing.HeapWatch;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * The storage contract's streamed objects ({@code createIfAbsent} with an {@code ObjectBody},
 * {@code open}, {@code size}): the cases every backend runs through {@link SyncStorageContract},
 * and the helpers its backend tests share (the bounded-memory check one backend of each kind runs,
 * nothing stored, an object read back through {@code open}).
 */
interface StreamedObjectCases {
    /** The storage under test, fresh for each test. */
    SyncStorage storage();

    /** Several MiB: more than any socket or copy buffer, so each call really streams. */
    int STREAMED_BYTES = (3 << 20) + 5;
    /** A failing body's size: past the buffers, so the write is midway when the body fails. */
    int FAILING_BYTES = (1 << 20) + 3;

    @Test
    default void createIfAbsentStreamed_multiMegabyteBody_roundTripsByteForByteThroughOpenAndSize() throws IOException {
        GeneratedBody body = GeneratedBody.of(STREAMED_BYTES, 1);
        assertTrue(storage().createIfAbsent("blobs/ab/big", body));
        assertEquals(OptionalLong.of(STREAMED_BYTES), storage().size("blobs/ab/big"));
        assertArrayEquals(body.bytes(), readAll("blobs/ab/big"));
        assertEquals(List.of("blobs/ab/big"), storage().list("blobs/", null, 10));
        assertEquals(body.opened(), body.closed(), "every stream the storage opened on the body is closed");
    }

    @Test
    default void createIfAbsentStreamed_emptyBody_roundTrips() throws IOException {
        assertTrue(storage().createIfAbsent("empty", GeneratedBody.of(0, 2)));
        assertEquals(OptionalLong.of(0), storage().size("empty"));
        assertArrayEquals(new byte[0], readAll("empty"));
        assertArrayEquals(new byte[0], storage().get("empty").orElseThrow());
    }

    @Test
    default void createIfAbsentStreamed_takenName_returnsFalseAndKeepsTheFirstObject() throws IOException {
        GeneratedBody first = GeneratedBody.of(FAILING_BYTES, 3);
        assertTrue(storage().createIfAbsent("k", first));
        assertFalse(storage().createIfAbsent("k", GeneratedBody.of(FAILING_BYTES, 4)), "taken by a streamed write");
        assertFalse(storage().createIfAbsent("k", SyncStorageContract.bytes("plain")), "the byte[] form sees it taken too");
        assertTrue(storage().createIfAbsent("p", SyncStorageContract.bytes("plain")));
        assertFalse(storage().createIfAbsent("p", GeneratedBody.of(1000, 5)), "the streamed form sees a byte[] write");
        assertArrayEquals(first.bytes(), readAll("k"));
        assertArrayEquals(SyncStorageContract.bytes("plain"), readAll("p"));
        assertEquals(List.of("k", "p"), storage().list("", null, 10));
    }

    @Test
    default void createIfAbsentStreamed_bodyShorterThanDeclared_failsAndStoresNothing() {
        GeneratedBody shorter = GeneratedBody.of(FAILING_BYTES, 6).declaring(FAILING_BYTES + 1);
        SyncException e = assertThrows(SyncException.class, () -> storage().createIfAbsent("blobs/short", shorter));
        assertEquals(SyncException.Reason.IO, e.reason(), e.getMessage());
        assertNothingStored("blobs/short");
        assertEquals(shorter.opened(), shorter.closed());
    }

    @Test
    default void createIfAbsentStreamed_bodyLongerThanDeclared_failsAndStoresNothing() {
        GeneratedBody longer = GeneratedBody.of(FAILING_BYTES, 7).declaring(FAILING_BYTES - 1);
        SyncException e = assertThrows(SyncException.class, () -> storage().createIfAbsent("blobs/long", longer));
        assertEquals(SyncException.Reason.IO, e.reason(), e.getMessage());
        assertNothingStored("blobs/long");
        assertEquals(longer.opened(), longer.closed());
    }

    @Test
    default void createIfAbsentStreamed_bodyThrowsMidStream_failsAndStoresNothing() {
        GeneratedBody failing = GeneratedBody.of(FAILING_BYTES, 8).failingAfter(FAILING_BYTES / 2);
        SyncException e = assertThrows(SyncException.class, () -> storage().createIfAbsent("blobs/cut", failing));
        assertEquals(SyncException.Reason.IO, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains("went away"), "says what the body did: " + e.getMessage());
        assertNothingStored("blobs/cut");
        assertEquals(failing.opened(), failing.closed());
    }

    @Test
    default void createIfAbsentStreamed_bodyThrowsItsOwnSyncException_failsWithItsReasonAndStoresNothing() {
        SyncException damaged = new SyncException(SyncException.Reason.CORRUPT, "the local copy is damaged");
        GeneratedBody failing = GeneratedBody.of(FAILING_BYTES, 14).failingAfter(FAILING_BYTES / 2, damaged);
        SyncException e = assertThrows(SyncException.class, () -> storage().createIfAbsent("blobs/bad", failing));
        assertEquals(SyncException.Reason.CORRUPT, e.reason(), e.getMessage());
        assertTrue(e.getMessage().contains("damaged"), e.getMessage());
        assertNothingStored("blobs/bad");
    }

    @Test
    default void open_closedBeforeTheEnd_closesWithoutErrorAndLaterCallsWork() throws IOException {
        GeneratedBody body = GeneratedBody.of(STREAMED_BYTES, 13);
        storage().createIfAbsent("big", body);
        for (int i = 0; i < 3; i++) {
            try (InputStream in = storage().open("big").orElseThrow()) {
                assertEquals(1000, in.readNBytes(1000).length);
            }
        }
        assertEquals(OptionalLong.of(STREAMED_BYTES), storage().size("big"));
        assertArrayEquals(body.bytes(), readAll("big"));
    }

    @Test
    default void openAndSize_missingName_areEmpty() {
        assertTrue(storage().open("missing").isEmpty());
        assertTrue(storage().size("missing").isEmpty());
        assertTrue(storage().open("missing/deeper/key").isEmpty());
        assertTrue(storage().size("missing/deeper/key").isEmpty());
        storage().createIfAbsent("a/c/d", SyncStorageContract.bytes("x"));
        assertTrue(storage().open("a/c").isEmpty(), "a name that only prefixes others is no object");
        assertTrue(storage().size("a/c").isEmpty());
        assertTrue(storage().size("a").isEmpty());
    }

    @Test
    default void streamedAndByteArrayForms_readEachOthersObjects() throws IOException {
        GeneratedBody streamed = GeneratedBody.of(100_003, 9);
        byte[] plain = GeneratedBody.of(70_001, 10).bytes();
        assertTrue(storage().createIfAbsent("s/streamed", streamed));
        assertTrue(storage().createIfAbsent("s/plain", plain));
        assertArrayEquals(streamed.bytes(), storage().get("s/streamed").orElseThrow());
        assertArrayEquals(plain, readAll("s/plain"));
        assertEquals(OptionalLong.of(plain.length), storage().size("s/plain"));
        assertEquals(OptionalLong.of(100_003), storage().size("s/streamed"));
        assertEquals(List.of("s/plain", "s/streamed"), storage().list("s/", null, 10));
    }

    /**
     * Streams a 256 MiB generated object up and down, checks it by hash, and that the live heap
     * stayed far below its size all the while. Not a contract test of its own, as it takes seconds:
     * one backend of each kind (folder, S3, WebDAV) calls it. {@link HeapWatch} samples the heap
     * after a full collection every 64 MiB the body gives and every 64 MiB read back, so a layer
     * that held the object, whole or growing, is caught at the next sample whatever the collector
     * did; a quarter of the object's size leaves ample room for buffers and the client's own state.
     */
    default void assertLargeObjectStreamsInBoundedMemory() throws IOException {
        long size = 256L << 20;
        long step = 64L << 20;
        HeapWatch heap = new HeapWatch();
        GeneratedBody body = GeneratedBody.of(size, 12).onEvery(step, heap::sample);
        assertTrue(storage().createIfAbsent("blobs/huge", body));
        int uploadSamples = heap.samples();
        assertEquals(OptionalLong.of(size), storage().size("blobs/huge"));
        MessageDigest sha = GeneratedBody.newSha256();
        long read = 0;
        long nextSample = step;
        byte[] buf = new byte[64 << 10];
        try (InputStream in = storage().open("blobs/huge").orElseThrow()) {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                sha.update(buf, 0, n);
                read += n;
                if (read >= nextSample) {
                    heap.sample();
                    nextSample += step;
                }
            }
        }
        assertEquals(size, read);
        assertArrayEquals(body.sha256(), sha.digest(), "the object read back is the one written");
        assertTrue(uploadSamples >= 4 && heap.samples() >= uploadSamples + 4, "sampled up and down: " + heap.samples());
        assertTrue(heap.peakAboveBaseline() < size / 4, "live heap grew by " + (heap.peakAboveBaseline() >> 20)
                + " MiB while streaming a " + (size >> 20) + " MiB object");
        assertEquals(body.opened(), body.closed());
    }

    /** No trace of {@code name}: not listed, and get, open and size find nothing. */
    default void assertNothingStored(String name) {
        assertEquals(List.of(), storage().list("", null, 100), "nothing listed");
        assertTrue(storage().get(name).isEmpty(), "get");
        assertTrue(storage().open(name).isEmpty(), "open");
        assertTrue(storage().size(name).isEmpty(), "size");
    }

    /** The object as open() streams it. */
    default byte[] readAll(String name) throws IOException {
        try (InputStream in = storage().open(name).orElseThrow()) {
            return in.readAllBytes();
        }
    }
}
