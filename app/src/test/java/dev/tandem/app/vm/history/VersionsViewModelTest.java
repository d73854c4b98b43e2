package dev.tandem.app.vm.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Attachment;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.history.Authors;
import dev.tandem.app.model.history.ItemField;
import dev.tandem.app.model.history.ItemVersions;
import dev.tandem.app.testing.TestClock;
import dev.tandem.app.vm.shared.UndoManager;
import dev.tandem.engine.Db;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class VersionsViewModelTest {
    private final TestClock clock = new TestClock(ZoneOffset.UTC);
    private final TodoStore store = new TodoStore(Db.builder().memory().clock(clock).build(), clock, ZoneOffset.UTC);
    private final Async async = Async.direct(e -> {
        throw new AssertionError(e);
    });
    private final UndoManager undo = new UndoManager(async);

    @AfterEach
    void close() {
        store.close();
    }

    private VersionsViewModel versionsOf(Item it) {
        return new VersionsViewModel(new ItemVersions(store, new Authors(store)), undo, async, ZoneOffset.UTC,
                id -> "a list", it.id(), it.titleOrEmpty());
    }

    private Item noteOverwritten() {
        Item it = store.add("Trip", null, null);
        clock.advance(Duration.ofMinutes(1));
        store.update(it.id(), i -> i.withNotes("Flights: LH 123\nHotel: Alfama\nCar: none"));
        clock.advance(Duration.ofMinutes(1));
        store.update(it.id(), i -> i.withNotes("Flights: LH 123\noops"));
        clock.advance(Duration.ofMinutes(1));
        return store.get(it.id()).orElseThrow();
    }

    @Test
    void load_anItemWithVersions_listsThemNewestFirstAndShowsTheOneBeforeNow() {
        VersionsViewModel vm = versionsOf(noteOverwritten());
        vm.load();

        assertEquals(List.of(3, 2, 1), vm.rows().stream().map(VersionsViewModel.Row::number).toList());
        VersionsViewModel.Shown shown = vm.shownProperty().get();
        assertEquals(2, shown.row().number());
        assertEquals(List.of(ItemField.NOTES), shown.choices().stream().map(VersionsViewModel.Choice::field).toList());
        assertNotNull(shown.notes(), "the notes show as a line diff against now");
        assertTrue(shown.notes().lines().stream().anyMatch(l -> l.text().contains("Hotel: Alfama")), "the version's lines");
        assertTrue(vm.canRestoreProperty().get());
    }

    @Test
    void load_manyVersions_listsTheNewestPageAndLoadsOlderOnesOnRequest() {
        Item it = store.add("Trip", null, null);
        for (int k = 1; k < 120; k++) {
            clock.advance(Duration.ofSeconds(1));
            String title = "Trip " + k;
            store.update(it.id(), i -> i.withTitle(title));
        }
        VersionsViewModel vm = versionsOf(store.get(it.id()).orElseThrow());
        vm.load();

        assertEquals(ItemVersions.PAGE, vm.rows().size());
        assertEquals(120, vm.rows().get(0).number());
        assertTrue(vm.hasOlderProperty().get());
        assertEquals(119, vm.shownProperty().get().row().number());
        vm.loadOlder();
        assertEquals(2 * ItemVersions.PAGE, vm.rows().size());
        vm.loadOlder();
        assertEquals(120, vm.rows().size());
        assertEquals(1, vm.rows().get(119).number());
        assertFalse(vm.hasOlderProperty().get());
    }

    @Test
    void restore_chosenFields_writesThemAndUndoTakesThemBack() {
        Item now = noteOverwritten();
        VersionsViewModel vm = versionsOf(now);
        vm.load();

        vm.restore();

        assertEquals("Flights: LH 123\nHotel: Alfama\nCar: none", store.get(now.id()).orElseThrow().notes());
        assertTrue(vm.restoredProperty().get());
        assertTrue(vm.messageProperty().get().startsWith("Restored version 2"), vm.messageProperty().get());
        undo.undo();
        assertEquals("Flights: LH 123\noops", store.get(now.id()).orElseThrow().notes());
    }

    @Test
    void restore_nothingChosen_isNotOffered() {
        VersionsViewModel vm = versionsOf(noteOverwritten());
        vm.load();
        vm.shownProperty().get().choices().forEach(c -> c.chosenProperty().set(false));

        assertFalse(vm.canRestoreProperty().get());
        vm.restore();
        assertEquals("Flights: LH 123\noops", store.allItems().get(0).notes());
    }

    @Test
    void show_olderVersion_listsTheFilesTheItemHadThen() {
        Item it = store.add("Trip", null, null);
        clock.advance(Duration.ofMinutes(1));
        Attachment map = new Attachment("att-map", it.id(), "b".repeat(64),
                "map.png", "image/png", 10L, clock.millis());
        store.writeAll(tx -> tx.save(map));
        clock.advance(Duration.ofMinutes(1));
        store.update(it.id(), i -> i.withNotes("See the map"));
        clock.advance(Duration.ofMinutes(1));
        store.update(it.id(), i -> i.withNotes("Map replaced by the tickets"));
        clock.advance(Duration.ofMinutes(1));
        store.writeAll(tx -> tx.save(new Attachment("att-tickets", it.id(),
                "c".repeat(64), "tickets.pdf", "application/pdf", 20L, clock.millis())));
        store.writeAll(tx -> tx.delete(Attachment.class, map.id()));
        clock.advance(Duration.ofMinutes(1));
        VersionsViewModel vm = versionsOf(store.get(it.id()).orElseThrow());
        vm.load();

        VersionsViewModel.Shown older = vm.shownProperty().get();
        assertEquals(2, older.row().number());
        assertEquals(List.of("map.png"), older.files());
        assertEquals("Files: map.png (removed since)", older.filesLine());
        vm.show(vm.rows().get(0));
        assertEquals("Files: tickets.pdf", vm.shownProperty().get().filesLine());
    }

    @Test
    void summary_changedFields_namedInTheLanguage() {
        ItemVersions.Version v = new ItemVersions.Version(3, "c3", Instant.EPOCH, "Laptop", false,
                EnumSet.of(ItemField.TITLE, ItemField.NOTES), false, false);
        assertEquals("Changed title, notes", v.summary());
        try {
            Messages.use(Language.GERMAN);
            assertEquals("Geändert: Titel, Notizen", v.summary());
            assertEquals("Fälligkeitsdatum", ItemField.DUE.label());
        } finally {
            Messages.use(Language.ENGLISH);
        }
    }
}
