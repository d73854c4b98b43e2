package dev.tandem.app.vm.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.fx.Async;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.sync.PagePublisher;
import dev.tandem.ui.PageBundle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Publish the page to my storage", without a toolkit: a folder remote, work queued as the FX thread would. */
@Tag("unit")
class PagePublishViewModelTest {
    @TempDir
    Path tmp;

    private final List<Runnable> io = new ArrayList<>();
    private final Executor queued = io::add;
    private final Async async = new Async(queued, Runnable::run, e -> {
        throw new AssertionError(e);
    });
    private static final PagePublisher PAGE = new PagePublisher(List.of(
            new PageBundle.File("index.html", "text/html; charset=utf-8", "<!doctype html>".getBytes(StandardCharsets.UTF_8)),
            new PageBundle.File("app.js", "text/javascript; charset=utf-8", "export {};".getBytes(StandardCharsets.UTF_8))));

    private void runIo() {
        while (!io.isEmpty()) {
            io.remove(0).run();
        }
    }

    @Test
    void publish_folderRemote_busyUntilDoneThenSaysWhatAndWhere_secondWritesNothing() throws Exception {
        Path remote = Files.createDirectories(tmp.resolve("remote"));
        PagePublishViewModel vm = new PagePublishViewModel(SyncSettings.folder(remote, 60), PAGE, async);
        assertTrue(vm.available());
        vm.publish();
        assertTrue(vm.busyProperty().get(), "the work waits for the background thread");
        assertEquals("Publishing the page…", vm.statusProperty().get());
        assertFalse(Files.exists(remote.resolve("page/index.html")), "nothing written on the FX thread");
        runIo();
        assertFalse(vm.busyProperty().get());
        assertFalse(vm.failedProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("Published: 2 files written, 0 kept unchanged."),
                vm.statusProperty().get());
        assertTrue(vm.statusProperty().get().contains(remote.resolve("page/index.html").toString()));
        assertTrue(Files.exists(remote.resolve("page/app.js")));
        vm.publish();
        runIo();
        assertTrue(vm.statusProperty().get().startsWith("Published: 0 files written, 2 kept unchanged."),
                vm.statusProperty().get());
    }

    @Test
    void publish_remoteFolderIsAFile_failsSayingWhyAndStaysUntilTheNextTry() throws Exception {
        Path notAFolder = Files.writeString(tmp.resolve("remote"), "a file");
        PagePublishViewModel vm = new PagePublishViewModel(SyncSettings.folder(notAFolder, 60), PAGE, async);
        vm.publish();
        runIo();
        assertFalse(vm.busyProperty().get());
        assertTrue(vm.failedProperty().get());
        assertTrue(vm.statusProperty().get().startsWith("The page could not be published: "), vm.statusProperty().get());
        assertEquals("a file", Files.readString(notAFolder), "nothing written over it");
    }

    @Test
    void available_noRemoteOrNoPage_isFalseAndPublishDoesNothing() {
        PagePublishViewModel none = new PagePublishViewModel(SyncSettings.none(), PAGE, async);
        assertFalse(none.available());
        none.publish();
        assertTrue(io.isEmpty());
        assertEquals("", none.statusProperty().get());
        assertFalse(new PagePublishViewModel(SyncSettings.folder(tmp, 60), new PagePublisher(List.of()), async).available());
    }
}
