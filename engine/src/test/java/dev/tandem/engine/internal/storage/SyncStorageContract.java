package dev.tandem.engine.internal.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.engine.testing.GeneratedBody;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every {@link SyncStorage} must do. Each backend's test extends this with a fresh, empty
 * store per test; sync relies on nothing beyond what is asserted here and in the cases this runs
 * as its own: {@link StoredObjectCases} (whole objects) and {@link StreamedObjectCases} (streamed ones).
 */
abstract class SyncStorageContract implements StoredObjectCases, StreamedObjectCases {
    /** Chosen so byte order differs from "natural" order: '-' < '.' < '/' < digits < upper < '_' < lower. */
    static final List<String> NAMES_IN_BYTE_ORDER = List.of(
            "9", "A", "Z", "_x", "a-b", "a.b", "a/b", "a/c-d", "a/c/d", "a0", "b", "z9");

    protected SyncStorage storage;

    @Override
    public SyncStorage storage() {
        return storage;
    }

    /** A fresh, empty store; closed after each test. */
    protected abstract SyncStorage newStorage() throws Exception;

    @BeforeEach
    void openStorage() throws Exception {
        storage = newStorage();
    }

    @AfterEach
    void closeStorage() {
        if (storage != null) {
            storage.close();
        }
    }

    // --- list ---

    @Test
    void list_emptyStore_returnsNothing() {
        assertEquals(List.of(), storage.list("", null, 1000));
    }

    @Test
    void list_namesWrittenInShuffledOrder_returnsAscendingByteOrder() {
        writeAllShuffled();
        List<String> listed = storage.list("", null, 1000);
        assertEquals(NAMES_IN_BYTE_ORDER, listed);
        List<String> byBytes = new ArrayList<>(listed);
        byBytes.sort((x, y) -> Arrays.compareUnsigned(utf8(x), utf8(y)));
        assertEquals(byBytes, listed);
    }

    @Test
    void list_prefixEndingInSlash_returnsOnlyNamesUnderIt() {
        writeAllShuffled();
        assertEquals(List.of("a/b", "a/c-d", "a/c/d"), storage.list("a/", null, 1000));
        assertEquals(List.of("a/c/d"), storage.list("a/c/", null, 1000));
    }

    @Test
    void list_prefixEndingMidSegment_matchesNamesByString() {
        writeAllShuffled();
        assertEquals(List.of("a-b", "a.b", "a/b", "a/c-d", "a/c/d", "a0"), storage.list("a", null, 1000));
        assertEquals(List.of("a/c-d", "a/c/d"), storage.list("a/c", null, 1000));
    }

    @Test
    void list_prefixWithNoNames_returnsNothing() {
        writeAllShuffled();
        assertEquals(List.of(), storage.list("nothing/", null, 1000));
        assertEquals(List.of(), storage.list("a/b/", null, 1000));
    }

    @Test
    void list_startAfterBeforePrefix_returnsWholePrefix() {
        writeAllShuffled();
        assertEquals(List.of("a/b", "a/c-d", "a/c/d"), storage.list("a/", "A", 1000));
        assertEquals(List.of("a/b", "a/c-d", "a/c/d"), storage.list("a/", "a.b", 1000));
    }

    @Test
    void list_startAfterEqualToPrefix_returnsWholePrefix() {
        writeAllShuffled();
        assertEquals(List.of("a/b", "a/c-d", "a/c/d"), storage.list("a/", "a/", 1000));
    }

    @Test
    void list_startAfterExistingNameInsidePrefix_returnsNamesStrictlyAfterIt() {
        writeAllShuffled();
        assertEquals(List.of("a/c-d", "a/c/d"), storage.list("a/", "a/b", 1000));
        assertEquals(List.of("a/c/d"), storage.list("a/", "a/c-d", 1000));
        assertEquals(List.of(), storage.list("a/", "a/c/d", 1000));
    }

    @Test
    void list_startAfterMissingNameInsidePrefix_returnsNamesAfterIt() {
        writeAllShuffled();
        assertEquals(List.of("a/c-d", "a/c/d"), storage.list("a/", "a/bz", 1000));
        assertEquals(List.of("a/c/d"), storage.list("a/", "a/c.", 1000));
    }

