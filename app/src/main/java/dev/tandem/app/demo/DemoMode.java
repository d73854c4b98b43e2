package dev.tandem.app.demo;

import dev.tandem.app.AppStage;
import dev.tandem.app.Device;
import dev.tandem.app.MainWindow;
import dev.tandem.app.vm.attachment.LinkOpener;
import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.view.Icons;
import dev.tandem.app.view.MainView;
import dev.tandem.ui.Styles;
import dev.tandem.ui.Theme;
import dev.tandem.ui.messages.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

/**
 * {@code --demo}: two device windows side by side, each with its own database under
 * {@code DATA_DIR/demo/device-a|device-b}, syncing through the folder {@code DATA_DIR/demo/remote}
 * with the app's own settings: a push 300 ms after an edit, and the other window syncs as soon as
 * the watched folder changes, so an edit in one shows up in the other within about a second.
 * The first run fills device A with sample todos.
 */
public final class DemoMode implements AutoCloseable {
    public static final Duration DEBOUNCE = Duration.ofMillis(300);
    private static final double CASCADE = 40;

    private final Path dir;
    private final Theme theme;
    private final LinkOpener links;
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final List<MainView> views = new ArrayList<>();

    public DemoMode(Path dir, Theme theme) {
        this(dir, theme, LinkOpener.NONE);
    }

    /** {@code links} opens links in notes (the system browser). */
    public DemoMode(Path dir, Theme theme, LinkOpener links) {
        this.dir = dir;
        this.theme = theme;
        this.links = links;
    }

    public Path remoteDir() {
        return dir.resolve("remote");
    }

    public List<MainView> views() {
        return views;
    }

    public static SyncSettings remote(Path remoteDir) {
        return SyncSettings.folder(remoteDir, SyncSettings.DEFAULT_INTERVAL);
    }

