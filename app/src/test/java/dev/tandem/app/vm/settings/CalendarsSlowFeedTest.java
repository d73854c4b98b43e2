package dev.tandem.app.vm.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.feeds.FeedLimits;
import dev.tandem.app.feeds.TinyHttp;
import dev.tandem.app.fx.Async;
import dev.tandem.app.model.events.EventStore;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.testing.FakeDialogs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A feed whose server holds the line: while it is read (on a thread of its own, as in the window), the list's
 * commands go on; once it answers past the byte cap, its row says why it could not be read and the page is idle.
 */
@Tag("unit")
class CalendarsSlowFeedTest {
    private static final FeedLimits LIMITS = new FeedLimits(4096, 65_536, 4, 20_000, 50, 1_000, 1_000, 50_000, 2_000,
            Duration.ofSeconds(20));

    @TempDir
    Path tmp;

    @Test
    void addFeed_serverHoldsTheLine_listCommandsGoOn_thenTheHugeAnswerIsCouldNotRead() throws Exception {
        ExecutorService io = Executors.newCachedThreadPool();
        ExecutorService ui = Executors.newSingleThreadExecutor();
        CountDownLatch answer = new CountDownLatch(1);
        try (TinyHttp http = new TinyHttp(); EventStore store = EventStore.open(Optional.of(tmp.resolve("tandem.db")))) {
            http.on("/slow.ics", (r, out) -> {
                try {
                    answer.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                byte[] huge = "X".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
                TinyHttp.head(out, "200 OK", "Content-Length: " + huge.length);
                out.write(huge);
            });
            CalendarsViewModel vm = new CalendarsViewModel(store, LIMITS,
                    Clock.fixed(Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.UTC), a -> {
                        throw new AssertionError("no CalDAV here");
                    }, new Async(io, ui, e -> { }), new FakeDialogs(), () -> { },
                    new SettingsStore(tmp));
            Path file = Files.writeString(tmp.resolve("home.ics"), CalendarsViewModelTest.ics("Dinner"));
            onUi(ui, () -> {
                vm.addFile(file);
                return null;
            });
            waitUntil(ui, () -> !vm.busyProperty().get() && vm.rows().size() == 1);
            onUi(ui, () -> {
                vm.feedUrlProperty().set(http.url("/slow.ics"));
                vm.addFeed();
                return null;
            });
            waitUntil(ui, () -> vm.busyProperty().get() && store.subscription("slow").isPresent());
            // The feed is still being read: renaming another calendar is done meanwhile.
            onUi(ui, () -> {
                vm.rename("home", "Family");
                return null;
            });
            waitUntil(ui, () -> vm.rows().stream().anyMatch(r -> r.name().equals("Family")));
            assertTrue(onUi(ui, () -> vm.busyProperty().get()), "the slow feed was still being read");
            answer.countDown();
            waitUntil(ui, () -> !vm.busyProperty().get() && vm.rows().size() == 2
                    && vm.rows().stream().anyMatch(CalendarRow::failed));
            CalendarRow slow = onUi(ui, () -> vm.rows().stream().filter(r -> r.name().equals("slow")).findFirst()
                    .orElseThrow());
            assertTrue(slow.state().startsWith("Could not read: larger than"), slow.state());
            assertEquals(List.of("Family", "slow"), onUi(ui, () -> vm.rows().stream().map(CalendarRow::name).toList()));
        } finally {
            answer.countDown();
            io.shutdownNow();
            ui.shutdownNow();
        }
    }

    private static <T> T onUi(ExecutorService ui, Supplier<T> s) {
        return CompletableFuture.supplyAsync(s, ui).join();
    }

    /** Polls {@code condition} on the UI thread until it holds; fails after 10 s. */
    private static void waitUntil(ExecutorService ui, Supplier<Boolean> condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!onUi(ui, condition)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met in 10 s");
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1)); // a poll of the condition, not a wait for time
        }
    }
}
