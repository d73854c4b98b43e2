package dev.tandem.app.vm.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.TagStore;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.testing.FakeDialogs;
import dev.tandem.app.testing.TestClock;
import dev.tandem.app.testing.TestUi;
import dev.tandem.app.text.Durations;
import dev.tandem.app.text.TodoDraft;
import dev.tandem.app.vm.window.MainViewModel;
import dev.tandem.app.vm.window.ReminderScheduler;
import dev.tandem.app.vm.shared.UndoManager;
import dev.tandem.engine.Db;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The editor's time, length, priority, tags, repeat and reminder fields, without a toolkit. */
@Tag("unit")
class DetailsViewModelTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private final TestUi ui = new TestUi();
    private final TestClock clock = new TestClock(ZONE);
    private final TodoStore store = new TodoStore(Db.openMemory(), clock, ZONE);
    private final Async async = new Async(Runnable::run, ui, e -> {
        throw new AssertionError(e);
    });
    private final UndoManager undo = new UndoManager(async);
    private final SimpleObjectProperty<Item> shown = new SimpleObjectProperty<>();

    @AfterEach
    void close() {
        store.close();
        ui.close();
    }

    @Test
    void fields_saveAndUndo() {
        clock.set(Instant.parse("2026-11-18T08:00:00Z"));
        Item it = store.add("Water plants", null, LocalDate.of(2026, 11, 20));
        DetailsViewModel vm = ui.get(() -> new DetailsViewModel(store, async, undo, shown));
        ui.run(() -> shown.set(it));
        ui.run(() -> vm.priorityProperty().set(1));
        ui.await(() -> store.get(it.id()).orElseThrow().priorityLevel() == 1);
        ui.run(() -> {
            vm.tagsTextProperty().set("home, garden");
            vm.commitTags();
        });
        ui.await(() -> new TagStore(store).of(it.id()).equals(List.of("garden", "home")));
        ui.run(() -> {
            vm.repeatTextProperty().set("every 2 weeks");
            vm.commitRepeat();
        });
        ui.await(() -> "FREQ=WEEKLY;INTERVAL=2".equals(store.get(it.id()).orElseThrow().repeat()));
        ui.run(() -> {
            vm.remindTextProperty().set("9am");
            vm.commitRemind();
        });
        long nine = LocalDate.of(2026, 11, 20).atTime(9, 0).atZone(ZONE).toInstant().toEpochMilli();
        ui.await(() -> Long.valueOf(nine).equals(store.get(it.id()).orElseThrow().remindAt()));
        ui.run(() -> {
            vm.repeatTextProperty().set("now and then");
            vm.commitRepeat();
        });
        assertEquals("now and then", ui.get(() -> vm.repeatTextProperty().get()), "what was typed stays to be fixed");
        assertEquals("Tandem can’t read “now and then” as a repeat, so nothing was saved. Try every day, every monday, "
                + "every 2 weeks or every month on the 1st.", ui.get(() -> vm.repeatProblemProperty().get()));
        assertEquals("FREQ=WEEKLY;INTERVAL=2", store.get(it.id()).orElseThrow().repeat(), "a phrase it cannot read is not saved");
        ui.run(undo::undo);
        ui.await(() -> store.get(it.id()).orElseThrow().remindAt() == null);
        ui.run(undo::undo);
        ui.await(() -> store.get(it.id()).orElseThrow().repeat() == null);
        ui.run(undo::undo);
        ui.await(() -> new TagStore(store).of(it.id()).isEmpty());
        ui.run(undo::undo);
        ui.await(() -> store.get(it.id()).orElseThrow().priorityLevel() == 0);
        assertNull(store.get(it.id()).orElseThrow().priority());
    }

    @Test
    void commitRemind_timeAlreadyPassed_doesNotFire_andTheDetailsSaySo() {
        // 12:00 on a Monday in Berlin; changes are recorded on the same clock, as in the app.
        clock.set(Instant.parse("2026-11-23T11:00:00Z"));
        TodoStore today = new TodoStore(Db.builder().memory().clock(clock).build(), clock, ZONE);
        MainViewModel main = new MainViewModel(today, async, new FakeDialogs(), undo);
        ReminderScheduler scheduler = new ReminderScheduler(today, async, clock, main.commands());
        List<ReminderScheduler.Reminder> fired = new CopyOnWriteArrayList<>();
        scheduler.onFire(fired::add);
        try {
            ui.run(scheduler::start);
            Item it = today.add("Water plants", null, today.today());
            DetailsViewModel vm = ui.get(() -> new DetailsViewModel(today, async, undo, shown));
            ui.run(() -> shown.set(it));
            ui.run(() -> {
                vm.remindTextProperty().set("9am");
                vm.commitRemind();
            });
            assertEquals("9:00 today has passed; no reminder will pop up.",
                    ui.get(() -> vm.remindNoteProperty().get()));
            long nine = today.today().atTime(9, 0).atZone(ZONE).toInstant().toEpochMilli();
            // The scheduler saw it and decided: dismissed, not fired.
            ui.await(() -> Long.valueOf(nine).equals(today.get(it.id()).orElseThrow().remindAt())
                    && !today.get(it.id()).orElseThrow().reminderPending());
            ui.run(scheduler::check);
            assertEquals(List.of(), fired);

            ui.run(() -> shown.set(today.get(it.id()).orElseThrow()));
            ui.run(() -> {
                vm.remindTextProperty().set("6pm");
                vm.commitRemind();
            });
            assertEquals("", ui.get(() -> vm.remindNoteProperty().get()), "a time to come needs no note");
            ui.await(() -> today.get(it.id()).orElseThrow().reminderPending());
            ui.await(() -> scheduler.nextAt() != null);
            clock.advance(Duration.ofHours(7));
            ui.run(scheduler::check);
            ui.await(() -> fired.size() == 1);
        } finally {
            scheduler.close();
            main.close();
            today.close();
        }
    }

    private Item stored(Item it) {
        return store.get(it.id()).orElseThrow();
    }

    @Test
    void time_commitTimeAndLength_saveShowAndUndo() {
        clock.set(Instant.parse("2026-11-18T08:00:00Z"));
        Item it = store.add("Call the bank", null, LocalDate.of(2026, 11, 20));
        TimeViewModel vm = ui.get(() -> new DetailsViewModel(store, async, undo, shown).time());
        ui.run(() -> shown.set(it));
        ui.run(() -> {
            vm.timeTextProperty().set("2pm");
            vm.commitTime();
        });
        ui.await(() -> "14:00".equals(stored(it).dueTime()));
        assertEquals("14:00", ui.get(() -> vm.timeTextProperty().get()), "shown as stored");
        ui.run(() -> {
            vm.lengthTextProperty().set("1h30");
            vm.commitLength();
        });
        ui.await(() -> Long.valueOf(90).equals(stored(it).durationMinutes()));
        assertEquals("1 h 30 min", ui.get(() -> vm.lengthTextProperty().get()));
        ui.run(() -> {
            vm.timeTextProperty().set("teatime");
            vm.commitTime();
        });
        assertEquals("14:00", ui.get(() -> vm.timeTextProperty().get()), "text that is no time is not saved");
        ui.run(undo::undo);
        ui.await(() -> stored(it).durationMinutes() == null);
        ui.run(undo::undo);
        ui.await(() -> stored(it).dueTime() == null);
        assertEquals(LocalDate.of(2026, 11, 20), stored(it).dueDate());
    }

    @Test
    void time_commitTimeOnUndatedTodo_givesItTheNextDayThatTimeComes() {
        clock.set(Instant.parse("2026-11-18T15:00:00Z")); // 16:00 in Berlin
        Item it = store.add("Call the bank", null, null);
        TimeViewModel vm = ui.get(() -> new DetailsViewModel(store, async, undo, shown).time());
        ui.run(() -> shown.set(it));
        ui.run(() -> {
            vm.timeTextProperty().set("14:00");
            vm.commitTime();
        });
        ui.await(() -> "14:00".equals(stored(it).dueTime()));
        assertEquals(LocalDate.of(2026, 11, 19), stored(it).dueDate(), "14:00 has passed today: tomorrow");
        ui.run(undo::undo);
        ui.await(() -> stored(it).dueDate() == null && stored(it).dueTime() == null);
    }

    @Test
    void time_liveUpdateFromSync_refreshesAnUntouchedField() {
        Item it = store.add("Call the bank", null, LocalDate.of(2026, 11, 20));
        TimeViewModel vm = ui.get(() -> new DetailsViewModel(store, async, undo, shown).time());
        ui.run(() -> shown.set(it));
        Item synced = it.withDueTime(LocalTime.of(9, 30)).withDuration(15L);
        ui.run(() -> shown.set(synced));
        assertEquals("09:30", ui.get(() -> vm.timeTextProperty().get()));
        assertEquals("15 min", ui.get(() -> vm.lengthTextProperty().get()));
    }

    @Test
    void commitRepeatAndRemind_german_readTheLanguagesPhrases() {
        clock.set(Instant.parse("2026-11-18T08:00:00Z"));
        Item it = store.add("Blumen gießen", null, LocalDate.of(2026, 11, 20));
        DetailsViewModel vm = ui.get(() -> new DetailsViewModel(store, async, undo, shown));
        ui.run(() -> shown.set(it));
        Messages.use(Language.GERMAN);
        try {
            ui.run(() -> {
                vm.repeatTextProperty().set("alle 2 Wochen");
                vm.commitRepeat();
            });
            ui.await(() -> "FREQ=WEEKLY;INTERVAL=2".equals(store.get(it.id()).orElseThrow().repeat()));
            ui.run(() -> {
                vm.remindTextProperty().set("9 Uhr");
                vm.commitRemind();
            });
            long nine = LocalDate.of(2026, 11, 20).atTime(9, 0).atZone(ZONE).toInstant().toEpochMilli();
            ui.await(() -> Long.valueOf(nine).equals(store.get(it.id()).orElseThrow().remindAt()));
            assertEquals("Fr., 20. Nov., 09:00", ui.get(() -> vm.remindTextProperty().get()));
        } finally {
            Messages.use(Language.ENGLISH);
        }
    }

    /** The field reads what quick add reads in the language Tandem speaks, English too, and says the rule back in it. */
    @Test
    void commitRepeat_germanAndFrenchEveryTwoDays_savedAndSaidInTheLanguage() {
        clock.set(Instant.parse("2026-11-18T08:00:00Z"));
        Item it = store.add("Blumen gießen", null, LocalDate.of(2026, 11, 20));
        DetailsViewModel vm = ui.get(() -> new DetailsViewModel(store, async, undo, shown));
        ui.run(() -> shown.set(it));
        String[][] cases = {{"de", "jeden 2. Tag", "FREQ=DAILY;INTERVAL=2", "alle 2 Tage"},
            {"de", "every 3 days", "FREQ=DAILY;INTERVAL=3", "alle 3 Tage"},
            {"de", "jeden Montag", "FREQ=WEEKLY;BYDAY=MO", "jeden Montag"},
            {"fr", "tous les 2 jours", "FREQ=DAILY;INTERVAL=2", "tous les 2 jours"},
            {"fr", "chaque lundi", "FREQ=WEEKLY;BYDAY=MO", "chaque lundi"},
            {"fr", "every 2 weeks", "FREQ=WEEKLY;INTERVAL=2", "toutes les 2 semaines"}};
        try {
            for (String[] c : cases) {
                Messages.use(Language.forTag(c[0]).orElseThrow());
                ui.run(() -> {
                    vm.repeatTextProperty().set(c[1]);
                    vm.commitRepeat();
                });
                ui.await(() -> c[2].equals(store.get(it.id()).orElseThrow().repeat()));
                assertEquals(c[3], ui.get(() -> vm.repeatTextProperty().get()), c[1]);
                assertEquals("", ui.get(() -> vm.repeatProblemProperty().get()), c[1]);
            }
        } finally {
            Messages.use(Language.ENGLISH);
        }
    }

    @Test
    void commitRepeat_unreadableInGerman_germanProblemNothingSavedUntilFixed() {
        clock.set(Instant.parse("2026-11-18T08:00:00Z"));
        Item it = store.add("Blumen gießen", null, LocalDate.of(2026, 11, 20));
        DetailsViewModel vm = ui.get(() -> new DetailsViewModel(store, async, undo, shown));
        ui.run(() -> shown.set(it));
        Messages.use(Language.GERMAN);
        try {
            ui.run(() -> {
                vm.repeatTextProperty().set("ab und zu");
                vm.commitRepeat();
            });
            assertEquals("Tandem versteht „ab und zu“ nicht als Wiederholung, nichts wurde gespeichert. Versuche jeden Tag, "
                    + "jeden Montag, alle 2 Wochen oder jeden Monat am 1.", ui.get(() -> vm.repeatProblemProperty().get()));
            assertEquals("ab und zu", ui.get(() -> vm.repeatTextProperty().get()));
            assertNull(store.get(it.id()).orElseThrow().repeat());
            assertTrue(ui.get(() -> !undo.canUndoProperty().get()), "nothing to undo: nothing was saved");
            ui.run(() -> {
                vm.repeatTextProperty().set("alle 2 Tage");
                vm.commitRepeat();
            });
            ui.await(() -> "FREQ=DAILY;INTERVAL=2".equals(store.get(it.id()).orElseThrow().repeat()));
            assertEquals("", ui.get(() -> vm.repeatProblemProperty().get()));
        } finally {
            Messages.use(Language.ENGLISH);
        }
    }

    @Test
    void prompts_everyShippedLanguage_examplesTheFieldsRead() {
        clock.set(Instant.parse("2026-11-18T08:00:00Z"));
        Item it = store.add("Water plants", null, LocalDate.of(2026, 11, 20));
        DetailsViewModel vm = ui.get(() -> new DetailsViewModel(store, async, undo, shown));
        ui.run(() -> shown.set(it));
        try {
            for (Language l : List.of(Language.ENGLISH, Language.GERMAN, Language.FRENCH)) {
                Messages.use(l);
                for (String repeat : examples("editor.repeat.prompt")) {
                    ui.run(() -> {
                        vm.repeatTextProperty().set("");
                        vm.commitRepeat();
                    });
                    ui.await(() -> store.get(it.id()).orElseThrow().repeat() == null);
                    ui.run(() -> {
                        vm.repeatTextProperty().set(repeat);
                        vm.commitRepeat();
                    });
                    ui.await(() -> store.get(it.id()).orElseThrow().repeat() != null);
                }
                for (String remind : examples("editor.remind.prompt")) {
                    assertTrue(TodoDraft.parse("x " + remind, store.today()).anyTime() != null,
                            l + ": " + remind);
                }
                for (String time : examples("editor.time.prompt")) {
                    assertTrue(TodoDraft.time(time).isPresent(), l + ": " + time);
                }
                for (String length : examples("editor.length.prompt")) {
                    assertTrue(Durations.parse(length).isPresent(), l + ": " + length);
                }
            }
        } finally {
            Messages.use(Language.ENGLISH);
        }
    }

    /** A prompt's examples: "every monday, every 2 weeks…" gives both phrases. */
    private static List<String> examples(String key) {
        return Arrays.stream(Messages.text(key).replace("…", "").split(",")).map(String::strip).toList();
    }
}
