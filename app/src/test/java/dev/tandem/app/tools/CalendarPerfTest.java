package dev.tandem.app.tools;

import static dev.tandem.app.tools.AppScalePerfTest.line;
import static dev.tandem.app.tools.AppScalePerfTest.settle;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.Device;
import dev.tandem.app.MainWindow;
import dev.tandem.app.fx.FxExecutor;
import dev.tandem.app.model.CalendarItems;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Listing;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.view.MainView;
import dev.tandem.app.vm.window.MainViewModel;
import dev.tandem.app.vm.calendar.CalendarEntry;
import dev.tandem.app.vm.calendar.CalendarPlan;
import dev.tandem.app.vm.calendar.CalendarRange;
import dev.tandem.app.vm.calendar.CalendarViewModel;
import dev.tandem.engine.Db;
import dev.tandem.ui.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
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
 * The calendar at 100,000 todos, each due on a day of the three years around today (some 90 a day), a
 * third of them at a time of day, plus {@value #REPEATING} repeating ones whose later dates the grids
 * compute; beside it, the same window on an empty profile. In a real window, driven by the keyboard,
 * each figure from the key the window receives to the first frame laid out with the result: opening the
 * week (Ctrl+Shift+W) and the month (Ctrl+Shift+K) from the Inbox; Page Down and Page Up through
 * {@value #SWITCHES} weeks; Alt+Right and Alt+Left moving a timed todo, to its block in the new day's
 * column. Then a mouse drag of a block across the week: each pulse's CSS and layout, and each drag
 * event to the frame after it. {@code mvn -q -pl app -am test -Pperf -Dtest=CalendarPerfTest}; results
 * in {@code app/target/perf-calendar.txt}.
 */
@Tag("perf")
@ExtendWith(ApplicationExtension.class)
class CalendarPerfTest {
    private static final int TODOS = Integer.getInteger("tandem.scale.todos", 100_000);
    private static final int REPEATING = 500;
    /** Days before and after today the todos are spread over. */
    private static final int SPREAD = 548;
    private static final int ROUNDS = 15;
    private static final int SWITCHES = 40;
    private static final int MOVES = 40;
    private static final int DRAGS = 6;
    private static final String[] RULES = {"FREQ=DAILY", "FREQ=WEEKLY", "FREQ=WEEKLY;BYDAY=MO,WE,FR", "FREQ=DAILY;INTERVAL=2",
        "FREQ=MONTHLY"};

    @TempDir
    static Path tmp;

    private Device device;
    private MainView view;
    private final AtomicLong keyAt = new AtomicLong();
    private final AtomicLong pulseStart = new AtomicLong();
    private final AtomicLong dragEventAt = new AtomicLong();
    private volatile boolean recordPulses;
    private final List<Long> pulses = new ArrayList<>();
    private final List<Long> dragToFrame = new ArrayList<>();
    private volatile BooleanSupplier awaited;
    private volatile CompletableFuture<Long> reached;

    @BeforeAll
    static void seed() throws Exception {
        seed(tmp.resolve("calendar-" + TODOS), TODOS);
        Files.createDirectories(tmp.resolve("calendar-empty"));
    }

    /** {@code n} todos on the days around today, a third timed (08:00 to 19:45, 30 or 60 minutes), and the repeating ones. */
    static void seed(Path dir, int n) throws Exception {
        Files.createDirectories(dir);
        try (Db db = Db.open(dir.resolve(Device.DB_FILE))) {
            TodoStore store = new TodoStore(db, Clock.systemUTC());
            TodoList[] lists = {store.createList("Work"), store.createList("Home"), store.createList("Groceries")};
            LocalDate today = store.today();
            long now = System.currentTimeMillis();
            int batch = 2000;
            for (int start = 0; start < n; start += batch) {
                int s = start;
                db.transaction(tx -> {
                    for (int i = s; i < Math.min(n, s + batch); i++) {
                        // Spread by a multiplicative step, so neighbouring todos land on days far apart.
                        LocalDate due = today.plusDays((int) ((i * 7919L) % (2 * SPREAD + 1)) - SPREAD);
                        String time = i % 3 == 0 ? Item.TIME.format(LocalTime.of(8 + i % 12, 15 * (i % 4))) : null;
                        Long minutes = time == null ? null : (long) (i % 2 == 0 ? 30 : 60);
                        tx.save(new Item(null, i % 10 == 0 ? lists[i % 3].id() : null, "Todo number " + i, null,
                                due.toString(), 0L, null, null, now - n + i, null, null, null, null, null, null, time,
                                minutes, null));
                    }
                });
            }
            db.transaction(tx -> {
                for (int i = 0; i < REPEATING; i++) {
                    tx.save(new Item(null, null, "Repeating " + i, null, today.minusDays(i % 60).toString(), 0L, null,
                            null, now + i, null, RULES[i % RULES.length], null, null, null, null,
                            i % 10 == 0 ? "07:00" : null, null, null));
                }
            });
        }
    }

    private Stage stage;

    @Start
    void start(Stage stage) {
        // Each test opens its own profile in it (see open).
        this.stage = stage;
    }

    private void open(String name) throws Exception {
        device = Device.open("Calendar scale", tmp.resolve(name), FxExecutor.INSTANCE, null, Duration.ofMillis(500));
        WaitForAsyncUtils.asyncFx(() -> {
            view = MainWindow.create(device, Theme.LIGHT, null);
            Scene scene = new Scene(view, 1100, 720);
            scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
                if (!e.getCode().isModifierKey()) {
                    keyAt.set(System.nanoTime());
                }
            });
            scene.addEventFilter(MouseEvent.MOUSE_DRAGGED, e -> {
                if (recordPulses && dragEventAt.get() == 0) {
                    dragEventAt.set(System.nanoTime());
                }
            });
            scene.addPreLayoutPulseListener(() -> pulseStart.set(System.nanoTime()));
            scene.addPostLayoutPulseListener(() -> {
                long t = System.nanoTime();
                if (recordPulses) {
                    pulses.add((t - pulseStart.get()) / 1_000_000);
                    long ev = dragEventAt.getAndSet(0);
                    if (ev != 0) {
                        dragToFrame.add((t - ev) / 1_000_000);
                    }
                }
                BooleanSupplier condition = awaited;
                if (condition != null && condition.getAsBoolean()) {
                    awaited = null;
                    reached.complete(t);
                }
            });
            stage.setScene(scene);
            stage.show();
            view.start();
            return null;
        }).get(30, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        if (view != null) {
            WaitForAsyncUtils.asyncFx(() -> view.close()).get(5, TimeUnit.SECONDS);
        }
        if (device != null) {
            device.close();
        }
    }

    @Test
    void weekMonthSwitchAndMove_emptyProfile(FxRobot robot) throws Exception {
        open("calendar-empty");
        // With nothing to show, one timed todo to move, and one each week so a switch has a block to wait for.
        LocalDate today = device.store().today();
        for (int w = -SWITCHES; w <= SWITCHES; w++) {
            device.store().add("Weekly " + w, null, null, today.plusWeeks(w), new TodoDetails(null,
                    List.of(), null, null, false, LocalTime.of(10, 0), 30));
        }
        run(robot, "empty profile (" + (2 * SWITCHES + 1) + " todos, one a week)", "target/perf-calendar-empty.txt");
    }

    @Test
    void weekMonthSwitchAndMove_at100kTodosAnd500Repeating(FxRobot robot) throws Exception {
        open("calendar-" + TODOS);
        run(robot, "todos=" + TODOS + " repeating=" + REPEATING + " over " + (2 * SPREAD + 1) + " days",
                "target/perf-calendar.txt");
    }

    private void run(FxRobot robot, String what, String out) throws Exception {
        MainViewModel vm = view.viewModel();
        CalendarViewModel cal = vm.calendar();
        settle(() -> vm.liveItems().isComplete() && vm.sidebar().size() > 4, Duration.ofSeconds(120));
        List<String> lines = new ArrayList<>();

        // Off the UI thread: the week's and the month's query and layout alone.
        LocalDate today = device.store().today();
        List<Long> weekQuery = new ArrayList<>();
        List<Long> weekPlan = new ArrayList<>();
        List<Long> monthQuery = new ArrayList<>();
        List<Long> monthPlan = new ArrayList<>();
        int weekShown = 0;
        for (int i = 0; i < ROUNDS; i++) {
            for (CalendarRange.Mode mode : CalendarRange.Mode.values()) {
                CalendarRange r = CalendarRange.of(mode, today.plusWeeks(i), Locale.UK);
                long t0 = System.nanoTime();
                List<Item> items = CalendarItems.query(device.store(), r.first(), r.last());
                long t1 = System.nanoTime();
                CalendarPlan p = CalendarPlan.of(items, r);
                long t2 = System.nanoTime();
                (mode == CalendarRange.Mode.WEEK ? weekQuery : monthQuery).add((t1 - t0) / 1_000_000);
                (mode == CalendarRange.Mode.WEEK ? weekPlan : monthPlan).add((t2 - t1) / 1_000_000);
                if (mode == CalendarRange.Mode.WEEK && i == 0) {
                    weekShown = p.days().stream().mapToInt(d -> d.allDay().size() + d.blocks().size()).sum();
                }
            }
        }

        robot.clickOn("#items");
        List<Long> openWeek = new ArrayList<>();
        List<Long> openMonth = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            for (CalendarRange.Mode mode : CalendarRange.Mode.values()) {
                boolean week = mode == CalendarRange.Mode.WEEK;
                KeyCode key = week ? KeyCode.W : KeyCode.K;
                (week ? openWeek : openMonth).add(measure(
                        () -> robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(key).release(KeyCode.SHIFT, KeyCode.CONTROL),
                        () -> vm.view() instanceof Listing.Calendar && cal.rangeProperty().get().mode() == mode
                                && gridShown(week, cal.rangeProperty().get())));
                robot.press(KeyCode.CONTROL).type(KeyCode.DIGIT1).release(KeyCode.CONTROL);
                settle(() -> vm.view().equals(Listing.inbox()) && vm.liveItems().isComplete(), Duration.ofSeconds(120));
            }
        }
        lines.add(line("open the week (Ctrl+Shift+W) from the Inbox, key to the first frame of its grid with its todos", openWeek));
        lines.add(line("open the month (Ctrl+Shift+K) from the Inbox, key to the first frame of its cells with their todos",
                openMonth));

        // Switching weeks: Page Down, then Page Up, each to the new week's grid with its todos on screen.
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT).type(KeyCode.W).release(KeyCode.SHIFT, KeyCode.CONTROL);
        settle(() -> cal.loadedProperty().get() && gridShown(true, cal.rangeProperty().get()), Duration.ofSeconds(30));
        List<Long> switching = new ArrayList<>();
        for (int i = 0; i < SWITCHES; i++) {
            boolean forward = i < SWITCHES / 2;
            LocalDate first = onFx(() -> cal.rangeProperty().get().first()).plusWeeks(forward ? 1 : -1);
            switching.add(measure(() -> robot.type(forward ? KeyCode.PAGE_DOWN : KeyCode.PAGE_UP),
                    () -> cal.rangeProperty().get().first().equals(first) && gridShown(true, cal.rangeProperty().get())));
        }
        lines.add(line("switch weeks (Page Down, Page Up), key to the new week's grid with its todos", switching));

        // Alt+Right and Alt+Left on a timed todo that does not repeat: to its block in the next day's column and back.
        robot.type(KeyCode.HOME);
        settle(() -> cal.loadedProperty().get() && gridShown(true, cal.rangeProperty().get()), Duration.ofSeconds(30));
        CalendarEntry moved = onFx(() -> cal.planProperty().get().days().subList(0, 6).stream()
                .flatMap(d -> d.blocks().stream()).map(b -> b.entry()).filter(e -> !e.repeats()).findFirst().orElseThrow());
        String key = moved.key();
        LocalDate from = moved.date();
        // Selected as a click would (the block may be scrolled out of view), the keyboard in the calendar.
        onFx(() -> {
            cal.selectEntry(moved);
            view.lookup("#calendar").requestFocus();
            return null;
        });
        settle(() -> key.equals(cal.selectedKeyProperty().get()), Duration.ofSeconds(10));
        List<Long> moving = new ArrayList<>();
        for (int i = 0; i < MOVES; i++) {
            boolean right = i % 2 == 0;
            LocalDate to = right ? from.plusDays(1) : from;
            moving.add(measure(() -> robot.press(KeyCode.ALT).type(right ? KeyCode.RIGHT : KeyCode.LEFT).release(KeyCode.ALT),
                    () -> blockOf(key).map(n -> n.getUserData() instanceof CalendarEntry e && e.date().equals(to)
                            && inColumn(n, cal.rangeProperty().get().indexOf(to))).orElse(false)));
        }
        lines.add(line("move a timed todo a day (Alt+Right, Alt+Left), key to its block in the new day's column", moving));

        // Dragging a block across the week and back: the frames while the pointer moves.
        Node dragged = onFx(() -> blockOf(key).orElseThrow());
        double dayWidth = onFx(() -> dragged.getParent().lookup(".calendar-column").getBoundsInParent().getWidth());
        for (int i = 0; i < DRAGS; i++) {
            Node b = onFx(() -> blockOf(key).orElseThrow());
            recordPulses = true;
            double dir = i % 2 == 0 ? 1 : -1;
            robot.drag(b).moveBy(dir * dayWidth * 1.5, 40).moveBy(dir * dayWidth * 1.5, -40).drop();
            recordPulses = false;
            WaitForAsyncUtils.waitForFxEvents();
        }
        lines.add(line("while dragging a block (" + DRAGS + " drags over 3 days): each pulse's CSS and layout", pulses));
        lines.add(line("while dragging: a drag event to the end of the next pulse's layout", dragToFrame));

        Runtime rt = Runtime.getRuntime();
        lines.add(String.format("heap used after the run: %d MB (max %d MB)", (rt.totalMemory() - rt.freeMemory()) >> 20,
                rt.maxMemory() >> 20));
        lines.add(line("week query alone (off the UI thread)", weekQuery));
        lines.add(line("week layout alone (off the UI thread)", weekPlan));
        lines.add(line("month query alone (off the UI thread)", monthQuery));
        lines.add(line("month layout alone (off the UI thread)", monthPlan));
        String report = what + ", this week's grid holds " + weekShown + " todos\n" + String.join("\n", lines) + "\n";
        System.out.print(report);
        Files.writeString(Path.of(out), report, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** The grid of that mode is on screen, laid out, with the range's todos in it (on the FX thread). */
    private boolean gridShown(boolean week, CalendarRange r) {
        CalendarViewModel cal = view.viewModel().calendar();
        if (!cal.loadedProperty().get() || !cal.planProperty().get().range().equals(r)) {
            return false;
        }
        Node grid = view.lookup(week ? "#calendar-week" : "#calendar-month");
        if (grid == null || !grid.isVisible() || grid.getScene() == null) {
            return false;
        }
        boolean any = cal.planProperty().get().days().stream().anyMatch(d -> d.total() > 0);
        if (!any) {
            return true;
        }
        for (Node n : grid.lookupAll(week ? ".calendar-block" : ".calendar-chip")) {
            if (n.isVisible() && n.getUserData() instanceof CalendarEntry e && r.contains(e.date())
                    && n.getLayoutBounds().getWidth() > 0 && n.getScene() != null) {
                return true;
            }
        }
        return false;
    }

    private Optional<Node> blockOf(String key) {
        Node grid = view.lookup("#calendar-week");
        return grid == null ? Optional.empty() : grid.lookupAll(".calendar-block").stream()
                .filter(n -> n.isVisible() && n.getUserData() instanceof CalendarEntry e && e.key().equals(key)).findFirst();
    }

    /** The node is laid out within the week's day column {@code index}. */
    private static boolean inColumn(Node n, int index) {
        Node column = n.getParent().lookupAll(".calendar-column").stream().skip(index).findFirst().orElse(null);
        if (column == null) {
            return false;
        }
        Bounds c = column.getBoundsInParent();
        Bounds b = n.getBoundsInParent();
        return b.getWidth() > 0 && b.getMinX() >= c.getMinX() - 0.5 && b.getMaxX() <= c.getMaxX() + 0.5;
    }

    private long measure(Runnable action, BooleanSupplier shows) throws Exception {
        CompletableFuture<Long> done = new CompletableFuture<>();
        WaitForAsyncUtils.asyncFx(() -> {
            reached = done;
            awaited = shows;
        }).get(5, TimeUnit.SECONDS);
        keyAt.set(0);
        action.run();
        long end;
        try {
            end = done.get(60, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            CalendarViewModel cal = view.viewModel().calendar();
            throw new AssertionError("not shown within 60 s: " + onFx(() -> view.viewModel().view() + " range "
                    + cal.rangeProperty().get() + " loaded " + cal.loadedProperty().get() + " selected "
                    + cal.selectedKeyProperty().get() + " focus " + view.getScene().getFocusOwner()), e);
        }
        long start = keyAt.get();
        assertTrue(start != 0 && end >= start, "the key reached the window before the result");
        return (end - start) / 1_000_000;
    }

    private static <T> T onFx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get(5, TimeUnit.SECONDS);
    }
}
