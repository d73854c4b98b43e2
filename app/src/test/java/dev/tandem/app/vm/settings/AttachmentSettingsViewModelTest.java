package dev.tandem.app.vm.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Attachment;
import dev.tandem.app.model.AttachmentStore;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.settings.AttachmentSettings;
import dev.tandem.app.sync.AttachmentFetcher;
import dev.tandem.app.testing.FakeDialogs;
import dev.tandem.app.testing.TestUi;
import dev.tandem.engine.sync.BlobSweep;
import dev.tandem.engine.sync.SyncEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Settings' "Attachments": choices saved as made, "Free up space" saying what it freed, and "Clean up the
 * remote" counting first and deleting only once confirmed.
 */
@Tag("unit")
class AttachmentSettingsViewModelTest {
    @TempDir
    Path tmp;

    private final TestUi ui = new TestUi();
    private final ExecutorService io = Executors.newSingleThreadExecutor();
    private final Async async = new Async(io, ui, e -> {
        throw new AssertionError(e);
    });
    private final FakeDialogs dialogs = new FakeDialogs();
    private final List<AttachmentSettings> saved = new CopyOnWriteArrayList<>();
    /** Each sweep asked for: false to count, true to delete. */
    private final List<Boolean> sweeps = new CopyOnWriteArrayList<>();
    private Optional<BlobSweep> found = Optional.of(new BlobSweep(3, 3_000, 2, 2_000, 0, 0));
    private TodoStore store;
    private AttachmentFetcher fetcher;
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeEach
    void open() throws Exception {
        Files.createDirectories(tmp.resolve("a"));
        store = new TodoStore(Schema.database(tmp.resolve("a").resolve("tandem.db")).build(), Clock.systemUTC());
        toClose.add(store);
    }

    @AfterEach
    void close() throws Exception {
        ui.flush();
        io.shutdownNow();
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        ui.close();
    }

    private AttachmentSettingsViewModel vm(SyncEngine engine) {
        fetcher = new AttachmentFetcher(store, () -> Optional.ofNullable(engine), Executors.newSingleThreadExecutor());
        toClose.add(fetcher);
        return ui.get(() -> new AttachmentSettingsViewModel(AttachmentSettings::defaults, saved::add, fetcher, () -> {
            sweeps.add(false);
            return found;
        }, () -> {
            sweeps.add(true);
            return found.map(s -> new BlobSweep(s.unreferenced(), s.unreferencedBytes(), s.deletable(), s.deletableBytes(),
                    s.deletable(), s.deletableBytes()));
        }, async, dialogs));
    }

    @Test
    void opened_showsTheChoicesInForce_andSavesNothing() {
        AttachmentSettingsViewModel vm = vm(null);
        ui.await(() -> !ui.get(vm::usageProperty).get().isEmpty());
        assertEquals(100, ui.get(() -> vm.limitMbProperty().get()));
        assertFalse(ui.get(() -> vm.keepAllProperty().get()));
        assertEquals(1000, ui.get(() -> vm.cacheLimitMbProperty().get()));
        assertEquals("Attachments on this device take 0 bytes.", ui.get(vm::usageProperty).get());
        assertTrue(saved.isEmpty());
    }

    @Test
    void limitAndKeepAll_changed_areSavedAsMade() {
        AttachmentSettingsViewModel vm = vm(null);
        ui.execute(() -> vm.limitMbProperty().set(250));
        ui.await(() -> saved.size() == 1);
        assertEquals(250_000_000L, saved.get(0).limit());

        ui.execute(() -> vm.keepAllProperty().set(true));
        ui.await(() -> saved.size() == 2);
        assertEquals(new AttachmentSettings(250_000_000L, true, AttachmentSettings.DEFAULT_CACHE_LIMIT), saved.get(1));
        ui.await(() -> ui.get(vm::messageProperty).get().startsWith("Saved. Every attachment is downloaded"));
    }

    @Test
    void freeUp_copiesTheRemoteHolds_removesThemAndSaysHowMuch() throws Exception {
        Files.createDirectories(tmp.resolve("remote"));
        SyncEngine engine = SyncEngine.builder().folder(tmp.resolve("remote")).build();
        toClose.add(engine);
        AttachmentStore attachments = store.attachments();
        Item it = store.add("Taxes", null, null);
        Attachment a = attachments.add(it.id(), Files.write(tmp.resolve("return.pdf"), new byte[12_000]), 1_000_000);
        store.replica().sync(engine);
        AttachmentSettingsViewModel vm = vm(engine);

        ui.execute(vm::freeUp);
        ui.await(() -> !ui.get(vm::busyProperty).get() && !ui.get(vm::messageProperty).get().isEmpty());

        assertEquals("Freed 12 KB. Those files download again when shown.", ui.get(vm::messageProperty).get());
        assertFalse(attachments.file(a).isPresent());
        ui.await(() -> ui.get(vm::usageProperty).get().equals("Attachments on this device take 0 bytes."));
    }

    @Test
    void checkRemote_countsWithoutDeleting() {
        AttachmentSettingsViewModel vm = vm(null);
        ui.execute(vm::checkRemote);
        ui.await(() -> ui.get(() -> vm.deletableProperty().get()) == 2);

        assertEquals(List.of(false), sweeps, "only counted");
        String said = ui.get(vm::remoteProperty).get();
        assertTrue(said.startsWith("3 files (3 KB) on the remote are no longer used by any item, version or the Trash."), said);
        assertTrue(said.contains("2 files (2 KB) can be deleted now"), said);
    }

    @Test
    void cleanUp_notConfirmed_deletesNothing_confirmed_deletesAndSaysWhat() {
        AttachmentSettingsViewModel vm = vm(null);
        ui.execute(vm::checkRemote);
        ui.await(() -> ui.get(() -> vm.deletableProperty().get()) == 2);

        dialogs.confirmAnswer = false;
        ui.execute(vm::cleanUp);
        ui.flush();
        assertEquals(List.of(false), sweeps);
        assertEquals(List.of("Delete 2 files (2 KB) from the remote? No item, version or the Trash uses them, and every"
                + " device has synced since. This cannot be undone."), dialogs.confirmMessages);
        assertEquals(List.of("confirm destructive: Delete from the remote?"), dialogs.asked);

        dialogs.confirmAnswer = true;
        ui.execute(vm::cleanUp);
        ui.await(() -> ui.get(vm::messageProperty).get().startsWith("Deleted"));
        assertEquals(List.of(false, true), sweeps);
        assertEquals("Deleted 2 files (2 KB) from the remote.", ui.get(vm::messageProperty).get());
        assertEquals(0, ui.get(() -> vm.deletableProperty().get()));
    }

    @Test
    void checkRemote_syncOff_saysThereIsNoRemote() {
        found = Optional.empty();
        AttachmentSettingsViewModel vm = vm(null);
        ui.execute(vm::checkRemote);
        ui.await(() -> ui.get(vm::remoteProperty).get().startsWith("Sync is off"));
        assertEquals(0, ui.get(() -> vm.deletableProperty().get()));
    }
}
