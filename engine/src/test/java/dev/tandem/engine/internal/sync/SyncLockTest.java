package dev.tandem.engine.internal.sync;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tandem.engine.Db;
import dev.tandem.engine.internal.SyncPort;
import dev.tandem.engine.testing.Await;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lock that keeps one database's syncs apart, within one JVM. */
@Tag("unit")
class SyncLockTest {
    @TempDir
    Path dir;

    /**
     * A sync that got the lock after another let it go must keep other syncs waiting even when the
     * first one's objects are collected: before, the lock's weak entry went with them, and a third
     * sync made a second lock and met the file lock (OverlappingFileLockException).
     */
    @Test
    void acquire_afterTheFirstHolderIsCollected_stillExcludes() throws Exception {
        try (Db db = Db.open(dir.resolve("a.db"))) {
            SyncPort port = SyncPort.of(db);
            SyncLock first = SyncLock.acquire(port, w -> { });
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
                try (SyncLock held = SyncLock.acquire(port, w -> { })) {
                    holding.countDown();
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Await.quietFor(Duration.ofMillis(100), "the second sync is waiting for the lock when the first lets go");
            first.close();
            WeakReference<SyncLock> collected = new WeakReference<>(first);
            first = null;
            assertTrue(holding.await(5, TimeUnit.SECONDS));
            Await.until("the first holder collected", () -> {
                System.gc();
                return collected.get() == null;
            });
            CompletableFuture<Void> third = CompletableFuture.runAsync(() -> SyncLock.acquire(port, w -> { }).close());
            try {
                third.get(300, TimeUnit.MILLISECONDS);
                fail("a third sync got the lock while the second held it");
            } catch (TimeoutException expected) {
                // it waits, as it must
            } catch (ExecutionException e) {
                throw new AssertionError("the third sync failed instead of waiting", e.getCause());
            }
            release.countDown();
            second.get(5, TimeUnit.SECONDS);
            third.get(5, TimeUnit.SECONDS);
        }
    }
}
