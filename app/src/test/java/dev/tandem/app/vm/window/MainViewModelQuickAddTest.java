package dev.tandem.app.vm.window;

import dev.tandem.app.vm.shared.ItemRow;
import dev.tandem.app.vm.shared.UndoManager;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Listing;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.vm.quickadd.QuickAddViewModel;
import dev.tandem.engine.Db;
import dev.tandem.engine.testing.Await;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MainViewModel's quick add: where the text lands, what it says while another write holds the database
 * or a save fails, and what undoing an add that made a list takes away.
 */
@Tag("unit")
class MainViewModelQuickAddTest extends MainViewModelFixture {
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
}
