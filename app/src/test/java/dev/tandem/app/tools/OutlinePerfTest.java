package dev.tandem.app.tools;

import static dev.tandem.app.tools.AppScalePerfTest.line;
import static dev.tandem.app.tools.AppScalePerfTest.settle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.Device;
import dev.tandem.app.MainWindow;
import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Listing;
import dev.tandem.app.model.Rank;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.view.MainView;
import dev.tandem.app.vm.shared.ItemRow;
import dev.tandem.app.vm.window.MainViewModel;
import dev.tandem.ui.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A list of 10,000 todos in its outline: {@value #TOP} top-level todos, each with three subtasks, each of
 * those with two, each of those with one (three levels of subtasks). Measured in a real window, from the
 * input to the first frame laid out with the result: opening the list (its first lines on screen), moving a
 * row by keys (Alt+Shift+Up/Down) and by drag until the moved row is on screen at its new place, and folding
 * and showing a todo's subtasks (Left, Right). Goals: open 100 ms, reorder p95 50 ms, fold and show 30 ms.
 * {@code mvn -q -pl app test -Pperf -Dtest=OutlinePerfTest}; results in {@code app/target/perf-outline.txt}.
 */
@Tag("perf")
@ExtendWith(ApplicationExtension.class)
class OutlinePerfTest {
    private static final int TOP = 625;
    private static final int ROUNDS = 20;

    @TempDir
    static Path tmp;

    private Device device;
    private MainView view;
    private TodoList list;
    private final AtomicLong inputAt = new AtomicLong();
    private volatile BooleanSupplier awaited;
    private volatile CompletableFuture<Long> reached;

    @Start
    void start(Stage stage) throws Exception {
        device = Device.open("Outline scale", Files.createTempDirectory(tmp, "outline"), FxExecutor.INSTANCE, null,
                Duration.ofMillis(500));
        list = device.store().createList("Big");
        seed();
        view = MainWindow.create(device, Theme.LIGHT, null);
        Scene scene = new Scene(view, 1100, 760);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (!e.getCode().isModifierKey()) {
                inputAt.set(System.nanoTime());
            }
        });
        scene.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> inputAt.set(System.nanoTime()));
        scene.addPostLayoutPulseListener(() -> {
            BooleanSupplier condition = awaited;
            if (condition != null && condition.getAsBoolean()) {
                awaited = null;
                reached.complete(System.nanoTime());
            }
        });
        stage.setScene(scene);
        stage.show();
        view.start();
    }

    /** 625 + 1,875 + 3,750 + 3,750 = 10,000 todos, ranked, in one transaction. */
    private void seed() {
        long now = System.currentTimeMillis();
        List<String> top = Rank.after(null, TOP);
        List<String> three = Rank.after(null, 3);
        List<String> two = Rank.after(null, 2);
        device.store().writeAll(tx -> {
            for (int t = 0; t < TOP; t++) {
                Item a = tx.save(Item.create("Todo " + t, list.id(), null, now).withRank(top.get(t)));
                for (int c = 0; c < 3; c++) {
                    Item b = tx.save(Item.create("Step " + t + "." + c, list.id(), null, now).withParentId(a.id())
                            .withRank(three.get(c)));
                    for (int g = 0; g < 2; g++) {
                        Item d = tx.save(Item.create("Part " + t + "." + c + "." + g, list.id(), null, now)
                                .withParentId(b.id()).withRank(two.get(g)));
                        tx.save(Item.create("Bit " + t + "." + c + "." + g, list.id(), null, now).withParentId(d.id())
                                .withRank(three.get(0)));
                    }
                }
            }
            return null;
        });
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        WaitForAsyncUtils.asyncFx(() -> view.close()).get(5, TimeUnit.SECONDS);
        device.close();
    }

    @SuppressWarnings("unchecked")
    private ListView<ItemRow> items() {
        return (ListView<ItemRow>) view.lookup("#items");
    }

    /** A cell shows the row with this key, inside the list's viewport, at {@code index} (-1: any). */
    private boolean onScreen(String key, int index) {
        ListView<ItemRow> lv = items();
        Bounds port = lv.localToScene(lv.getLayoutBounds());
        for (Node n : lv.lookupAll(".item-cell")) {
            if (n instanceof ListCell<?> c && c.isVisible() && c.getItem() instanceof ItemRow r && r.id().equals(key)
                    && (index < 0 || c.getIndex() == index)) {
                Bounds b = c.localToScene(c.getLayoutBounds());
                if (b.getMinY() >= port.getMinY() - 1 && b.getMaxY() <= port.getMaxY() + 1) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether the row at {@code index} is the one with this key: checked at every pulse while a move is awaited, so
     * it looks at one row, where {@link #indexOf} would scan 10,000 and add its own cost to the figure.
     */
    private boolean isAt(String key, int index) {
        List<ItemRow> rows = items().getItems();
        return index >= 0 && index < rows.size() && rows.get(index).id().equals(key);
    }

    private int indexOf(String key) {
        List<ItemRow> rows = items().getItems();
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void outline_of10kTodos_openMoveFold(FxRobot robot) throws Exception {
        MainViewModel vm = view.viewModel();
        settle(() -> vm.hasList(list.id()) && vm.liveItems().isComplete(), Duration.ofSeconds(60));
        Listing big = new Listing.UserListing(list.id());

        List<Long> open = new ArrayList<>();
        for (int i = 0; i < ROUNDS / 2; i++) {
            WaitForAsyncUtils.asyncFx(() -> vm.select(Listing.inbox())).get(5, TimeUnit.SECONDS);
            settle(() -> vm.view().equals(Listing.inbox()) && vm.liveItems().isComplete(), Duration.ofSeconds(30));
            open.add(measure(() -> {
                inputAt.set(System.nanoTime());
                vm.select(big);
            }, () -> vm.liveItems().isLoaded() && !items().getItems().isEmpty()
                    && onScreen(items().getItems().get(0).id(), 0)));
        }
        settle(() -> items().getItems().size() == 10_000, Duration.ofSeconds(30));

        // Keys: a subtask ("Step 0.0") down past its sibling's subtree and back up, again and again.
        robot.clickOn("Step 0.0");
        String step = onFx(() -> items().getSelectionModel().getSelectedItem().id());
        List<Long> keys = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            int from = onFx(() -> indexOf(step));
            boolean down = i % 2 == 0;
            int to = from + (down ? 5 : -5);
            keys.add(measureKey(() -> robot.press(KeyCode.ALT, KeyCode.SHIFT).type(down ? KeyCode.DOWN : KeyCode.UP)
                    .release(KeyCode.SHIFT, KeyCode.ALT), () -> isAt(step, to) && onScreen(step, to)));
        }

        // Drag: "Step 0.0" (with its 4 subtasks) below "Step 0.1" and its subtasks, then back above it.
        List<Long> drags = new ArrayList<>();
        String next = onFx(() -> items().getItems().get(6).id());
        assertTrue(onFx(() -> items().getItems().get(6).title().equals("Step 0.1")), "5 rows to a step and its parts");
        for (int i = 0; i < ROUNDS / 2; i++) {
            boolean down = i % 2 == 0;
            Node from = onFx(() -> cellOf(step));
            Bounds target = onFx(() -> {
                Node c = cellOf(next);
                return c.localToScreen(c.getLayoutBounds());
            });
            double y = down ? target.getMaxY() - 3 : target.getMinY() + 3;
            robot.drag(from).moveBy(0, 8).moveTo(target.getMinX() + 200, y).moveBy(1, 0);
            int to = down ? 6 : 1;
            drags.add(measureKey(robot::drop, () -> isAt(step, to) && onScreen(step, to)));
        }

        // Fold and show "Todo 0"'s 15 subtasks.
        robot.clickOn("Todo 0");
        String todo = onFx(() -> items().getSelectionModel().getSelectedItem().id());
        List<Long> fold = new ArrayList<>();
        List<Long> show = new ArrayList<>();
        for (int i = 0; i < ROUNDS / 2; i++) {
            fold.add(measureKey(() -> robot.type(KeyCode.LEFT), () -> items().getItems().size() == 10_000 - 15
                    && onScreen(todo, -1)));
            show.add(measureKey(() -> robot.type(KeyCode.RIGHT), () -> items().getItems().size() == 10_000
                    && onScreen(todo, -1)));
        }
        assertEquals(10_000, onFx(() -> items().getItems().size()));

        String report = "todos=10000 (" + TOP + " top-level, 3 levels of subtasks)\n"
                + line("open the list: select to its first lines on screen", open) + " (in order: " + open + ")\n"
                + line("move by keys (Alt+Shift+Up/Down) to the moved row on screen", keys) + "\n"
                + line("move by drag (release) to the moved row on screen", drags) + "\n"
                + line("fold 15 subtasks (Left) to the frame without them", fold) + "\n"
                + line("show 15 subtasks (Right) to the frame with them", show) + "\n";
        System.out.print(report);
        Files.writeString(Path.of("target/perf-outline.txt"), report, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    private Node cellOf(String key) {
        return items().lookupAll(".item-cell").stream().filter(n -> n instanceof ListCell<?> c && c.isVisible()
                && c.getItem() instanceof ItemRow r && r.id().equals(key)).findFirst().orElseThrow();
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(5, TimeUnit.SECONDS);
    }

    /** Milliseconds from {@code action} (run on the FX thread, which sets the start) to the frame where {@code shows}. */
    private long measure(Runnable action, BooleanSupplier shows) throws Exception {
        CompletableFuture<Long> done = new CompletableFuture<>();
        WaitForAsyncUtils.asyncFx(() -> {
            reached = done;
            awaited = shows;
            action.run();
        }).get(5, TimeUnit.SECONDS);
        long end = done.get(30, TimeUnit.SECONDS);
        return (end - inputAt.get()) / 1_000_000;
    }

    /** Milliseconds from the input the robot gives (a key, a release) to the frame where {@code shows}. */
    private long measureKey(Runnable input, BooleanSupplier shows) throws Exception {
        CompletableFuture<Long> done = new CompletableFuture<>();
        WaitForAsyncUtils.asyncFx(() -> {
            reached = done;
            awaited = shows;
        }).get(5, TimeUnit.SECONDS);
        inputAt.set(0);
        input.run();
        long end = done.get(30, TimeUnit.SECONDS);
        long start = inputAt.get();
        assertTrue(start != 0 && end >= start, "the input reached the window before the result");
        WaitForAsyncUtils.waitForFxEvents();
        return (end - start) / 1_000_000;
    }
}
