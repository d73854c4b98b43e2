package dev.tandem.app.vm.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.history.Authors;
import dev.tandem.app.model.history.ItemVersions;
import dev.tandem.app.testing.TestClock;
import dev.tandem.app.vm.shared.UndoManager;
import dev.tandem.engine.Db;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class AsOfViewModelTest {
    private final TestClock clock = new TestClock(ZoneOffset.UTC);
    private final TodoStore store = new TodoStore(Db.builder().memory().clock(clock).build(), clock, ZoneOffset.UTC);
    private final Async async = Async.direct(e -> {
        throw new AssertionError(e);
    });
    private final UndoManager undo = new UndoManager(async);
    private final AsOfViewModel vm = new AsOfViewModel(store, new ItemVersions(store, new Authors(store)), undo, async, clock);

    @AfterEach
    void close() {
        store.close();
    }

    /** Groceries with Milk and Eggs yesterday at noon; since then Milk renamed, Eggs deleted for good, the list deleted. */
    private LocalDateTime yesterdayNoonThenChanges() {
        clock.set(LocalDateTime.of(2026, 11, 24, 11, 0).toInstant(ZoneOffset.UTC));
        TodoList groceries = store.createList("Groceries");
        Item milk = store.add("Milk", groceries.id(), null);
        Item eggs = store.add("Eggs", groceries.id(), null);
        clock.set(LocalDateTime.of(2026, 11, 25, 9, 0).toInstant(ZoneOffset.UTC));
        store.update(milk.id(), i -> i.withTitle("Oat milk"));
        store.trash(eggs.id());
        store.emptyTrash();
        store.deleteList(groceries.id());
        clock.advance(Duration.ofMinutes(5));
        return LocalDateTime.of(2026, 11, 24, 12, 0);
    }

    private AsOfViewModel.ListRow groceries() {
        return vm.lists().stream().filter(l -> l.name().equals("Groceries")).findFirst().orElseThrow();
    }

    @Test
    void show_aTimeBeforeTheChanges_showsTheListsAsTheyStood() {
        LocalDateTime then = yesterdayNoonThenChanges();
        vm.dateProperty().set(then.toLocalDate());
        vm.timeProperty().set("12:00");

        vm.show();

        assertTrue(groceries().goneNow(), "the list is marked deleted since");
        vm.select(groceries());
        assertEquals(List.of("Milk", "Eggs"), vm.items().stream().map(r -> r.then().title()).toList());
        assertEquals(List.of("in the Trash now", "deleted since"), vm.items().stream().map(AsOfViewModel.ItemRow::state).toList());
    }

    @Test
    void restoreList_deletedSince_bringsTheListAndItsItemsBackAndUndoTakesThemAway() {
        LocalDateTime then = yesterdayNoonThenChanges();
        vm.dateProperty().set(then.toLocalDate());
        vm.timeProperty().set("12:00");
        vm.show();
        vm.select(groceries());

        vm.restoreList();

        TodoList back = store.findList("Groceries").orElseThrow();
        List<String> titles = store.allItems().stream().filter(i -> back.id().equals(i.listId()) && !i.isTrashed())
                .map(Item::title).sorted().toList();
        assertEquals(List.of("Eggs", "Milk"), titles);
        undo.undo();
        assertTrue(store.findList("Groceries").isEmpty(), "undo deletes the list again");
    }

    @Test
    void show_aTimeToCome_saysSoAndShowsNothing() {
        vm.dateProperty().set(LocalDate.now(clock).plusDays(1));
        vm.show();
        assertTrue(vm.errorProperty().get());
        assertEquals("That is still to come: choose a time in the past.", vm.messageProperty().get());
    }

    /** Opened from a list, the dialog shows that list as it stood, with dates written as the app writes them. */
    @Test
    void show_openedFromAList_thatListIsChosen() {
        clock.set(LocalDateTime.of(2026, 11, 24, 11, 0).toInstant(ZoneOffset.UTC));
        store.add("Inbox thing", null, null);
        TodoList garden = store.createList("Garden");
        store.add("Water plants", garden.id(), null);
        clock.set(LocalDateTime.of(2026, 11, 25, 12, 0).toInstant(ZoneOffset.UTC));
        AsOfViewModel fromGarden = new AsOfViewModel(store, new ItemVersions(store, new Authors(store)), undo, async,
                clock, garden.id());

        fromGarden.show();

        assertEquals(garden.id(), fromGarden.selected().listId());
        assertEquals(List.of("Water plants"), fromGarden.items().stream().map(r -> r.then().title()).toList());
        assertEquals("Tue 24 Nov 2026", fromGarden.formatDate(fromGarden.dateProperty().get()));
        assertEquals(LocalDate.of(2026, 11, 20), fromGarden.parseDate("Fri 20 Nov 2026"));
        assertEquals(LocalDate.of(2026, 11, 24), fromGarden.parseDate("yesterday"));
        assertEquals(LocalDate.of(2026, 11, 24), fromGarden.parseDate("not a date"), "keeps the date it had");
    }

    @Test
    void formatDate_germanAndFrench_readBackAsTheSameDay() {
        LocalDate day = LocalDate.of(2026, 11, 20);
        try {
            Messages.use(Language.GERMAN);
            assertEquals("Fr., 20. Nov. 2026", vm.formatDate(day));
            assertEquals(day, vm.parseDate(vm.formatDate(day)));
            Messages.use(Language.FRENCH);
            assertEquals("ven. 20 nov. 2026", vm.formatDate(day));
            assertEquals(day, vm.parseDate(vm.formatDate(day)));
        } finally {
            Messages.use(Language.ENGLISH);
        }
    }
}
