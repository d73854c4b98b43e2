package dev.tandem.app.vm.quickadd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.testing.FakeDialogs;
import dev.tandem.app.testing.TestClock;
import dev.tandem.app.testing.TestUi;
import dev.tandem.app.text.QuickAddToken.Kind;
import dev.tandem.app.text.QuickAddToken;
import dev.tandem.app.vm.shared.ItemRow;
import dev.tandem.app.vm.window.MainViewModel;
import dev.tandem.app.vm.shared.UndoManager;
import dev.tandem.engine.Db;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The quick-add field's view-model: live tokens, "treat as text", and adding with the marks. */
@Tag("unit")
class QuickAddViewModelTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private final TestUi ui = new TestUi();
    private final TestClock clock = new TestClock(ZONE);
    private final TodoStore store = new TodoStore(Db.openMemory(), clock, ZONE);
    private MainViewModel main;
    private QuickAddViewModel vm;

    @BeforeEach
    void start() {
        // A Wednesday: dates read from the text are then the same whatever day the tests run on.
        clock.set(ZonedDateTime.of(2026, 11, 18, 12, 0, 0, 0, ZONE).toInstant());
        Async async = new Async(Runnable::run, ui, e -> {
            throw new AssertionError(e);
        });
        main = new MainViewModel(store, async, new FakeDialogs(), new UndoManager(async));
        ui.run(main::start);
        vm = main.quickAdd();
    }

    @AfterEach
    void close() {
        main.close();
        store.close();
        ui.close();
    }

    private List<String> labels() {
        return ui.get(() -> vm.tokens().stream().map(QuickAddViewModel::label).toList());
    }

    private QuickAddToken token(Kind kind) {
        return ui.get(() -> vm.tokens().stream().filter(t -> t.kind() == kind).findFirst().orElseThrow());
    }

    private ItemRow onlyRow() {
        ui.await(() -> main.items().size() == 1);
        return ui.get(() -> main.items().get(0));
    }

    @Test
    void typing_text_updatesTheTokensLive() {
        ui.run(() -> vm.textProperty().set("Water plants"));
        assertEquals(List.of(), labels());
        ui.run(() -> vm.textProperty().set("Water plants every monday p2 @home #Garden remind 9am"));
        assertEquals(List.of("Repeats: every Monday", "p2", "@home", "#Garden", "Reminder 9:00"), labels());
        ui.run(() -> vm.textProperty().set("Water plants tomorrow"));
        assertEquals(List.of("Due: Tomorrow"), labels());
        assertThrows(UnsupportedOperationException.class, () -> vm.tokens().clear(), "read-only");
    }

    @Test
    void chips_followTheTokens_andTheirIndexTreatsThatWordAsText() {
        ui.run(() -> vm.textProperty().set("Water plants tomorrow p2"));
        List<QuickAddViewModel.Chip> chips = ui.get(() -> List.copyOf(vm.chips()));
        assertEquals(List.of("Due: Tomorrow", "p2"), chips.stream().map(QuickAddViewModel.Chip::label).toList());
        assertEquals(List.of("date", "priority"), chips.stream().map(QuickAddViewModel.Chip::kind).toList());
        assertEquals("Treat “p2” as part of the title", chips.get(1).treatDescription());
        ui.run(() -> vm.treatAsText(chips.get(1).index()));
        assertEquals(List.of("Due: Tomorrow"), ui.get(() -> vm.chips().stream().map(QuickAddViewModel.Chip::label).toList()));
        assertThrows(UnsupportedOperationException.class, () -> vm.chips().clear(), "read-only");
    }

    @Test
    void treatAsText_priority_todoHasNoPriorityAndKeepsTheWord() {
        ui.run(() -> vm.textProperty().set("Water plants p2 @home"));
        QuickAddToken p2 = token(Kind.PRIORITY);
        assertEquals("Treat “p2” as part of the title", ui.get(() -> vm.treatAsTextDescription(p2)));
        ui.run(() -> vm.treatAsText(p2));
        assertEquals(List.of("@home"), labels());
        ui.run(() -> assertTrue(vm.submit()));
        ItemRow added = onlyRow();
        assertEquals("Water plants p2", added.title());
        assertNull(store.get(added.id()).orElseThrow().priority());
        assertEquals(List.of("home"), added.tags());
    }

    @Test
    void submit_added_clearsTheTextAndTheMarks() {
        ui.run(() -> vm.textProperty().set("Water plants every monday"));
        QuickAddToken repeat = token(Kind.REPEAT);
        ui.run(() -> vm.treatAsText(repeat));
        assertEquals(1, ui.get(() -> vm.plainSpans().size()));
        ui.run(() -> assertTrue(vm.submit()));
        assertEquals("", ui.get(() -> vm.textProperty().get()));
        assertEquals(List.of(), ui.get(vm::plainSpans));
        assertEquals("Water plants every monday", onlyRow().title());
        // The same words typed again are read again.
        ui.run(() -> vm.textProperty().set("Water plants every monday"));
        assertEquals(List.of("Repeats: every Monday"), labels());
    }

    @Test
    void submit_nothingAdded_keepsTextAndMarks() {
        ui.run(() -> vm.textProperty().set("tomorrow p2"));
        QuickAddToken priority = token(Kind.PRIORITY);
        ui.run(() -> vm.treatAsText(priority));
        ui.run(() -> vm.textProperty().set("   "));
        ui.run(() -> assertFalse(vm.submit()));
        assertEquals("   ", ui.get(() -> vm.textProperty().get()));
    }

    @Test
    void editing_markedWordMoves_dropsTheMark() {
        ui.run(() -> vm.textProperty().set("Water plants p2"));
        QuickAddToken priority = token(Kind.PRIORITY);
        ui.run(() -> vm.treatAsText(priority));
        assertEquals(List.of(), labels());
        // Typing after the marked word keeps it where it was: the mark holds.
        ui.run(() -> vm.textProperty().set("Water plants p2 "));
        assertEquals(List.of(), labels());
        assertEquals(1, ui.get(() -> vm.plainSpans().size()));
        // Typing before it moves it: the mark is dropped and "p2" is read again.
        ui.run(() -> vm.textProperty().set("Water my plants p2 "));
        assertEquals(List.of(), ui.get(vm::plainSpans));
        assertEquals(List.of("p2"), labels());
    }

    @Test
    void submit_ordinalDayThenEveryMonth_addsTodoDueOnTheNext1stRepeatingOnThe1st() {
        ui.run(() -> vm.textProperty().set("Pay rent on the 1st every month"));
        assertEquals(List.of("Due: Tue 1 Dec", "Repeats: every month on the 1st"), labels());
        ui.run(() -> assertTrue(vm.submit()));
        ItemRow added = onlyRow();
        assertEquals("Pay rent", added.title());
        Item item = store.get(added.id()).orElseThrow();
        assertEquals("2026-12-01", item.due());
        assertEquals("FREQ=MONTHLY;BYMONTHDAY=1", item.repeat());
    }

    @Test
    void submit_underATodo_addsASubtaskUntilCleared() {
        Item move = store.add("Move house", null, null);
        vm.addUnder(move.id(), move.title());
        assertEquals("Subtask of “Move house”", vm.chips().get(0).label());
        ui.run(() -> vm.textProperty().set("Book the van fri"));
        ui.run(vm::submit);
        ui.run(() -> vm.textProperty().set("Cancel the internet"));
        ui.run(vm::submit);
        List<Item> under = store.allItems().stream().filter(i -> move.id().equals(i.parentId())).toList();
        assertEquals(List.of("Book the van", "Cancel the internet"), under.stream().map(Item::title).toList());
        assertTrue(under.get(0).rank().compareTo(under.get(1).rank()) < 0, "in the order added");
        vm.treatAsText(QuickAddViewModel.UNDER_CHIP);
        assertNull(vm.underProperty().get());
        ui.run(() -> vm.textProperty().set("Water plants"));
        ui.run(vm::submit);
        assertNull(store.allItems().stream().filter(i -> "Water plants".equals(i.title())).findFirst().orElseThrow()
                .parentId());
    }
}
