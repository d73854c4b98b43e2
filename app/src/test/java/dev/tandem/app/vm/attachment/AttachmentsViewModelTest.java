package dev.tandem.app.vm.attachment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Attachment;
import dev.tandem.app.model.AttachmentStore;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.OpenCopies;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.sync.AttachmentFetcher;
import dev.tandem.app.testing.FakeDialogs;
import dev.tandem.app.testing.TestUi;
import dev.tandem.app.vm.shared.UndoManager;
import dev.tandem.app.vm.editor.EditorViewModel;
import dev.tandem.engine.sync.SyncEngine;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The editor's attachments without a toolkit: attaching under the limit (and refusing over it, saying
 * the limit), pasted images as PNG with their Markdown, undo, opening, and what an inline image shows
 * when its bytes are here, not on the remote, nowhere to fetch from, or damaged on the remote.
 */
@Tag("unit")
class AttachmentsViewModelTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-12T14:03:22Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private final TestUi ui = new TestUi();
    private final ExecutorService io = Executors.newSingleThreadExecutor();
    private final Async async = new Async(io, ui, e -> {
        throw new AssertionError(e);
    });
    private final FakeDialogs dialogs = new FakeDialogs();
    private final UndoManager undo = new UndoManager(async);
    private final List<String> opened = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private long limit = 1_000_000;

    /** One device's profile: its store, attachments and fetcher (syncing through {@code engine}, if any). */
    private record Profile(TodoStore store, AttachmentStore attachments, AttachmentFetcher fetcher) {
    }

    private Profile profile(String name, SyncEngine engine) throws IOException {
        Files.createDirectories(tmp.resolve(name));
        TodoStore store = new TodoStore(Schema.database(tmp.resolve(name).resolve("tandem.db")).build(), CLOCK);
        AttachmentFetcher fetcher = new AttachmentFetcher(store, () -> Optional.ofNullable(engine),
                Executors.newSingleThreadExecutor());
        toClose.add(0, store);
        toClose.add(0, fetcher);
        return new Profile(store, store.attachments(), fetcher);
    }

    private AttachmentsViewModel vm(Profile p) {
        return new AttachmentsViewModel(p.attachments(), p.fetcher(), () -> limit, async, dialogs, undo, opened::add,
                CLOCK);
    }

    private SyncEngine folderEngine() throws IOException {
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

    private Path file(String name, int bytes) throws IOException {
        Path f = tmp.resolve("files").resolve(name);
        Files.createDirectories(f.getParent());
        byte[] b = new byte[bytes];
        for (int i = 0; i < bytes; i++) {
            b[i] = (byte) (i * 31 + name.length());
        }
        return Files.write(f, b);
    }

    private static long filesIn(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

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
    void pasteImage_attachesAPngAndHandsBackItsMarkdown() throws Exception {
        Profile p = profile("a", null);
        Item it = p.store().add("Whiteboard", null, null);
        AttachmentsViewModel vm = vm(p);
        int[] argb = new int[6 * 4];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = 0xff000000 | (i * 10) << 16 | 0x80;
        }
        AtomicReference<String> markdown = new AtomicReference<>();

        ui.execute(() -> vm.pasteImage(it.id(), new PastedImage(6, 4, argb), markdown::set));
        ui.await(() -> markdown.get() != null);

        Attachment a = p.attachments().of(it.id()).get(0);
        assertEquals("Pasted image 2026-05-12 14.03.22.png", a.name());
        assertEquals("image/png", a.type());
        assertEquals("![Pasted image 2026-05-12 14.03.22.png](attachment:" + a.id() + ")", markdown.get());
        BufferedImage back = ImageIO.read(p.attachments().file(a).orElseThrow().toFile());
        assertEquals(6, back.getWidth());
        assertEquals(4, back.getHeight());
        assertEquals(argb[13], back.getRGB(1, 2), "lossless: the pixel as it was pasted");
    }

    @Test
    void pasteImage_overTheLimit_isRefusedSayingTheLimit() throws Exception {
        Profile p = profile("a", null);
        Item it = p.store().add("Photo", null, null);
        AttachmentsViewModel vm = vm(p);
        // Noise does not compress: far over 1 MB as PNG.
        Random r = new Random(7);
        int[] argb = new int[800 * 800];
        for (int i = 0; i < argb.length; i++) {
            argb[i] = r.nextInt();
        }
        List<String> inserted = new ArrayList<>();

        ui.execute(() -> vm.pasteImage(it.id(), new PastedImage(800, 800, argb), inserted::add));
        ui.await(() -> vm.errorProperty().get());

        assertEquals("The pasted image is larger than the limit of 1 MB; it was not attached.",
                ui.get(vm::messageProperty).get());
        assertTrue(inserted.isEmpty(), "nothing goes into the notes");
        assertTrue(p.attachments().of(it.id()).isEmpty());
    }

    @Test
    void image_bytesHere_isReadyWithTheLocalCopysAddress() throws Exception {
        Profile p = profile("a", null);
        Item it = p.store().add("Plan", null, null);
        Attachment a = p.attachments().add(it.id(), file("plan.png", 500), limit);
        AttachmentsViewModel vm = vm(p);

        InlineImage img = ui.get(() -> vm.image(Attachment.SCHEME + a.id(), "plan"));
        ui.await(() -> ui.get(img::state).isReady());

        assertEquals(p.attachments().file(a).orElseThrow().toUri().toString(), ui.get(img::state).url());
        assertEquals("plan.png", ui.get(img::state).name());
    }

    @Test
    void image_notOnTheRemote_saysSoAndIsLookedForAgainWhenShownAgain() throws Exception {
        Profile laptop = profile("laptop", null);
        Item it = laptop.store().add("Plan", null, null);
        Attachment a = laptop.attachments().add(it.id(), file("plan.png", 500), limit);
        // The row reached this device, the bytes did not: the laptop has not synced since.
        Profile phone = profile("phone", folderEngine());
        phone.attachments().restore(a);
        AttachmentsViewModel vm = vm(phone);

        InlineImage img = ui.get(() -> vm.image(Attachment.SCHEME + a.id(), "plan"));
        ui.await(() -> ui.get(img::state).phase() == ImageState.Phase.MISSING);
        assertTrue(ui.get(img::state).text().startsWith("Not on the remote yet"), ui.get(img::state).text());

        assertTrue(ui.get(() -> vm.image(Attachment.SCHEME + a.id(), "plan")) == img, "the same image, looked for again");
    }

    @Test
    void image_noSync_saysThereIsNowhereToFetchFrom() throws Exception {
        Profile laptop = profile("laptop", null);
        Item it = laptop.store().add("Plan", null, null);
        Attachment a = laptop.attachments().add(it.id(), file("plan.png", 500), limit);
        Profile phone = profile("phone", null);
        phone.attachments().restore(a);
        AttachmentsViewModel vm = vm(phone);

        InlineImage img = ui.get(() -> vm.image(Attachment.SCHEME + a.id(), "plan"));
        ui.await(() -> ui.get(img::state).phase() == ImageState.Phase.MISSING);
        assertEquals("Not on this device, and sync is off.", ui.get(img::state).text());
    }

    @Test
    void image_damagedOnTheRemote_failsWithItsMessageAndKeepsNoCopy() throws Exception {
        SyncEngine engine = folderEngine();
        Profile laptop = profile("laptop", engine);
        Item it = laptop.store().add("Plan", null, null);
        Attachment a = laptop.attachments().add(it.id(), file("plan.png", 300_000), limit);
        laptop.store().replica().sync(engine);
        Profile phone = profile("phone", engine);
        phone.store().replica().sync(engine);
        Path stored;
        try (Stream<Path> s = Files.walk(tmp.resolve("remote"))) {
            stored = s.filter(f -> Files.isRegularFile(f) && f.toString().contains(a.blob())).findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(stored);
        bytes[bytes.length / 2] ^= 1;
        Files.write(stored, bytes);
        AttachmentsViewModel vm = vm(phone);

        InlineImage img = ui.get(() -> vm.image(Attachment.SCHEME + a.id(), "plan"));
        ui.await(() -> ui.get(img::state).phase() == ImageState.Phase.FAILED);

        String text = ui.get(img::state).text();
        assertTrue(text.startsWith("Could not download it: ") && text.length() > "Could not download it: ".length(), text);
        assertFalse(phone.store().attachments().blobs().has(a.blob()), "no damaged copy is kept");
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
