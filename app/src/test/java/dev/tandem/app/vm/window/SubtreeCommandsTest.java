package dev.tandem.app.vm.window;

import dev.tandem.app.vm.shared.UndoManager;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Recurrence;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.testing.FakeDialogs;
import dev.tandem.app.testing.TestClock;
import dev.tandem.app.testing.TestUi;
import dev.tandem.engine.Db;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Completing, deleting and restoring a parent todo from the window: its subtasks go with it, one undo step. */
@Tag("unit")
class SubtreeCommandsTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private final TestUi ui = new TestUi();
    private final TestClock clock = new TestClock(ZONE);
    private final TodoStore store = new TodoStore(Db.openMemory(), clock, ZONE);
    private final FakeDialogs dialogs = new FakeDialogs();
    private MainViewModel main;
    private TodoList home;
    private Item move;
    private Item van;
    private Item driver;

    @BeforeEach
    void start() {
        clock.set(ZonedDateTime.of(2026, 11, 18, 12, 0, 0, 0, ZONE).toInstant());
        Async async = new Async(Runnable::run, ui, e -> {
            throw new AssertionError(e);
        });
        main = new MainViewModel(store, async, dialogs, new UndoManager(async));
        ui.run(main::start);
        home = store.createList("Home");
        move = store.add("Move house", null, home.id(), null, TodoDetails.NONE).item();
        van = store.add("Book the van", null, home.id(), move.id(), null, TodoDetails.NONE).item();
        driver = store.add("Find a driver", null, home.id(), van.id(), null, TodoDetails.NONE).item();
    }

    @AfterEach
    void close() {
        main.close();
        store.close();
        ui.close();
    }

    private Item get(Item i) {
        return store.get(i.id()).orElseThrow();
    }

    @Test
    void setDone_parentWithOpenSubtasks_asksAndCompletesThemAll_undoReopens() {
        ui.run(() -> main.commands().setDone(move, true));
        ui.flush();
        ui.flush();
        assertEquals(List.of("confirm: Complete “Move house”?"), dialogs.asked);
        assertTrue(dialogs.confirmMessages.get(0).contains("2 open subtasks"));
        assertTrue(get(move).isDone() && get(van).isDone() && get(driver).isDone());
        ui.run(main.commands()::undo);
        ui.flush();
        assertFalse(get(move).isDone() || get(van).isDone() || get(driver).isDone());
    }

    @Test
    void setDone_parentWithOpenSubtasks_cancelLeavesAllOpen() {
        dialogs.confirmAnswer = false;
        ui.run(() -> main.commands().setDone(move, true));
        assertFalse(get(move).isDone() || get(van).isDone());
    }

    @Test
    void setDone_repeatingParent_nextOccurrenceBringsFreshSubtasks() {
        store.update(move.id(), i -> i.withDue(LocalDate.of(2026, 11, 18))
                .withRepeat(Recurrence.weekly(Set.of(DayOfWeek.WEDNESDAY)).toRule(), move.id()));
        ui.run(() -> main.commands().setDone(get(move), true));
        ui.await(() -> store.allItems().stream().filter(i -> "Move house".equals(i.title())).count() == 2);
        Item next = store.allItems().stream().filter(i -> "Move house".equals(i.title()) && !i.isDone()).findFirst()
                .orElseThrow();
        assertEquals(LocalDate.of(2026, 11, 25), next.dueDate());
        List<Item> kids = store.allItems().stream().filter(i -> next.id().equals(i.parentId())).toList();
        assertEquals(List.of("Book the van"), kids.stream().map(Item::title).toList());
        assertFalse(kids.get(0).isDone());
        assertTrue(store.allItems().stream().anyMatch(i -> kids.get(0).id().equals(i.parentId())
                && "Find a driver".equals(i.title()) && !i.isDone()), "two levels down too");
        ui.run(main.commands()::undo);
        ui.flush();
        assertTrue(store.allItems().stream().noneMatch(i -> next.id().equals(i.parentId())), "undo takes them back");
    }

    @Test
    void delete_parent_takesItsSubtasksToTheTrash_restoreBringsThemBack() {
        ui.run(() -> main.commands().delete(move));
        assertTrue(get(move).isTrashed() && get(van).isTrashed() && get(driver).isTrashed());
        ui.run(() -> main.commands().restore(get(move)));
        assertFalse(get(move).isTrashed() || get(van).isTrashed() || get(driver).isTrashed());
    }

    @Test
    void restore_subtaskOfADeletedParent_bringsTheParentBackToo() {
        ui.run(() -> main.commands().delete(move));
        ui.run(() -> main.commands().restore(get(driver)));
        assertFalse(get(driver).isTrashed() || get(van).isTrashed() || get(move).isTrashed());
    }
}
