package dev.tandem.app.view.attachment;

import static dev.tandem.app.testing.TestWindow.onFx;
import static dev.tandem.app.testing.TestWindow.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.Device;
import dev.tandem.app.model.Attachment;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Listing;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.settings.AttachmentSettings;
import dev.tandem.app.testing.FakeDialogs;
import dev.tandem.app.testing.TestWindow;
import dev.tandem.app.view.MainView;
import dev.tandem.app.view.ResizedWindow;
import dev.tandem.app.vm.shared.ItemRow;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextArea;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DragEvent;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.TransferMode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Attachments in a real window: an image pasted into a note shows inline no wider than the note, a file
 * dropped on a todo's row shows as its chip, and a file over the limit is refused saying the limit.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class AttachmentsUiTest {
    @TempDir
    static Path tmp;

    private final FakeDialogs dialogs = new FakeDialogs();
    private Device device;
    private MainView view;

    @Start
    void start(Stage stage) throws Exception {
        device = TestWindow.device("UI test", Files.createTempDirectory(tmp, "attachments"), null);
        device.saveAttachmentSettings(AttachmentSettings.defaults().withLimit(1_000_000));
        view = TestWindow.mainWindow(stage, device, dialogs, 1200, 760);
    }

    @AfterEach
    void close() throws Exception {
        TestWindow.close(view, device);
    }

    private void open(FxRobot robot, String title) throws Exception {
        waitFor(() -> robot.lookup(title).tryQuery().isPresent());
        robot.clickOn(title);
        waitFor(() -> title.equals(view.editorView().titleField().getText()));
    }

    @Test
    void pasteImage_intoANote_showsItInlineNoWiderThanTheNote(FxRobot robot) throws Exception {
        Item note = device.store().add("Whiteboard", null, null, null, TodoDetails.note(List.of())).item();
        open(robot, "Whiteboard");
        // Wider than the editor: it must be scaled down to the note's width.
        onFx(() -> {
            WritableImage img = new WritableImage(1600, 300);
            PixelWriter w = img.getPixelWriter();
            for (int y = 0; y < 300; y++) {
                for (int x = 0; x < 1600; x++) {
                    w.setArgb(x, y, 0xff000000 | (x % 256) << 16 | (y % 256) << 8 | 0x60);
                }
            }
            ClipboardContent c = new ClipboardContent();
            c.putImage(img);
            return Clipboard.getSystemClipboard().setContent(c);
        });
        TextArea text = robot.lookup("#editor-notes").queryAs(TextArea.class);
        robot.clickOn(text);
        robot.press(KeyCode.CONTROL).type(KeyCode.V).release(KeyCode.CONTROL);

        waitFor(() -> text.getText().startsWith("![Pasted image "));
        Attachment a = device.attachments().of(note.id()).get(0);
        assertEquals("![" + a.name() + "](attachment:" + a.id() + ")", text.getText(), "at the caret, the note was empty");
        waitFor(() -> Optional.ofNullable(device.store().get(note.id()).orElseThrow().notes()).orElse("").contains(a.id()));

        // Shown rendered, as the Edit/Preview toggle (Ctrl+Shift+M) does. The list may select the saved note
        // again meanwhile, which shows notes that have text rendered by itself: toggle only while it is not.
        Node rendered = robot.lookup("#notes-rendered").query();
        waitFor(() -> {
            if (!view.editorViewModel().notes().renderedProperty().get()) {
                view.editorView().toggleNotes();
            }
            return rendered.isVisible() && rendered.lookup(".note-attachment-image .image-view") != null;
        });
        ImageView image = (ImageView) rendered.lookup(".note-attachment-image .image-view");
        waitFor(() -> image.getImage() != null && image.getImage().getProgress() >= 1
                && image.getLayoutBounds().getWidth() > 0);
        double pane = onFx(() -> rendered.getLayoutBounds().getWidth());
        Bounds shown = onFx(() -> rendered.sceneToLocal(image.localToScene(image.getLayoutBounds())));
        assertTrue(shown.getWidth() <= pane, shown.getWidth() + " wide in a note " + pane + " wide");
        assertTrue(shown.getMinX() >= 0 && shown.getMaxX() <= pane, "inside the note: " + shown);
        assertTrue(shown.getWidth() > pane / 2, "scaled to the note, not to a thumbnail: " + shown.getWidth());
        assertEquals(300.0 / 1600, shown.getHeight() / shown.getWidth(), 0.01, "its proportions kept");
    }

    /** In a window as low as a laptop's, the notes box is short: a square image shows whole, square, not as a strip. */
    @Test
    void pasteImage_shortNotesBox_wholeImageShownWithItsProportions(FxRobot robot) throws Exception {
        // A stage of its own: a height set on the shared primary stage would stay for the classes run after this one.
        ResizedWindow low = onFx(() -> new ResizedWindow(tmp, "low", s -> { }));
        try {
            low.resize(1100, 618);
            Item note = low.device.store().add("Square", null, null, null, TodoDetails.note(List.of())).item();
            waitFor(() -> robot.from(low.view).lookup("Square").tryQuery().isPresent());
            robot.clickOn(robot.from(low.view).lookup("Square").<Node>query());
            waitFor(() -> "Square".equals(low.view.editorView().titleField().getText()));
            onFx(() -> {
                WritableImage img = new WritableImage(400, 400);
                PixelWriter w = img.getPixelWriter();
                for (int y = 0; y < 400; y++) {
                    for (int x = 0; x < 400; x++) {
                        w.setArgb(x, y, 0xff0000ff);
                    }
                }
                ClipboardContent c = new ClipboardContent();
                c.putImage(img);
                return Clipboard.getSystemClipboard().setContent(c);
            });
            TextArea text = (TextArea) low.view.lookup("#editor-notes");
            robot.clickOn(text);
            robot.press(KeyCode.CONTROL).type(KeyCode.V).release(KeyCode.CONTROL);
            waitFor(() -> text.getText().startsWith("![Pasted image "));
            String id = low.device.attachments().of(note.id()).get(0).id();
            waitFor(() -> Optional.ofNullable(low.device.store().get(note.id()).orElseThrow().notes()).orElse("").contains(id));

            Node rendered = low.view.lookup("#notes-rendered");
            waitFor(() -> {
                if (!low.view.editorViewModel().notes().renderedProperty().get()) {
                    low.view.editorView().toggleNotes();
                }
                return rendered.isVisible() && rendered.lookup(".note-attachment-image .image-view") != null;
            });
            ImageView image = (ImageView) rendered.lookup(".note-attachment-image .image-view");
            waitFor(() -> image.getImage() != null && image.getImage().getProgress() >= 1
                    && image.getLayoutBounds().getWidth() > 0);
            ResizedWindow.settle();
            double paneHeight = onFx(() -> rendered.getLayoutBounds().getHeight());
            Bounds shown = onFx(() -> rendered.sceneToLocal(image.localToScene(image.getLayoutBounds())));
            assertEquals(1.0, shown.getHeight() / shown.getWidth(), 0.02, "square, not squashed: " + shown);
            assertTrue(shown.getMinY() >= 0 && shown.getMaxY() <= paneHeight, "whole in the notes box " + paneHeight
                    + " high: " + shown);
            assertTrue(shown.getHeight() >= 24, "big enough to see: " + shown);
        } finally {
            low.close();
        }
    }

    @Test
    void dropFile_onATodosRow_showsItsChip(FxRobot robot) throws Exception {
        device.store().add("Renew passport", null, null);
        Path form = Files.write(tmp.resolve("form.pdf"), new byte[48_000]);
        waitFor(() -> robot.lookup("Renew passport").tryQuery().isPresent());
        ListCell<?> row = onFx(() -> view.itemList().lookupAll(".item-cell").stream()
                .map(n -> (ListCell<?>) n)
                .filter(c -> c.getItem() instanceof ItemRow r && r.title().equals("Renew passport"))
                .findFirst().orElseThrow());

        // TestFX and Monocle cannot drag from the operating system, so the drop is the one the toolkit would
        // deliver: a dragboard holding the file (made as the toolkit makes one, on a local clipboard) and the
        // DRAG_OVER then DRAG_DROPPED events, fired at the row and dispatched through the scene as a real drop
        // is (the row's handlers, then the window's import handler had the row not consumed it).
        DragEvent over = onFx(() -> {
            Dragboard board = localDragboard();
            ClipboardContent content = new ClipboardContent();
            content.putFiles(List.of(form.toFile()));
            board.setContent(content);
            Bounds b = row.localToScreen(row.getLayoutBounds());
            DragEvent e = new DragEvent(row, row, DragEvent.DRAG_OVER, board, 20, 10, b.getMinX() + 20,
                    b.getMinY() + 10, TransferMode.COPY, null, row, null);
            Event.fireEvent(row, e);
            DragEvent drop = e.copyFor(row, row, DragEvent.DRAG_DROPPED);
            Event.fireEvent(row, drop);
            return e;
        });
        assertEquals(TransferMode.COPY, over.getAcceptedTransferMode(), "the row takes files");

        String id = device.store().query(Listing.inbox()).stream()
                .filter(i -> i.title().equals("Renew passport")).findFirst().orElseThrow().id();
        waitFor(() -> device.attachments().of(id).size() == 1);
        // The notice follows the save, on the FX thread once the background attach has returned.
        waitFor(() -> !dialogs.notifications.isEmpty());
        assertEquals("Attached: form.pdf was attached.", dialogs.notifications.get(0));
        open(robot, "Renew passport");
        waitFor(() -> view.editorView().attachmentsPane().chips().size() == 1);
        Button chip = view.editorView().attachmentsPane().chips().get(0);
        assertEquals("form.pdf", ((Label) chip.lookup(".attachment-name")).getText());
        assertEquals("PDF · 48 KB", ((Label) chip.lookup(".attachment-details")).getText());
        assertTrue(chip.isVisible());
    }

    /**
     * A dragboard as the toolkit makes one for a drag, over a clipboard of this process. Dragboard has no
     * public constructor; the tests run on the class path, where the toolkit's own helper is reachable
     * (by reflection: the app's module does not read it at compile time).
     */
    private static Dragboard localDragboard() throws ReflectiveOperationException {
        Class<?> toolkit = Class.forName("com.sun.javafx.tk.Toolkit");
        Object clipboard = toolkit.getMethod("createLocalClipboard").invoke(toolkit.getMethod("getToolkit").invoke(null));
        Class<?> peer = Class.forName("com.sun.javafx.tk.TKClipboard");
        // The operating system's drag source says which transfers it offers; a file manager offers a copy.
        Object offering = Proxy.newProxyInstance(peer.getClassLoader(), new Class<?>[] {peer},
                (proxy, method, args) -> method.getName().equals("getTransferModes")
                        ? EnumSet.of(TransferMode.COPY) : method.invoke(clipboard, args));
        Class<?> helper = Class.forName("com.sun.javafx.scene.input.DragboardHelper");
        return (Dragboard) helper.getMethod("createDragboard", peer).invoke(null, offering);
    }

    @Test
    void attachFile_overTheLimit_isRefusedSayingTheLimit(FxRobot robot) throws Exception {
        Item todo = device.store().add("Scan receipts", null, null);
        Path scan = Files.write(tmp.resolve("scan.tiff"), new byte[1_500_000]);
        open(robot, "Scan receipts");
        dialogs.pathAnswers.add(scan);

        robot.clickOn("#attach-file");

        Label message = robot.lookup("#attachments-message").queryAs(Label.class);
        waitFor(message::isVisible);
        assertEquals("scan.tiff is 1.5 MB, larger than the limit of 1 MB; it was not attached.", message.getText());
        assertEquals(List.of("Not attached: " + message.getText()), dialogs.notifications);
        assertTrue(device.attachments().of(todo.id()).isEmpty());
        assertTrue(view.editorView().attachmentsPane().chips().isEmpty());
    }
}