    @Test
    void list_startAfterPastPrefix_returnsNothing() {
        writeAllShuffled();
        assertEquals(List.of(), storage.list("a/", "a0", 1000));
        assertEquals(List.of(), storage.list("a/", "zzz", 1000));
    }

    @Test
    void list_startAfterWithoutPrefix_returnsNamesStrictlyAfter() {
        writeAllShuffled();
        assertEquals(List.of("a0", "b", "z9"), storage.list("", "a/c/d", 1000));
        assertEquals(NAMES_IN_BYTE_ORDER, storage.list("", "", 1000));
    }

    @Test
    void list_maxNames_returnsFirstNamesOnly() {
        writeAllShuffled();
        assertEquals(List.of("9"), storage.list("", null, 1));
        assertEquals(List.of("9", "A", "Z"), storage.list("", null, 3));
        assertEquals(List.of("a/b", "a/c-d"), storage.list("a/", null, 2));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 11, 12, 1000})
    void list_pagingWithStartAfter_visitsEveryNameOnceInOrder(int pageSize) {
        writeAllShuffled();
        assertEquals(NAMES_IN_BYTE_ORDER, pageThrough("", pageSize));
        assertEquals(List.of("a-b", "a.b", "a/b", "a/c-d", "a/c/d", "a0"), pageThrough("a", pageSize));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void list_maxNamesBelowOne_isRejected(int maxNames) {
        assertThrows(IllegalArgumentException.class, () -> storage.list("", null, maxNames));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../", "/", ".x/", "a//", "a/../b/", "x y/"})
    void list_invalidPrefix_throwsSyncException(String prefix) {
        assertThrows(SyncException.class, () -> storage.list(prefix, null, 10));
    }

    // --- racing writers ---

    @Test
    void createIfAbsent_concurrentWritersOnOneName_exactlyOneWins() throws Exception {
        for (int round = 0; round < 3; round++) {
            String name = "race/" + round;
            List<Integer> winners = race(name, 8, false);
            assertEquals(1, winners.size(), "round " + round + ": winners " + winners);
            assertArrayEquals(bytes("writer " + winners.get(0)), storage.get(name).orElseThrow(),
                    "round " + round + ": the stored object is the winner's");
        }
    }

    /**
     * What a server that checks and then writes without a lock gives racing writers (pinned by
     * those backends in place of the test above): somebody created the name, the object stored is
     * one told it won, and a later write is refused. A racing writer may also be answered with a
     * server error a retry could help with (moto answers some with 500): it was not told it won,
     * and the sync that made it tries again.
     */
    void assertRaceHasAWinnerAndLaterWritesAreRefused() throws Exception {
        for (int round = 0; round < 3; round++) {
            String name = "race/" + round;
            List<Integer> winners = race(name, 8, true);
            assertFalse(winners.isEmpty(), "round " + round + ": somebody must create it");
            byte[] stored = storage.get(name).orElseThrow();
            assertTrue(winners.stream().anyMatch(w -> Arrays.equals(bytes("writer " + w), stored)),
                    "round " + round + ": the stored object is one told it won, never a loser's " + winners);
            assertFalse(storage.createIfAbsent(name, bytes("late")), "round " + round + ": a later write is refused");
            assertArrayEquals(stored, storage.get(name).orElseThrow());
        }
    }

    /**
     * {@code writers} threads create {@code name} at once, each with "writer N"; the N told they
     * created it. With {@code serverErrorsLose}, a writer refused with a retryable error counts as
     * not having won; any other failure fails the test.
     */
    List<Integer> race(String name, int writers, boolean serverErrorsLose) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                byte[] mine = bytes("writer " + w);
                Callable<Boolean> write = () -> {
                    start.await();
                    return storage.createIfAbsent(name, mine);
                };
                results.add(pool.submit(write));
            }
            start.countDown();
            List<Integer> winners = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                try {
                    if (results.get(w).get(60, TimeUnit.SECONDS)) {
                        winners.add(w);
                    }
                } catch (ExecutionException e) {
                    if (!(serverErrorsLose && e.getCause() instanceof SyncException s && s.retryable())) {
                        throw e;
                    }
                }
            }
            return winners;
        } finally {
            pool.shutdownNow();
        }
    }


    static Stream<Arguments> invalidNames() {
        return Stream.of("../x", "a/../b", "..", "a//b", ".hidden", "a/.hidden", "x; DROP TABLE item", "/abs",
                "/etc/passwd", "C:\\Windows\\win.ini", "a\\b", "", "a/", "key with space", "nul\u0000byte",
                "new\nline", "caf\u00e9", "a..b", "x".repeat(600), "name.sync-conflict-20240101-120000-ABCDEFG",
                "name (Alice's conflicted copy 2024-01-01)", null).map(k -> Arguments.of(k));
    }

    @ParameterizedTest
    @MethodSource("invalidNames")
    void invalidName_everyOperation_throwsSyncExceptionAndWritesNothing(String name) {
        assertThrows(SyncException.class, () -> storage.get(name), "get");
        assertThrows(SyncException.class, () -> storage.createIfAbsent(name, bytes("evil")), "createIfAbsent");
        assertThrows(SyncException.class, () -> storage.delete(name), "delete");
        GeneratedBody body = GeneratedBody.of(10, 11);
        assertThrows(SyncException.class, () -> storage.createIfAbsent(name, body), "createIfAbsent streamed");
        assertThrows(SyncException.class, () -> storage.open(name), "open");
        assertThrows(SyncException.class, () -> storage.size(name), "size");
        assertEquals(0, body.opened(), "nothing read for a name that is refused");
        assertEquals(List.of(), storage.list("", null, 10));
    }

    @Test
    void invalidName_message_showsTheName() {
        SyncException e = assertThrows(SyncException.class, () -> storage.createIfAbsent("../escape", bytes("x")));
        assertTrue(e.getMessage().contains("../escape"), e.getMessage());
    }

    @Test
    void describe_isNotEmpty() {
        assertNotNull(storage.describe());
        assertFalse(storage.describe().isBlank());
    }

    // --- the phone page's files ---

    @Test
    void publishPage_newThenAgain_storesTheBytesAsTheyAreAndReplacesThem() {
        String name = "page/sync/src/app.js";
        storage.publishPage(name, bytes("export const a = 1;\n"), "text/javascript; charset=utf-8");
        assertArrayEquals(bytes("export const a = 1;\n"), plain().get(name).orElseThrow(), "not written as it is");
        storage.publishPage(name, bytes("export const a = 22;\n"), "text/javascript; charset=utf-8");
        assertArrayEquals(bytes("export const a = 22;\n"), plain().get(name).orElseThrow());
        assertEquals(List.of(name), plain().list("page/", null, 10));
        assertEquals(List.of(), plain().list("heads/", null, 10));
    }

    @ParameterizedTest
    @ValueSource(strings = {"heads/d/000000000001", "changed", "encryption", "page", "pages/x.js", "page/.x.js", "page/../a"})
    void publishPage_nameOutsideThePage_isRefusedAndWritesNothing(String name) {
        assertThrows(SyncException.class, () -> storage.publishPage(name, bytes("x"), "text/plain"));
        assertEquals(List.of(), plain().list("", null, 10));
    }

    // --- helpers ---

    /**
     * The store as a browser reads it, under any encryption the test adds: the page's files are
     * written as they are, so only this view reads them back.
     */
    protected SyncStorage plain() {
        return storage;
    }

    void writeAllShuffled() {
        List<String> shuffled = new ArrayList<>(NAMES_IN_BYTE_ORDER);
        Collections.shuffle(shuffled, new Random(7));
        for (String name : shuffled) {
            assertTrue(storage.createIfAbsent(name, bytes("value of " + name)), name);
        }
    }

    List<String> pageThrough(String prefix, int pageSize) {
        List<String> all = new ArrayList<>();
        String after = null;
        while (true) {
            List<String> page = storage.list(prefix, after, pageSize);
            assertTrue(page.size() <= pageSize, "page larger than maxNames: " + page);
            if (page.isEmpty()) {
                return all;
            }
            all.addAll(page);
            after = page.get(page.size() - 1);
        }
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] utf8(String s) {
        return bytes(s);
    }
}
