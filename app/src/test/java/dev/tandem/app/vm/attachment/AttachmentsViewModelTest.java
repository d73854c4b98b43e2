package dev.tandem.app.vm.attachment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Attachment;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.OpenCopies;
import dev.tandem.app.model.Schema;
import dev.tandem.app.vm.editor.EditorViewModel;
import dev.tandem.engine.sync.SyncEngine;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The editor's attachments without a toolkit: attaching under the limit (and refusing over it, saying
 * the limit), pasted images as PNG with their Markdown, undo, opening, and what an inline image shows
 * when its bytes are here, not on the remote, nowhere to fetch from, or damaged on the remote.
 */
@Tag("unit")
class AttachmentsViewModelTest extends AttachmentsViewModelFixture {
    @Test
    void attach_fileOverTheLimit_isRefusedSayingTheLimitAndNothingIsKept() throws Exception {
        Profile p = profile("a", null);
        Item it = p.store().add("Receipts", null, null);
        AttachmentsViewModel vm = vm(p);
        ui.execute(() -> vm.show(it.id()));
        Path big = file("scan.pdf", 1_500_000);
        Path small = file("note.txt", 2_000);
        long before = filesIn(tmp.resolve("a").resolve(Schema.ATTACHMENTS_DIR));

        ui.execute(() -> vm.attach(it.id(), List.of(big, small), null));
        ui.await(() -> vm.errorProperty().get() && ui.get(() -> vm.rows().size()) == 1);

        String message = ui.get(vm::messageProperty).get();
        assertTrue(message.contains("scan.pdf") && message.contains("limit of 1 MB"), message);
        assertEquals(List.of("Some files were not attached: " + message), dialogs.notifications);
        assertEquals(List.of("note.txt"), p.attachments().of(it.id()).stream().map(Attachment::name).toList(),
                "the file under the limit is attached all the same");
        assertEquals(before + 1, filesIn(tmp.resolve("a").resolve(Schema.ATTACHMENTS_DIR)),
                "only the small file's copy was kept");
    }

    @Test
    void attach_twoFiles_showAsRowsAndOneUndoTakesBothOff() throws Exception {
        Profile p = profile("a", null);
        Item it = p.store().add("Trip", null, null);
        AttachmentsViewModel vm = vm(p);
        ui.execute(() -> vm.show(it.id()));
        Path pdf = file("tickets.pdf", 2_400);
        Path zip = file("maps.zip", 999);

        ui.execute(() -> vm.attach(it.id(), List.of(pdf, zip), null));
        ui.await(() -> ui.get(() -> vm.rows().size()) == 2);

        List<AttachmentRow> rows = ui.get(() -> List.copyOf(vm.rows()));
        // Attached at the same instant: by name.
        assertEquals(List.of("maps.zip", "tickets.pdf"), rows.stream().map(AttachmentRow::name).toList());
        assertEquals("PDF · 2.4 KB", rows.get(1).details());
        assertEquals(AttachmentRow.Kind.ARCHIVE, rows.get(0).kind());
        assertEquals("ZIP archive · 999 bytes", rows.get(0).details());
        assertEquals("", ui.get(vm::messageProperty).get());

        ui.execute(undo::undo);
        ui.await(() -> ui.get(() -> vm.rows().isEmpty()));
        assertTrue(p.attachments().of(it.id()).isEmpty());
    }

    @Test
    void open_fileNotHereYet_downloadsItThenOpensTheLocalCopy() throws Exception {
        SyncEngine engine = folderEngine();
        Profile laptop = profile("laptop", engine);
        Item it = laptop.store().add("Taxes", null, null);
        Attachment a = laptop.attachments().add(it.id(), file("return.pdf", 4_000), limit);
        laptop.store().replica().sync(engine);
        Profile phone = profile("phone", engine);
        phone.store().replica().sync(engine);
        AttachmentsViewModel vm = vm(phone);
        ui.execute(() -> vm.show(it.id()));
        ui.await(() -> ui.get(() -> vm.rows().size()) == 1);

        ui.execute(() -> vm.open(vm.rows().get(0)));
        ui.await(() -> opened.size() == 1);

        Path copy = Path.of(URI.create(opened.get(0)));
        assertEquals("return.pdf", copy.getFileName().toString(), "the system picks the application by the name");
        assertEquals(-1, Files.mismatch(laptop.attachments().file(a).orElseThrow(), copy));
        vm.close();
        assertFalse(Files.exists(copy), "the copies go when the window closes");
    }

