package dev.tandem.app.tools;

import dev.tandem.app.Device;
import dev.tandem.app.demo.DemoMode;
import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.model.Attachment;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Listing;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.view.MainView;
import dev.tandem.ui.Theme;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Regenerates {@code screenshots/*.png}: {@code mvn -q install -DskipTests && mvn -q -pl app test -Pscreenshots}.
 * Headless (Monocle), real views over real databases filled with sample todos.
 */
@Tag("screenshots")
class ScreenshotsTest extends ScreenshotsFixture {
    @Test
    void mainWindow_lightAndDark() throws Exception {
        Path remote = Files.createDirectories(tmp.resolve("main-remote"));
        Device d = Device.open("MacBook Air", tmp.resolve("main"), FxExecutor.INSTANCE, SyncSettings.folder(remote, 30),
                Duration.ofSeconds(3));
        seedRich(d.store());
        Item review = d.store().query(Listing.inbox()).stream().findFirst().orElseThrow();
        Item doc = d.store().lists().stream().filter(l -> l.name().equals("Work")).findFirst()
                .map(l -> d.store().query(new Listing.UserListing(l.id())).stream()
                        .filter(i -> i.title().startsWith("Review the sync")).findFirst().orElseThrow()).orElseThrow();
        d.store().update(doc.id(), it -> it.withNotes("Focus on the conflict section.\n\n- per-attribute last write wins\n"
                + "- tombstones for deletes\n- what happens when two devices sync at once"));
        Stage stage = fx(Stage::new);
        for (Theme theme : Theme.values()) {
            MainView v = show(stage, d, theme, 1280, 800, null);
            selectListAndItem(v, "Work", "Review the sync design doc");
            waitFor(() -> v.statusViewModel().statusProperty().get().lastSuccess() != null
                    && v.statusViewModel().statusProperty().get().pendingChanges() == 0);
            settle();
            save(snapshot(stage.getScene()), theme == Theme.LIGHT ? "main-light.png" : "main-dark.png");
            if (theme == Theme.LIGHT) {
                fx(() -> {
                    v.toggleShortcuts();
                    return null;
                });
                settle();
                save(snapshot(stage.getScene()), "shortcuts.png");
            }
            fx(() -> {
                v.close();
                return null;
            });
        }
        fx(() -> {
            stage.close();
            return null;
        });
        d.close();
        review.id();
    }

    /** A note rendered as Markdown: a heading, a list, a link, a code span and a checklist partly ticked. */
    /** {@code main-1366x768.png} and {@code main-760.png}: a laptop's screen, and the window at its narrowest. */
    @Test
    void mainWindow_laptopAndNarrowest() throws Exception {
        Device d = Device.open("MacBook Air", tmp.resolve("sizes"), FxExecutor.INSTANCE, null, Duration.ofSeconds(3));
        seedRich(d.store());
        Stage stage = fx(Stage::new);
        for (double[] size : new double[][] {{1366, 768}, {760, 640}}) {
            MainView v = show(stage, d, Theme.LIGHT, size[0], size[1], null);
            selectListAndItem(v, "Work", "Review the sync design doc");
            settle();
            save(snapshot(stage.getScene()), size[0] == 760 ? "main-760.png" : "main-1366x768.png");
            fx(() -> {
                v.close();
                return null;
            });
        }
        fx(() -> {
            stage.close();
            return null;
        });
        d.close();
    }

    @Test
    void noteRendered() throws Exception {
        Device d = Device.open("MacBook Air", tmp.resolve("note"), FxExecutor.INSTANCE, null, Duration.ofSeconds(3));
        seedRich(d.store());
        TodoList travel = d.store().createList("Travel");
        d.store().add("Book the Lisbon flights", null, travel.id(), d.store().today().plusDays(3),
                new TodoDetails(1, List.of("trip"), null, null));
        Item note = d.store().add("Lisbon trip", null, travel.id(), null, TodoDetails.note(List.of("trip"))).item();
        d.store().update(note.id(), it -> it.withNotes("""
                # Lisbon, 12–16 May

                Flights with **TAP**, seats *by the window*. Check-in opens 36 h before: run `tandem list --tag trip`.

                ## Packing
                - [x] Passports
                - [x] Adapters (type F)
                - [ ] Sunscreen
                - [ ] Rain jacket

                ## Places
                1. Time Out Market
                2. Belém tower, early
                3. [Tram 28](https://www.carris.pt/en/) from Martim Moniz

                > Pastéis de nata at Manteigaria, not the famous queue.

                | Day | Plan |
                |:----|:-----|
                | Fri | Alfama |
                | Sat | Sintra |
                """));
        d.store().add("Paris weekend ideas", null, travel.id(), null, TodoDetails.note(List.of()));
        Stage stage = fx(Stage::new);
        MainView v = show(stage, d, Theme.LIGHT, 1280, 800, null);
        selectListAndItem(v, "Travel", "Lisbon trip");
        waitFor(() -> v.editorView().noteCheckBoxes().size() == 4);
        settle();
        save(snapshot(stage.getScene()), "note-rendered.png");
        fx(() -> {
            v.close();
            stage.close();
            return null;
        });
        d.close();
    }

    /** {@code note-attachments.png}: a note with a pasted image shown inline and a PDF's chip under it. */
    @Test
    void noteWithAttachments() throws Exception {
        Device d = Device.open("MacBook Air", tmp.resolve("attachments"), FxExecutor.INSTANCE, null, Duration.ofSeconds(3));
        seedRich(d.store());
        TodoList home = d.store().createList("Workshop");
        Item note = d.store().add("Kitchen shelves", null, home.id(), null, TodoDetails.note(List.of("diy"))).item();
        BufferedImage sketch = new BufferedImage(1400, 700, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sketch.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0xf6f1e7));
        g.fillRect(0, 0, 1400, 700);
        g.setColor(new Color(0x8a6d4b));
        for (int shelf = 0; shelf < 3; shelf++) {
            g.fillRect(160, 170 + shelf * 170, 1080, 26);
        }
        g.setColor(new Color(0x3b6ff5));
        g.setStroke(new BasicStroke(6));
        g.drawLine(160, 120, 1240, 120);
        g.setFont(g.getFont().deriveFont(44f));
        g.drawString("120 cm", 620, 100);
        g.dispose();
        Path png = tmp.resolve("shelves-sketch.png");
        ImageIO.write(sketch, "png", png.toFile());
        Path pdf = Files.write(tmp.resolve("Bracket spec.pdf"), new byte[184_000]);
        Attachment image = d.attachments().add(note.id(), png, 100_000_000);
        d.attachments().add(note.id(), pdf, 100_000_000);
        d.store().update(note.id(), it -> it.withNotes("Three shelves over the counter, oak, 30 cm deep.\n\n"
                + image.markdown() + "\n\n- [x] Measure the wall\n- [ ] Buy brackets (see the spec)\n"));
        Stage stage = fx(Stage::new);
        MainView v = show(stage, d, Theme.LIGHT, 1280, 800, null);
        selectListAndItem(v, "Workshop", "Kitchen shelves");
        waitFor(() -> v.editorView().lookup(".note-attachment-image .image-view") != null
                && v.editorView().lookup(".attachment-chip") != null);
        settle();
        save(snapshot(stage.getScene()), "note-attachments.png");
        fx(() -> {
            v.close();
            stage.close();
            return null;
        });
        d.close();
    }

    @Test
    void demoMode_twoWindows() throws Exception {
        Path remote = Files.createDirectories(tmp.resolve("demo-remote"));
        SyncSettings folder = DemoMode.remote(remote);
        Device a = Device.open("Device A", tmp.resolve("demo-a"), FxExecutor.INSTANCE, folder, DemoMode.DEBOUNCE);
        Device b = Device.open("Device B", tmp.resolve("demo-b"), FxExecutor.INSTANCE, folder, DemoMode.DEBOUNCE);
        DemoMode.seedIfEmpty(a.store(), b.store());
        Stage sa = fx(Stage::new);
        Stage sb = fx(Stage::new);
        BorderPane ra = fx(() -> {
            BorderPane p = new BorderPane();
            p.setTop(DemoMode.banner(a));
            return p;
        });
        BorderPane rb = fx(() -> {
            BorderPane p = new BorderPane();
            p.setTop(DemoMode.banner(b));
            return p;
        });
        MainView va = show(sa, a, Theme.LIGHT, 1000, 640, ra);
        MainView vb = show(sb, b, Theme.LIGHT, 1000, 640, rb);
        waitFor(() -> vb.viewModel().items().size() == va.viewModel().items().size() && !vb.viewModel().items().isEmpty());
        // An edit on A arrives on B.
        a.store().add("Pick up the dry cleaning", null, a.store().today());
        waitFor(() -> vb.viewModel().items().stream().anyMatch(i -> i.title().equals("Pick up the dry cleaning")));
        fx(() -> {
            va.itemList().getSelectionModel().select(va.itemList().getItems().size() - 1);
            vb.itemList().getSelectionModel().select(vb.itemList().getItems().size() - 1);
            return null;
        });
        waitFor(() -> !va.editorViewModel().history().isEmpty() && !vb.editorViewModel().history().isEmpty());
        settle();
        BufferedImage left = snapshot(sa.getScene());
        BufferedImage right = snapshot(sb.getScene());
        int gap = 24;
        BufferedImage both = new BufferedImage(left.getWidth() + right.getWidth() + gap * 3,
                Math.max(left.getHeight(), right.getHeight()) + gap * 2, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = both.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0x2b, 0x31, 0x3c));
        g.fillRect(0, 0, both.getWidth(), both.getHeight());
        g.drawImage(left, gap, gap, null);
        g.drawImage(right, gap * 2 + left.getWidth(), gap, null);
        g.dispose();
        save(both, "demo.png");
        fx(() -> {
            va.close();
            vb.close();
            sa.close();
            sb.close();
            return null;
        });
        a.close();
        b.close();
        new File(".").getName();
    }
}
