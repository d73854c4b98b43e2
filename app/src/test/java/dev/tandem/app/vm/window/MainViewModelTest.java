package dev.tandem.app.vm.window;

import dev.tandem.app.vm.shared.ItemRow;
import dev.tandem.app.vm.shared.UndoManager;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Listing;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.testing.FakeDialogs;
import dev.tandem.app.testing.TestClock;
import dev.tandem.app.testing.TestUi;
import dev.tandem.app.vm.quickadd.QuickAddViewModel;
import dev.tandem.engine.ChangeEvent;
import dev.tandem.engine.Db;
import dev.tandem.engine.testing.Await;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class MainViewModelTest {
    /** Not the machine's zone, so midnight here is the store's zone's, whatever the machine. */
    private static final ZoneId ZONE = ZoneId.of("Pacific/Auckland");
    private final TestUi ui = new TestUi();
    private final TestClock clock = new TestClock(ZONE);
    private final TodoStore store = new TodoStore(Db.openMemory(), clock, ZONE);
    private final FakeDialogs dialogs = new FakeDialogs();
    private MainViewModel vm;

    @BeforeEach
    void start() {
        Async async = new Async(Runnable::run, ui, e -> {
            throw new AssertionError(e);
        });
        vm = new MainViewModel(store, async, dialogs, new UndoManager(async));
        ui.run(vm::start);
    }

    @AfterEach
    void close() {
        vm.close();
        store.close();
        ui.close();
    }

    private List<String> titles() {
        return ui.get(() -> vm.items().stream().map(ItemRow::title).toList());
    }

    private long count(String key) {
        return ui.get(() -> vm.sidebar().stream().filter(e -> e.key().equals(key)).findFirst().map(SidebarEntry::count).orElse(-1L));
    }

    @Test
    void quickAdd_textWithDate_addsToInboxWithDue() {
        ui.run(() -> assertTrue(vm.commands().quickAdd("Pay rent tomorrow")));
        ui.await(() -> titles().equals(List.of("Pay rent")));
        ItemRow it = ui.get(() -> vm.items().get(0));
        assertEquals(store.today().plusDays(1), store.get(it.id()).orElseThrow().dueDate());
        ui.await(() -> count("inbox") == 1 && count("upcoming") == 1);
    }

    /**
     * A sync catching up holds the database for seconds; an add meanwhile says it is under way
     * until it is saved, rather than leaving a cleared field and nothing else.
     */
    @Test
    void quickAdd_anotherWriteHoldsTheDatabase_saysAddingUntilSaved() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> store.writeAll(tx -> {
            held.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        holder.start();
        assertTrue(held.await(10, TimeUnit.SECONDS));
        ExecutorService io = Async.backgroundExecutor("test-io");
        Async async = new Async(io, ui, e -> {
            throw new AssertionError(e);
        });
        MainViewModel waiting = new MainViewModel(store, async, dialogs, new UndoManager(async));
        try {
            ui.run(() -> assertTrue(waiting.commands().quickAdd("Buy milk")));
            // The database stays held until the release below: the add waits, and the line says so meanwhile.
            ui.await(() -> waiting.commands().messageProperty().get().equals("Adding “Buy milk”…"));
            // (An in-memory database reads under the write lock too: the store is read after the release.)
            release.countDown();
            ui.await(() -> waiting.commands().messageProperty().get().equals("Added “Buy milk”"));
            assertEquals(List.of("Buy milk"), store.allItems().stream().map(Item::title).toList());
        } finally {
            release.countDown();
            holder.join();
            waiting.close();
            io.shutdownNow();
        }
    }

    /**
     * Another program (a long catch-up, an import) holds the database longer than a write waits:
     * the typed text stays in the field, the failure says why and stays until the user acts, and
     * Retry adds the todo once the database is free.
     */
    @Test
    void submit_anotherProgramHoldsTheDatabaseTooLong_textKeptFailureShownRetryAdds(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("tandem.db");
        ExecutorService io = Async.backgroundExecutor("test-io");
        List<Throwable> reported = new CopyOnWriteArrayList<>();
        Async async = new Async(io, ui, reported::add);
        TodoStore slow = new TodoStore(Schema.database(file).busyTimeout(Duration.ofMillis(300)).build(), clock, ZONE);
        MainViewModel waiting = new MainViewModel(slow, async, dialogs, new UndoManager(async));
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            try (Statement st = other.createStatement()) {
                st.execute("BEGIN IMMEDIATE");
            }
            QuickAddViewModel qa = waiting.quickAdd();
            ui.run(() -> qa.textProperty().set("Buy milk tomorrow"));
            ui.run(qa::submit);
            ui.await(() -> !qa.failureProperty().get().isEmpty());
            assertEquals("Buy milk tomorrow", ui.get(() -> qa.textProperty().get()), "the typed text stays");
            String failure = ui.get(() -> qa.failureProperty().get());
            assertTrue(failure.contains("Buy milk") && failure.contains("locked"), failure);
            // Nothing in the view-model runs on a timer (the message line's fade is the view's, and
            // never touches the failure): what could clear it of itself is the failed save's own
            // late work, which lands within this.
            Await.quietFor(Duration.ofMillis(300), "the failed save's late work would clear the failure within it");
            assertEquals(failure, ui.get(() -> qa.failureProperty().get()), "the failure stays until the user acts");
            assertEquals("Buy milk tomorrow", ui.get(() -> qa.textProperty().get()));

            other.createStatement().execute("ROLLBACK");
            ui.run(qa::retry);
            ui.await(() -> qa.textProperty().get().isEmpty() && qa.failureProperty().get().isEmpty()
                    && !qa.savingProperty().get());
            assertEquals(List.of("Buy milk"), slow.allItems().stream().map(Item::title).toList());
        } finally {
            waiting.close();
            io.shutdownNow();
            slow.close();
        }
    }

    @Test
    void quickAdd_saveFails_saysNotAddedAndReportsTheFailure() {
        Db db = Db.openMemory();
        TodoStore failing = new TodoStore(db, clock, ZONE);
        List<Throwable> reported = new CopyOnWriteArrayList<>();
        Async async = new Async(Runnable::run, ui, reported::add);
        MainViewModel broken = new MainViewModel(failing, async, dialogs, new UndoManager(async));
        db.close();
        ui.run(() -> assertTrue(broken.commands().quickAdd("Buy milk")));
        ui.await(() -> broken.commands().messageProperty().get().equals("“Buy milk” was not added"));
        assertEquals(1, reported.size(), reported.toString());
    }

    @Test
    void quickAdd_blank_addsNothing() {
        ui.run(() -> assertFalse(vm.commands().quickAdd("   ")));
    }

    @Test
    void quickAdd_inUserList_addsThere_andHashListCreatesList() {
        TodoList work = store.createList("Work");
        ui.await(() -> vm.lists().size() == 1);
        ui.run(() -> vm.select(new Listing.UserListing(work.id())));
        ui.run(() -> vm.commands().quickAdd("Write report"));
        ui.await(() -> titles().equals(List.of("Write report")));
        ui.run(() -> vm.commands().quickAdd("Lemons #Groceries"));
        ui.await(() -> vm.lists().size() == 2);
        assertEquals(work.id(), store.query(new Listing.UserListing(work.id())).get(0).listId());
        ui.await(() -> vm.sidebar().stream().anyMatch(e -> e.name().equals("Groceries") && e.count() == 1));
    }

    /** "#Family" from the Inbox puts the todo where the Inbox does not show it: say where, with a way there. */
    @Test
    void quickAdd_toAnotherListFromTheInbox_saysWhereWithALinkThere() {
        TodoList family = store.createList("Family");
        ui.await(() -> vm.lists().size() == 1);
        ui.run(() -> vm.commands().quickAdd("Call grandma #Family"));
        ui.await(() -> vm.commands().messageProperty().get().startsWith("Added"));
        assertEquals("Added “Call grandma” to Family.", ui.get(() -> vm.commands().messageProperty().get()));
        assertEquals("Show Family", ui.get(() -> vm.commands().messageActionProperty().get()));
        ui.run(vm.commands()::followMessage);
        assertEquals(new Listing.UserListing(family.id()), ui.get(() -> vm.viewProperty().get()));
        ui.await(() -> titles().equals(List.of("Call grandma")));

        // Added where it shows: no link.
        ui.run(() -> vm.commands().quickAdd("Bake a cake"));
        ui.await(() -> vm.commands().messageProperty().get().equals("Added “Bake a cake”"));
        assertEquals("", ui.get(() -> vm.commands().messageActionProperty().get()));
    }

    /** A 5,000-character title is kept whole in the todo; the message names it by its start. */
    @Test
    void quickAdd_veryLongTitle_messageNamesItShortened() {
        String title = "Call " + "x".repeat(4995);
        ui.run(() -> vm.commands().quickAdd(title));
        ui.await(() -> vm.commands().messageProperty().get().startsWith("Added"));
        String said = ui.get(() -> vm.commands().messageProperty().get());
        assertTrue(said.length() <= 100, said.length() + ": " + said.substring(0, Math.min(80, said.length())));
        assertTrue(said.startsWith("Added “Call xxx") && said.endsWith("…”"), said.substring(0, Math.min(80, said.length())));
        ui.await(() -> titles().equals(List.of(title)));
    }

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
    void undo_quickAddThatCreatedAList_removesTheListToo() {
        ui.run(() -> vm.commands().quickAdd("Lemons #Groceries"));
        ui.await(() -> vm.lists().size() == 1);
        ui.run(vm.commands()::undo);
        ui.await(() -> vm.lists().isEmpty());
        assertEquals(List.of(), store.allItems());
    }

    @Test
    void undo_quickAddIntoExistingList_keepsTheList() {
        store.createList("Groceries");
        ui.await(() -> vm.lists().size() == 1);
        ui.run(() -> vm.commands().quickAdd("Lemons #groceries"));
        ui.await(() -> store.allItems().size() == 1);
        ui.run(vm.commands()::undo);
        ui.await(() -> store.allItems().isEmpty());
        assertEquals(1, ui.get(() -> vm.lists().size()));
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

    private boolean canUndo() {
        return ui.get(() -> vm.undoManager().canUndoProperty().get());
    }
}