    @Test
    void open_namedCopy_inAFolderOnlyThisUserReads() throws Exception {
        Profile p = profile("a", null);
        Item it = p.store().add("Taxes", null, null);
        p.attachments().add(it.id(), file("scan.png", 300), limit);
        AttachmentsViewModel vm = vm(p);
        ui.execute(() -> vm.show(it.id()));
        ui.await(() -> ui.get(() -> vm.rows().size()) == 1);

        ui.execute(() -> vm.open(vm.rows().get(0)));
        ui.await(() -> opened.size() == 1);

        Path copy = Path.of(URI.create(opened.get(0)));
        assertEquals("scan.png", copy.getFileName().toString());
        if (Files.getFileStore(copy).supportsFileAttributeView("posix")) {
            for (Path folder = copy.getParent(); folder.getFileName().toString().startsWith("a")
                    || folder.getFileName().toString().startsWith("tandem-open-"); folder = folder.getParent()) {
                assertEquals("rwx------", PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(folder)), folder.toString());
            }
        }
        vm.close();
    }

    @Test
    void open_noApplicationOpensIt_saysSoAndTheMessageStaysUntilClosed() throws Exception {
        Profile p = profile("a", null);
        Item it = p.store().add("Taxes", null, null);
        p.attachments().add(it.id(), file("model.xyz3d", 300), limit);
        AttachmentsViewModel vm = new AttachmentsViewModel(p.attachments(), p.fetcher(), () -> limit, async, dialogs,
                undo, uri -> {
                    throw new IllegalStateException("No application on this computer opens model.xyz3d.");
                }, CLOCK);
        ui.execute(() -> vm.show(it.id()));
        ui.await(() -> ui.get(() -> vm.rows().size()) == 1);

        ui.execute(() -> vm.open(vm.rows().get(0)));
        ui.await(() -> ui.get(() -> vm.errorProperty().get()));

        assertEquals("Opening model.xyz3d did not work: No application on this computer opens model.xyz3d.",
                ui.get(() -> vm.messageProperty().get()));
        ui.execute(vm::dismissMessage);
        assertEquals("", ui.get(() -> vm.messageProperty().get()));
        vm.close();
    }

    /** A double-click is two clicks: the second, while the first is still being opened, opens nothing more. */
    @Test
    void open_twiceWhileTheFirstIsOpening_opensOnce_aLaterClickOpensAgain() throws Exception {
        Profile p = profile("a", null);
        Item it = p.store().add("Receipts", null, null);
        p.attachments().add(it.id(), file("receipt.png", 300), limit);
        CountDownLatch systemAnswers = new CountDownLatch(1);
        List<String> asked = new CopyOnWriteArrayList<>();
        AttachmentsViewModel vm = new AttachmentsViewModel(p.attachments(), p.fetcher(), () -> limit, async, dialogs,
                undo, uri -> {
                    asked.add(uri);
                    try {
                        systemAnswers.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }, CLOCK);
        ui.execute(() -> vm.show(it.id()));
        ui.await(() -> ui.get(() -> vm.rows().size()) == 1);

        ui.execute(() -> vm.open(vm.rows().get(0)));
        ui.await(() -> asked.size() == 1);
        ui.execute(() -> vm.open(vm.rows().get(0)));
        ui.flush();
        systemAnswers.countDown();
        ui.await(() -> ui.get(() -> !vm.openingProperty().get()));
        assertEquals(1, asked.size(), "the second click of a double-click opened the file again");

        ui.execute(() -> vm.open(vm.rows().get(0)));
        ui.await(() -> asked.size() == 2);
        vm.close();
    }

    @Test
    void open_attachedProgramOrPathInItsName_neverRunAndNeverWrittenOutsideTheFolder() throws Exception {
        Profile p = profile("a", null);
        Item it = p.store().add("Totally a photo", null, null);
        p.attachments().add(it.id(), file("run.desktop", 300), limit);
        AttachmentsViewModel vm = vm(p);
        ui.execute(() -> vm.show(it.id()));
        ui.await(() -> ui.get(() -> vm.rows().size()) == 1);

        ui.execute(() -> vm.open(vm.rows().get(0)));
        ui.await(() -> ui.get(() -> vm.errorProperty().get()));

        assertTrue(opened.isEmpty(), "a program another device attached is not run: " + opened);
        assertTrue(ui.get(() -> vm.messageProperty().get()).contains("Tandem does not run it"));
        assertEquals("attachment", OpenCopies.safe(" "));
        assertEquals("_", OpenCopies.safe("../"));
        assertEquals("_.._.bashrc", OpenCopies.safe("../../.bashrc"));
        assertTrue(OpenCopies.runsCode("Invoice.PDF .exe"));
        vm.close();
    }

    @Test
    void saveAs_writesACopyWhereTheUserChose() throws Exception {
        Profile p = profile("a", null);
        Item it = p.store().add("Taxes", null, null);
        Path source = file("return.pdf", 4_000);
        p.attachments().add(it.id(), source, limit);
        AttachmentsViewModel vm = vm(p);
        ui.execute(() -> vm.show(it.id()));
        ui.await(() -> ui.get(() -> vm.rows().size()) == 1);
        Path target = tmp.resolve("saved.pdf");
        dialogs.pathAnswers.add(target);

        ui.execute(() -> vm.saveAs(vm.rows().get(0)));
        ui.await(() -> ui.get(vm::messageProperty).get().startsWith("Saved"));

        assertEquals(List.of("save: Save attachment (return.pdf)"), dialogs.asked);
        assertEquals(-1, Files.mismatch(source, target));
    }

    @Test
    void remove_thenUndo_putsTheSameAttachmentBack() throws Exception {
        Profile p = profile("a", null);
        Item it = p.store().add("Taxes", null, null);
        Attachment a = p.attachments().add(it.id(), file("return.pdf", 4_000), limit);
        AttachmentsViewModel vm = vm(p);
        ui.execute(() -> vm.show(it.id()));
        ui.await(() -> ui.get(() -> vm.rows().size()) == 1);

        ui.execute(() -> vm.remove(vm.rows().get(0)));
        ui.await(() -> ui.get(() -> vm.rows().isEmpty()));
        assertTrue(p.attachments().get(a.id()).isEmpty());

        ui.execute(undo::undo);
        ui.await(() -> ui.get(() -> vm.rows().size()) == 1);
        assertEquals(Optional.of(a), p.attachments().get(a.id()));
    }

    @Test
    void insertInNotes_itemStillShownRendered_appendsAndSaves_otherItemShown_appendsToItsStoredNotes() throws Exception {
        Profile p = profile("a", null);
        Item first = p.store().add("First", null, null);
        p.store().update(first.id(), x -> x.withNotes("Some text"));
        Item second = p.store().add("Second", null, null);
        EditorViewModel editor = new EditorViewModel(p.store(), async, undo);
        ui.execute(() -> editor.show(p.store().get(first.id()).orElseThrow()));

        ui.execute(() -> editor.insertInNotes(first.id(), "![a](attachment:x)", md -> false));
        ui.await(() -> "Some text\n\n![a](attachment:x)".equals(p.store().get(first.id()).orElseThrow().notes()));

        ui.execute(() -> editor.show(p.store().get(second.id()).orElseThrow()));
        ui.execute(() -> editor.insertInNotes(first.id(), "[b.pdf](attachment:y)", md -> {
            throw new AssertionError("the caret belongs to another item's notes");
        }));
        ui.await(() -> p.store().get(first.id()).orElseThrow().notes().endsWith("\n\n[b.pdf](attachment:y)"));
        assertNotEquals(p.store().get(first.id()).orElseThrow().notes(), ui.get(() -> editor.notesProperty().get()));
    }
}
