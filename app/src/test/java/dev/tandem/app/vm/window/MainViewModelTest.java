package dev.tandem.app.vm.window;

import dev.tandem.app.vm.shared.ItemRow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.Listing;
import dev.tandem.app.model.TodoList;
import dev.tandem.engine.ChangeEvent;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class MainViewModelTest extends MainViewModelFixture {
    @Test
    void toggleDone_leavesInbox_undoBringsItBack() {
        store.add("Task", null, null);
        ui.await(() -> titles().size() == 1);
        ItemRow it = ui.get(() -> vm.items().get(0));
        ui.run(() -> vm.commands().toggleDone(it));
        ui.await(() -> titles().isEmpty() && count("completed") == 1);
        ui.await(() -> vm.undoManager().canUndoProperty().get());
        ui.run(vm.commands()::undo);
        ui.await(() -> titles().equals(List.of("Task")));
        assertFalse(store.get(it.id()).orElseThrow().isDone());
    }

    @Test
    void delete_movesToTrash_thenDeleteInTrashAsksAndDeletesForGood() {
        Item a = store.add("Old", null, null);
        ui.await(() -> titles().size() == 1);
        ui.run(() -> vm.commands().delete(a));
        ui.await(() -> titles().isEmpty() && count("trash") == 1);
        ui.run(() -> vm.select(Listing.of(Listing.BuiltIn.TRASH)));
        ui.await(() -> titles().equals(List.of("Old")));
        ItemRow trashed = ui.get(() -> vm.items().get(0));
        dialogs.confirmAnswer = false;
        ui.run(() -> vm.commands().delete(trashed));
        assertTrue(store.get(a.id()).isPresent(), "cancelled");
        dialogs.confirmAnswer = true;
        ui.run(() -> vm.commands().delete(trashed));
        ui.await(() -> titles().isEmpty());
        assertTrue(store.get(a.id()).isEmpty());
        assertEquals(List.of("confirm destructive: Delete for good?", "confirm destructive: Delete for good?"),
                dialogs.asked, "deleting for good asks as a loss, never as an ordinary question");
        ui.run(vm.commands()::undo);
        ui.await(() -> titles().equals(List.of("Old")));
    }

    @Test
    void restore_fromTrash_returnsToInbox() {
        Item a = store.add("Back", null, null);
        store.trash(a.id());
        ui.run(() -> vm.select(Listing.of(Listing.BuiltIn.TRASH)));
        // The Trash's own row: until the trash commit reaches it, the Inbox still shows "Back", untrashed.
        ui.await(() -> titles().equals(List.of("Back")) && vm.items().get(0).item().isTrashed());
        ItemRow trashed = ui.get(() -> vm.items().get(0));
        ui.run(() -> vm.commands().restore(trashed));
        ui.await(() -> titles().isEmpty() && count("inbox") == 1);
    }

    @Test
    void emptyTrash_confirmed_deletesAll_undoRestores() {
        for (String t : List.of("x", "y")) {
            store.trash(store.add(t, null, null).id());
        }
        ui.await(() -> count("trash") == 2);
        ui.run(vm.commands()::emptyTrash);
        ui.await(() -> count("trash") == 0);
        assertEquals(List.of("confirm destructive: Empty the Trash?"), dialogs.asked);
        ui.run(vm.commands()::undo);
        ui.await(() -> count("trash") == 2);
    }

    @Test
    void search_asYouType_showsMatches_andClearingReturns() {
        store.add("Quarterly report", null, null);
        store.add("Walk the dog", null, null);
        ui.await(() -> titles().size() == 2);
        ui.run(() -> vm.searchProperty().set("qua"));
        ui.await(() -> titles().equals(List.of("Quarterly report")));
        assertEquals("Search", ui.get(() -> vm.titleProperty().get()));
        ui.run(() -> vm.searchProperty().set("quarterly wal"));
        ui.await(() -> titles().isEmpty());
        ui.run(() -> vm.searchProperty().set(""));
        ui.await(() -> titles().size() == 2);
        assertEquals("Inbox", ui.get(() -> vm.titleProperty().get()));
    }

    @Test
    void liveUpdate_editOfOneRow_keepsOtherRowObjects() {
        Item a = store.add("a", null, null);
        store.add("b", null, null);
        ui.await(() -> titles().size() == 2);
        ItemRow rowB = ui.get(() -> vm.items().get(1));
        store.update(a.id(), it -> it.withTitle("a2"));
        ui.await(() -> titles().equals(List.of("a2", "b")));
        assertSame(rowB, ui.get(() -> vm.items().get(1)));
    }

    @Test
    void selectRelative_wrapsAroundSidebar() {
        // Inbox, Today, Upcoming, Agenda, Calendar, Someday, Completed, Trash, Conflicts.
        ui.await(() -> vm.sidebar().size() == 9);
        ui.run(() -> vm.selectRelative(1));
        assertEquals(Listing.of(Listing.BuiltIn.TODAY), ui.get(vm::view));
        ui.run(() -> vm.selectRelative(-2));
        assertEquals(new Listing.ConflictsView(), ui.get(vm::view));
    }

    @Test
    void newList_named_createsAndSelectsIt() {
        dialogs.textAnswers.add("Errands");
        ui.run(vm.commands().listCommands()::newList);
        ui.await(() -> vm.view() instanceof Listing.UserListing);
        ui.await(() -> "Errands".equals(vm.titleProperty().get()));
    }

    @Test
    void newList_nameInUse_saysSoAndShowsThatListWithoutASecond() {
        TodoList home = store.createList("Home");
        ui.await(() -> vm.lists().size() == 1);
        dialogs.textAnswers.add("home");
        ui.run(vm.commands().listCommands()::newList);
        ui.await(() -> new Listing.UserListing(home.id()).equals(vm.view()));
        assertEquals("A list called “Home” exists already: here it is", ui.get(() -> vm.commands().messageProperty().get()));
        assertEquals(1, store.lists().size());
    }

    @Test
    void deleteList_shown_goesToInboxAndTrashesItems() {
        TodoList work = store.createList("Work");
        store.add("w", work.id(), null);
        store.setDone(store.add("done already", work.id(), null).id(), true);
        ui.await(() -> vm.lists().size() == 1);
        ui.run(() -> vm.select(new Listing.UserListing(work.id())));
        ui.run(() -> vm.commands().listCommands().deleteList(work.id()));
        // Completed todos go to the Trash too, and the question says so.
        assertEquals(List.of("Its todos and notes, completed ones included, move to the Trash; Undo brings them back."),
                dialogs.confirmMessages);
        assertEquals(List.of("confirm destructive: Delete “Work”?"), dialogs.asked);
        ui.await(() -> vm.lists().isEmpty() && count("trash") == 2);
        assertEquals(Listing.inbox(), ui.get(vm::view));
        ui.run(vm.commands()::undo);
        ui.await(() -> vm.lists().size() == 1 && count("trash") == 0);
    }

    @Test
    void checkDate_clockPastMidnight_todayListAndCountsRollOver() {
        LocalDate day = LocalDate.of(2026, 11, 22);
        clock.set(day.atTime(23, 58).atZone(ZONE).toInstant());
        ui.run(vm::checkDate);
        store.add("due today", null, day);
        store.add("due tomorrow", null, day.plusDays(1));
        store.add("due later", null, day.plusDays(5));
        ui.run(() -> vm.select(Listing.of(Listing.BuiltIn.TODAY)));
        ui.await(() -> titles().equals(List.of("due today")) && count("today") == 1 && count("upcoming") == 2);
        clock.advance(Duration.ofMinutes(3));
        ui.run(vm::checkDate);
        ui.await(() -> titles().equals(List.of("due today", "due tomorrow")) && count("today") == 2
                && count("upcoming") == 1);
        assertEquals(day.plusDays(1), ui.get(() -> vm.todayProperty().get()));
    }

    @Test
    void checkDate_clockPastMidnight_upcomingDropsTheNewToday() {
        LocalDate day = LocalDate.of(2026, 11, 22);
        clock.set(day.atTime(23, 58).atZone(ZONE).toInstant());
        ui.run(vm::checkDate);
        store.add("due tomorrow", null, day.plusDays(1));
        store.add("due later", null, day.plusDays(5));
        ui.run(() -> vm.select(Listing.of(Listing.BuiltIn.UPCOMING)));
        ui.await(() -> titles().equals(List.of("due tomorrow", "due later")));
        clock.advance(Duration.ofMinutes(3));
        ui.run(vm::checkDate);
        ui.await(() -> titles().equals(List.of("due later")) && count("today") == 1);
    }

    @Test
    void undo_newList_isALocalCommitSoSyncHears() {
        List<ChangeEvent> local = new CopyOnWriteArrayList<>();
        store.replica().onCommit(ChangeEvent.Origin.LOCAL, local::addAll);
        dialogs.textAnswers.add("Errands");
        ui.run(vm.commands().listCommands()::newList);
        ui.await(() -> vm.lists().size() == 1);
        ui.run(vm.commands()::undo);
        ui.await(() -> vm.lists().isEmpty());
        // What the sync service listens for: the undo's delete, as a local commit.
        ui.await(() -> local.stream().anyMatch(e -> e.kind() == ChangeEvent.Kind.DELETE && e.table().equals("lists")));
    }
}
