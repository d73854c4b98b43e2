package dev.tandem.app.sync;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The attachment fetcher once its profile closes: a fetch asked then fails its future, never its caller. */
@Tag("unit")
class AttachmentFetcherTest {
    @TempDir
    Path dir;

    @Test
    void fetch_afterClose_failsTheFutureInsteadOfThrowing() throws Exception {
        try (TodoStore store = new TodoStore(Schema.database(dir.resolve("tandem.db")).build(), Clock.systemUTC())) {
            AttachmentFetcher fetcher = new AttachmentFetcher(store, Optional::empty, Executors.newSingleThreadExecutor());
            fetcher.close();
            // An image in a note asks for its bytes as the window closes (a UI callback, where a throw escapes).
            CompletableFuture<AttachmentFetcher.Status> f = fetcher.fetch("a".repeat(64));
            assertTrue(f.isDone(), "a closed fetcher starts nothing");
            ExecutionException e = assertThrows(ExecutionException.class, f::get);
            assertInstanceOf(RejectedExecutionException.class, e.getCause());
        }
    }
}
