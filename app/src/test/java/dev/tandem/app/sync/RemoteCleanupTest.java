package dev.tandem.app.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Attachment;
import dev.tandem.app.model.AttachmentStore;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoStore;
import dev.tandem.engine.sync.BlobSweep;
import dev.tandem.engine.sync.SyncEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Clean up the remote" over a real folder remote: nothing without sync, and a file still in history stays. */
@Tag("unit")
class RemoteCleanupTest {
    @TempDir
    Path tmp;

    @Test
    void preview_syncOff_isEmpty() throws Exception {
        Files.createDirectories(tmp.resolve("a"));
        try (TodoStore store = new TodoStore(Schema.database(tmp.resolve("a/tandem.db")).build(), Clock.systemUTC())) {
            assertTrue(new RemoteCleanup(store.replica(), Optional::empty).preview().isEmpty());
        }
    }

    @Test
    void previewAndClean_removedAttachmentStillInHistory_keepTheFile() throws Exception {
        Files.createDirectories(tmp.resolve("a"));
        Files.createDirectories(tmp.resolve("remote"));
        try (TodoStore store = new TodoStore(Schema.database(tmp.resolve("a/tandem.db")).build(), Clock.systemUTC());
             SyncEngine engine = SyncEngine.builder().folder(tmp.resolve("remote")).build()) {
            AttachmentStore attachments = store.attachments();
            Item it = store.add("Taxes", null, null);
            Attachment a = attachments.add(it.id(), Files.write(tmp.resolve("r.pdf"), new byte[5_000]), 1_000_000);
            store.replica().sync(engine);
            attachments.remove(a.id());
            store.replica().sync(engine);
            RemoteCleanup cleanup = new RemoteCleanup(store.replica(), () -> Optional.of(engine));

            BlobSweep preview = cleanup.preview().orElseThrow();
            BlobSweep cleaned = cleanup.clean().orElseThrow();

            assertEquals(0, preview.unreferenced(), "history still names it: an older version shows it");
            assertEquals(0, cleaned.deleted());
            assertTrue(store.replica().fetch(engine.blobs(), a.blob(), Long.MAX_VALUE) != null);
        }
    }
}
