package dev.tandem.app.vm.agenda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Listing;
import dev.tandem.app.model.Recurrence;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.testing.FakeDialogs;
import dev.tandem.app.testing.TestClock;
import dev.tandem.app.testing.TestUi;
import dev.tandem.app.vm.window.MainViewModel;
import dev.tandem.app.vm.window.SidebarEntry;
import dev.tandem.app.vm.shared.UndoManager;
import dev.tandem.engine.Db;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The agenda through the main view-model and a real store, without a toolkit. */
@Tag("unit")
class AgendaViewModelTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private final TestUi ui = new TestUi();
    private final TestClock clock = new TestClock(ZONE);
    private final TodoStore store = new TodoStore(Db.openMemory(), clock, ZONE);
    private MainViewModel vm;

    @BeforeEach
    void start() {
        // Wednesday 25 November 2026, noon.
        clock.set(ZonedDateTime.of(2026, 11, 25, 12, 0, 0, 0, ZONE).toInstant());
        Async async = new Async(Runnable::run, ui, e -> {
            throw new AssertionError(e);
        });
        vm = new MainViewModel(store, async, new FakeDialogs(), new UndoManager(async));
        ui.run(vm::start);
    }

    @AfterEach
    void close() {
        vm.close();
        store.close();
        ui.close();
    }

    private static LocalDate day(int month, int dayOfMonth) {
        return LocalDate.of(2026, month, dayOfMonth);
    }

    private void showAgenda() {
        ui.run(() -> vm.select(Listing.agenda()));
        ui.await(() -> vm.agenda().live().isLoaded());
    }

    /** The heading each todo's row is under, as "title@heading" (occurrences "~title@heading"). */
    private List<String> placed() {
        return ui.get(() -> {
            List<String> out = new ArrayList<>();
            String heading = "";
            for (AgendaRow r : vm.agenda().rows()) {
                if (r.isHeading()) {
                    heading = r.detail().isEmpty() ? r.text() : r.text() + " " + r.detail();
                } else if (r.isTodo()) {
                    out.add((r.canComplete() ? "" : "~") + r.text() + "@" + heading);
                }
            }
            return out;
        });
    }

    private AgendaRow row(String key) {
        return ui.get(() -> vm.agenda().rows().stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow());
    }

    @Test
    void sidebar_agendaRightUnderUpcoming_selectingItShowsTheAgenda() {
        ui.await(() -> vm.sidebar().size() > 3);
        assertEquals(List.of("inbox", "today", "upcoming", "agenda", "calendar", "someday"),
                ui.get(() -> vm.sidebar().stream().map(SidebarEntry::key).limit(6).toList()));
        ui.run(() -> vm.select(vm.sidebar().get(3)));
        assertEquals("Agenda", ui.get(() -> vm.titleProperty().get()));
        assertTrue(ui.get(() -> vm.chrome().agendaShownProperty().get()));
        assertEquals("The next 14 days", ui.get(() -> vm.chrome().countTextProperty().get()));
    }

    @Test
    void agenda_weeklyRepeatingTodo_onEachWeeksDate_withoutNewRowsInTheDatabase() {
        store.add("Bins out", null, null, day(11, 26),
                new TodoDetails(null, List.of(), Recurrence.every(Recurrence.Freq.WEEKLY, 1), null));
        store.add("Dentist", null, null, day(12, 2), TodoDetails.NONE);
        showAgenda();
        ui.await(() -> placed().size() == 3);
        assertEquals(List.of("Bins out@Tomorrow Thu 26 Nov", "Dentist@Wed 2 Dec", "~Bins out@Thu 3 Dec"), placed());
        assertEquals(2, store.allItems().size(), "the later dates are computed, not stored");
    }

    @Test
    void agenda_overdueGroupFirst_notesAndCompletedLeftOut() {
        store.add("Taxes", null, null, day(11, 20), TodoDetails.NONE);
        store.add("Idea", null, null, day(11, 25), new TodoDetails(null, List.of(), null, null, true));
        Item done = store.add("Done", null, day(11, 25));
        store.setDone(done.id(), true);
        store.add("Call", null, day(11, 25));
        showAgenda();
        ui.await(() -> placed().size() == 2);
        assertEquals(List.of("Taxes@Overdue", "Call@Today Wed 25 Nov"), placed());
        assertEquals("Fri 20 Nov", ui.get(() -> vm.agenda().rows().get(1).detail()));
    }

    @Test
    void agenda_aStoreWriteElsewhere_movesTheRowToItsNewDay() {
        Item call = store.add("Call Sam", null, day(11, 27));
        showAgenda();
        ui.await(() -> placed().equals(List.of("Call Sam@Fri 27 Nov")));
        // As a synced edit arrives: a commit to the database, not a command of this view-model.
        store.update(call.id(), i -> i.withDue(day(12, 1)));
        ui.await(() -> placed().equals(List.of("Call Sam@Tue 1 Dec")));
        store.update(call.id(), i -> i.withDue(day(12, 30)));
        ui.await(() -> placed().isEmpty());
    }

    @Test
    void complete_todoRow_completesIt_occurrenceRow_isReadOnlyAndOpensTheSeriesTodo() {
        Item bins = store.add("Bins out", null, null, day(11, 25),
                new TodoDetails(null, List.of(), Recurrence.every(Recurrence.Freq.WEEKLY, 1), null)).item();
        showAgenda();
        ui.await(() -> placed().size() == 2);
        AgendaRow later = row(bins.id() + "@2026-12-02");
        assertFalse(ui.get(() -> vm.agenda().complete(later)));
        ui.run(() -> vm.agenda().open(later));
        assertEquals(bins.id(), ui.get(() -> vm.selectedProperty().get().id()), "the series' open todo opens");
        assertFalse(store.get(bins.id()).orElseThrow().isDone());

        AgendaRow first = row(bins.id());
        assertTrue(ui.get(() -> vm.agenda().complete(first)));
        ui.await(() -> store.get(bins.id()).orElseThrow().isDone());
        // The next occurrence is now the open todo on 2 December: its row there is a todo, not a computed date.
        ui.await(() -> placed().equals(List.of("Bins out@Wed 2 Dec")));
        assertEquals(2, store.allItems().size());
    }
}
