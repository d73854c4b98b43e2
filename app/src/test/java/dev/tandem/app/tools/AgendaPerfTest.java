package dev.tandem.app.tools;

import static dev.tandem.app.tools.AppScalePerfTest.line;
import static dev.tandem.app.tools.AppScalePerfTest.settle;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.Device;
import dev.tandem.app.MainWindow;
import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.model.AgendaItems;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Listing;
import dev.tandem.app.view.MainView;
import dev.tandem.app.vm.window.MainViewModel;
import dev.tandem.app.vm.agenda.AgendaPlan;
import dev.tandem.ui.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
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
 * Opening the agenda at 100,000 todos ({@link SeedData}: every seventh due within a month around
 * today, some 9,000 of them in the agenda's range or overdue) plus {@value #REPEATING} repeating ones
 * whose later dates the agenda computes: from the Ctrl+Shift+A the window receives to the first frame
 * laid out with the agenda's rows, going back to the Inbox in between. Also the query and the layout
 * alone, off the UI thread. {@code mvn -q -pl app -am test -Pperf -Dtest=AgendaPerfTest}; results in
 * {@code app/target/perf-agenda.txt}.
 */
@Tag("perf")
@ExtendWith(ApplicationExtension.class)
class AgendaPerfTest {
    private static final int TODOS = Integer.getInteger("tandem.scale.todos", 100_000);
    private static final int REPEATING = 500;
    private static final int ROUNDS = 15;
    private static final String[] RULES = {"FREQ=DAILY", "FREQ=WEEKLY", "FREQ=WEEKLY;BYDAY=MO,WE,FR", "FREQ=DAILY;INTERVAL=2",
        "FREQ=MONTHLY"};

    @TempDir
    static Path tmp;

    private Device device;
    private MainView view;
    private final AtomicLong keyAt = new AtomicLong();
    private volatile BooleanSupplier awaited;
    private volatile CompletableFuture<Long> reached;

    @BeforeAll
    static void seed() throws Exception {
        Path dir = tmp.resolve("agenda-" + TODOS);
        SeedData.main(new String[] {dir.toString(), Integer.toString(TODOS)});
    }

    @Start
    void start(Stage stage) throws Exception {
        device = Device.open("Agenda scale", tmp.resolve("agenda-" + TODOS), FxExecutor.INSTANCE, null, Duration.ofMillis(500));
        LocalDate today = device.store().today();
        long now = System.currentTimeMillis();
        device.store().writeAll(tx -> {
            for (int i = 0; i < REPEATING; i++) {
                tx.save(new Item(null, null, "Repeating " + i, null, today.plusDays(i % 20 - 8).toString(), 0L, null, null,
                        now + i, null, RULES[i % RULES.length], null, null, null, null, null, null, null));
            }
            return null;
        });
        view = MainWindow.create(device, Theme.LIGHT, null);
        Scene scene = new Scene(view, 1100, 720);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (!e.getCode().isModifierKey()) {
                keyAt.set(System.nanoTime());
            }
        });
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

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        WaitForAsyncUtils.asyncFx(() -> view.close()).get(5, TimeUnit.SECONDS);
        device.close();
    }

    @Test
    void openAgenda_at100kTodosAnd500Repeating(FxRobot robot) throws Exception {
        MainViewModel vm = view.viewModel();
        settle(() -> vm.liveItems().isComplete() && vm.sidebar().size() > 4, Duration.ofSeconds(120));
        LocalDate today = device.store().today();
        List<Long> page = new ArrayList<>();
        List<Long> query = new ArrayList<>();
        List<Long> layout = new ArrayList<>();
        int rows = 0;
        for (int i = 0; i < ROUNDS; i++) {
            long p0 = System.nanoTime();
            AgendaPlan.firstPage(AgendaItems.firstPage(device.store(), today.plusDays(AgendaPlan.DAYS - 1L)), today,
                    AgendaPlan.DAYS);
            page.add((System.nanoTime() - p0) / 1_000_000);
            long t0 = System.nanoTime();
            List<Item> items = AgendaItems.query(device.store(), today.plusDays(AgendaPlan.DAYS - 1L));
            long t1 = System.nanoTime();
            rows = AgendaPlan.of(items, today, AgendaPlan.DAYS).size();
            long t2 = System.nanoTime();
            query.add((t1 - t0) / 1_000_000);
            layout.add((t2 - t1) / 1_000_000);
        }
        robot.clickOn("#items");
        List<Long> open = new ArrayList<>();
        List<Long> whole = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            open.add(measure(() -> robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.A).release(KeyCode.SHIFT, KeyCode.CONTROL),
                    () -> vm.view() instanceof Listing.Agenda && vm.agenda().live().isLoaded() && !vm.agenda().rows().isEmpty()
                            && agendaCellsShown()));
            whole.add(measureOn(() -> vm.agenda().live().isComplete()));
            robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT1).release(KeyCode.CONTROL);
            // Back in the Inbox until its 90,000 rows are all in, as after reading it a while.
            settle(() -> vm.view().equals(Listing.inbox()) && vm.liveItems().isComplete(), Duration.ofSeconds(120));
        }
        String report = "todos=" + TODOS + " repeating=" + REPEATING + " agenda rows=" + rows + "\n"
                + line("open the agenda (Ctrl+Shift+A), key to first frame with its rows", open) + "\n"
                + line("the whole agenda in (after its first page)", whole) + "\n"
                + line("first page alone: its query and layout (off the UI thread)", page) + "\n"
                + line("query alone (off the UI thread)", query) + "\n"
                + line("layout by day with the repeats (off the UI thread)", layout) + "\n";
        System.out.print(report);
        Files.writeString(Path.of("target/perf-agenda.txt"), report, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** The agenda's list is on screen with rendered cells. */
    private boolean agendaCellsShown() {
        Node agenda = view.lookup("#agenda");
        return agenda != null && agenda.isVisible() && agenda.lookupAll(".item-cell").stream()
                .anyMatch(n -> n instanceof ListCell<?> c && c.getItem() != null);
    }

    private long measure(Runnable action, BooleanSupplier shows) throws Exception {
        CompletableFuture<Long> done = new CompletableFuture<>();
        WaitForAsyncUtils.asyncFx(() -> {
            reached = done;
            awaited = shows;
        }).get(5, TimeUnit.SECONDS);
        keyAt.set(0);
        action.run();
        long end = done.get(60, TimeUnit.SECONDS);
        long start = keyAt.get();
        assertTrue(start != 0 && end >= start, "the key reached the window before the result");
        return (end - start) / 1_000_000;
    }

    /** Milliseconds from the last key to the first frame where {@code shows}, with no new key. */
    private long measureOn(BooleanSupplier shows) throws Exception {
        CompletableFuture<Long> done = new CompletableFuture<>();
        WaitForAsyncUtils.asyncFx(() -> {
            if (shows.getAsBoolean()) {
                done.complete(System.nanoTime());
            } else {
                reached = done;
                awaited = shows;
            }
        }).get(5, TimeUnit.SECONDS);
        return (done.get(60, TimeUnit.SECONDS) - keyAt.get()) / 1_000_000;
    }
}
