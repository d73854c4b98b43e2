package dev.tandem.app.vm.attachment;


import dev.tandem.app.fx.Async;
import dev.tandem.app.model.AttachmentStore;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.sync.AttachmentFetcher;
import dev.tandem.app.testing.FakeDialogs;
import dev.tandem.app.testing.TestUi;
import dev.tandem.app.vm.shared.UndoManager;
import dev.tandem.engine.sync.SyncEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the AttachmentsViewModel tests share: a device's profile (store, attachments, fetcher) in a
 * temporary folder, syncing through a folder engine if asked, a view model over it with fake dialogs,
 * a test UI and undo, and files of a given size.
 */
abstract class AttachmentsViewModelFixture {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-12T14:03:22Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    final TestUi ui = new TestUi();
    final ExecutorService io = Executors.newSingleThreadExecutor();
    final Async async = new Async(io, ui, e -> {
        throw new AssertionError(e);
    });
    final FakeDialogs dialogs = new FakeDialogs();
    final UndoManager undo = new UndoManager(async);
    final List<String> opened = new CopyOnWriteArrayList<>();
    final List<AutoCloseable> toClose = new ArrayList<>();
    long limit = 1_000_000;

    /** One device's profile: its store, attachments and fetcher (syncing through {@code engine}, if any). */
    record Profile(TodoStore store, AttachmentStore attachments, AttachmentFetcher fetcher) {
    }

    Profile profile(String name, SyncEngine engine) throws IOException {
        Files.createDirectories(tmp.resolve(name));
        TodoStore store = new TodoStore(Schema.database(tmp.resolve(name).resolve("tandem.db")).build(), CLOCK);
        AttachmentFetcher fetcher = new AttachmentFetcher(store, () -> Optional.ofNullable(engine),
                Executors.newSingleThreadExecutor());
        toClose.add(0, store);
        toClose.add(0, fetcher);
        return new Profile(store, store.attachments(), fetcher);
    }

    AttachmentsViewModel vm(Profile p) {
        return new AttachmentsViewModel(p.attachments(), p.fetcher(), () -> limit, async, dialogs, undo, opened::add,
                CLOCK);
    }

    SyncEngine folderEngine() throws IOException {
        Files.createDirectories(tmp.resolve("remote"));
        SyncEngine e = SyncEngine.builder().folder(tmp.resolve("remote")).build();
        toClose.add(0, e);
        return e;
    }

    @AfterEach
    void close() throws Exception {
        ui.flush();
        io.shutdownNow();
        for (AutoCloseable c : toClose) {
            c.close();
        }
        ui.close();
    }

    Path file(String name, int bytes) throws IOException {
        Path f = tmp.resolve("files").resolve(name);
        Files.createDirectories(f.getParent());
        byte[] b = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            b[i] = (byte) (i * 31 + name.length());
        }
        return Files.write(f, b);
    }

    static long filesIn(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).count();
        }
    }
}