    /** Opens both devices (off the FX thread) and shows their windows; {@code onShown} runs after. */
    public void start(Stage first, Runnable onShown) {
        Label loading = new Label(Messages.text("main.demo.starting"));
        first.setScene(new Scene(new StackPane(loading), 900, 640));
        first.getScene().getStylesheets().setAll(theme.stylesheets());
        first.setTitle(Messages.text("main.demo.title"));
        first.show();
        Thread t = new Thread(() -> {
            try {
                Files.createDirectories(remoteDir());
                Device a = Device.open("Device A", dir.resolve("device-a"), FxExecutor.INSTANCE, remote(remoteDir()), DEBOUNCE);
                Device b = Device.open("Device B", dir.resolve("device-b"), FxExecutor.INSTANCE, remote(remoteDir()), DEBOUNCE);
                seedIfEmpty(a.store(), b.store());
                FxExecutor.INSTANCE.execute(() -> {
                    toClose.add(a);
                    toClose.add(b);
                    List<Rectangle2D> at = windows(Screen.getPrimary().getVisualBounds());
                    show(first, a, at.get(0));
                    show(new Stage(), b, at.get(1));
                    onShown.run();
                });
            } catch (RuntimeException | IOException e) {
                FxExecutor.INSTANCE.execute(() -> loading.setText(Messages.text("main.demo.failed", e.getMessage())));
            }
        }, "tandem-demo-open");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Where the two demo windows go: side by side when each can be at least as wide as the app's
     * minimum, otherwise cascaded (the second offset down and right); both always inside
     * {@code screen}, so a 1366 px laptop shows the whole of both title bars.
     */
    static List<Rectangle2D> windows(Rectangle2D screen) {
        double gap = 8;
        double h = Math.min(720, screen.getHeight() - 2 * CASCADE);
        double half = (screen.getWidth() - 3 * gap) / 2;
        if (half >= AppStage.MIN_WIDTH) {
            double w = Math.min(1000, half);
            // Side by side, each as tall as the screen allows (up to 1,000 px): a tall screen is not
            // left half empty below two short windows.
            h = Math.min(1000, screen.getHeight() - CASCADE);
            double y = screen.getMinY() + CASCADE / 2;
            return List.of(new Rectangle2D(screen.getMinX() + gap, y, w, h),
                    new Rectangle2D(screen.getMinX() + 2 * gap + w, y, w, h));
        }
        double w = Math.min(1000, screen.getWidth() - CASCADE - 2 * gap);
        double x = screen.getMinX() + gap;
        double y = screen.getMinY() + gap;
        return List.of(new Rectangle2D(x, y, w, h), new Rectangle2D(x + CASCADE, y + CASCADE, w, h));
    }

    private void show(Stage stage, Device device, Rectangle2D at) {
        double x = at.getMinX();
        double y = at.getMinY();
        double w = at.getWidth();
        double h = at.getHeight();
        MainView view = MainWindow.create(device, theme, null, links);
        views.add(view);
        toClose.add(0, view::close);
        BorderPane root = new BorderPane(view);
        root.setTop(banner(device));
        Scene scene = stage.getScene();
        if (scene == null) {
            stage.setScene(new Scene(root, w, h));
        } else {
            scene.setRoot(root);
        }
        stage.getScene().getStylesheets().setAll(theme.stylesheets());
        view.themeProperty().addListener((o, a, t) -> stage.getScene().getStylesheets().setAll(t.stylesheets()));
        stage.setTitle(Messages.text("main.demo.windowTitle", device.name()));
        AppStage.setIcon(stage);
        stage.setX(x);
        stage.setY(y);
        stage.setWidth(w);
        stage.setHeight(h);
        stage.setMinWidth(AppStage.MIN_WIDTH);
        stage.setOnCloseRequest(e -> Platform.exit());
        AppStage.reportFocus(stage, device);
        stage.show();
        view.start();
    }

    public static HBox banner(Device device) {
        // The demo's folder is watched: an edit reaches the other window within about a second
        // (PERFORMANCE.md, "Live sync"), so the banner promises no interval.
        Label l = new Label(Messages.text("main.demo.banner", device.name()));
        HBox box = new HBox(8, Icons.of(MaterialDesignL.LAPTOP, 16), l);
        box.getStyleClass().add(Styles.DEVICE_BANNER);
        return box;
    }

    /** Fills device A with realistic todos on the first run (when neither device has any). */
    public static void seedIfEmpty(TodoStore a, TodoStore b) {
        if (!a.allItems().isEmpty() || !b.allItems().isEmpty()) {
            return;
        }
        seed(a);
    }

    public static void seed(TodoStore s) {
        LocalDate today = s.today();
        TodoList work = s.createList("Work");
        TodoList home = s.createList("Home");
        TodoList groceries = s.createList("Groceries");
        s.add("Reply to Dana about the Q3 roadmap", work.id(), today);
        var review = s.add("Review the sync design doc", work.id(), today.plusDays(1));
        s.update(review.id(), it -> it.withNotes("Focus on the conflict section.\n- per-attribute LWW\n- tombstones"));
        s.add("Prepare slides for Friday demo", work.id(), today.plusDays(3));
        s.add("Book flights to Lisbon", null, today.plusDays(6));
        s.add("Renew passport", null, today.minusDays(1));
        var plants = s.add("Water the plants", home.id(), today);
        s.add("Fix the squeaky door hinge", home.id(), null);
        s.add("Call the plumber about the boiler", home.id(), today.plusDays(2));
        s.add("Oat milk", groceries.id(), null);
        s.add("Coffee beans", groceries.id(), null);
        s.add("Lemons", groceries.id(), null);
        var read = s.add("Read “Local-first software”", null, null);
        s.update(read.id(), it -> it.withNotes("https://www.inkandswitch.com/local-first/"));
        s.setDone(plants.id(), true);
        var old = s.add("Cancel the old gym membership", home.id(), null);
        s.setDone(old.id(), true);
    }

    @Override
    public void close() {
        for (AutoCloseable c : toClose) {
            try {
                c.close();
            } catch (Exception e) {
                System.getLogger("tandem").log(System.Logger.Level.WARNING, "close failed", e);
            }
        }
    }
}
