package dev.tandem.app.vm.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.space.SpaceLists;
import dev.tandem.app.testing.FakeDialogs;
import dev.tandem.app.vm.shared.UndoManager;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.SyncReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * ShareViewModel when a person leaves a shared list: undoing the leave with syncs between keeps the
 * same device id and calls nothing a copy, and keeping a shared list private takes its todos along.
 */
@Tag("server")
class ShareViewModelLeaveTest extends ShareViewModelFixture {
    @Test
    void leave_thenUndo_listBackAndSharedAgain() throws Exception {
        TodoStore alice = profile("alice");
        TodoList trip = alice.createList("Trip");
        alice.add("Book the ferry", trip.id(), null);
        FakeDialogs dialogs = new FakeDialogs();
        ShareViewModel share = shareModel("Alice", alice, trip, dialogs);
        share.remoteProperty().set("folder:" + Files.createDirectories(tmp.resolve("shared")));
        share.share();
        UndoManager undo = new UndoManager(async);
        SharingViewModel sharingVm = new SharingViewModel(sharing("alice"), alice, async, dialogs, undo,
                resyncs::incrementAndGet, () -> "Alice");
        sharingVm.refresh();
        assertEquals(Map.of(trip.id(), "shared"), sharingVm.sharedLists());

        List<String> said = new ArrayList<>();
        dialogs.asked.clear();
        sharingVm.leave(trip, said::add);
        assertEquals(List.of("confirm destructive: Leave “Trip”?"), dialogs.asked);
        assertTrue(errors.isEmpty(), errors.toString());
        assertEquals(List.of("Left “Trip”"), said);
        assertTrue(sharingVm.sharedLists().isEmpty());
        assertTrue(alice.lists().isEmpty(), "the list leaves the sidebar here");
        assertTrue(sharing("alice").get(trip.id()).isEmpty());

        undo.undo();
        assertEquals(Set.of(trip.id()), sharingVm.sharedLists().keySet());
        assertEquals(List.of("Trip"), alice.lists().stream().map(TodoList::name).toList());
        assertEquals(List.of("Book the ferry"), alice.allItems().stream().filter(i -> !i.isTrashed()).map(Item::title).toList());
        assertTrue(sharing("alice").get(trip.id()).orElseThrow().joined(), "the space's keys came back");
    }

    /** A leave and its undo, with syncs between as the app runs them: the same device id, no "copied profile". */
    @Test
    void leave_undoWithSyncsBetween_sameDeviceIdAndNothingCalledACopy() throws Exception {
        TodoStore alice = profile("alice");
        Path personal = Files.createDirectories(tmp.resolve("alice-personal"));
        Supplier<SyncReport> sync = () -> {
            try (SyncEngine e = new SpaceLists(
                    new SettingsStore(tmp.resolve("alice"))).withSpaces(SyncEngine.builder()
                    .folder(personal), Map.of(), alice)) {
                return alice.replica().sync(e);
            }
        };
        TodoList trip = alice.createList("Trip");
        alice.add("Book the ferry", trip.id(), null);
        sync.get();
        FakeDialogs dialogs = new FakeDialogs();
        ShareViewModel share = shareModel("Alice", alice, trip, dialogs);
        share.remoteProperty().set("folder:" + Files.createDirectories(tmp.resolve("shared")));
        share.share();
        sync.get();
        String id = alice.replica().deviceId();
        UndoManager undo = new UndoManager(async);
        SharingViewModel sharingVm = new SharingViewModel(sharing("alice"), alice, async, dialogs, undo,
                sync::get, () -> "Alice");
        sharingVm.refresh();

        sharingVm.leave(trip, x -> { });
        undo.undo();
        sync.get();
        SyncReport last = sync.get();
        assertTrue(errors.isEmpty(), errors.toString());
        assertEquals(id, alice.replica().deviceId(), "no copied profile: " + last.warnings());
        assertEquals(List.of(), last.warnings());
        assertEquals(List.of("Book the ferry"), alice.allItems().stream().filter(i -> !i.isTrashed()).map(Item::title).toList());
    }

    /** As above, for a member who joined: leave, undo, sync; still the same device, nothing called a copy. */
    @Test
    void leave_memberUndoesWithSyncsBetween_sameDeviceIdAndNothingCalledACopy() throws Exception {
        TodoStore alice = profile("alice");
        TodoStore bob = profile("bob");
        Path personal = Files.createDirectories(tmp.resolve("bob-personal"));
        Supplier<SyncReport> sync = () -> {
            try (SyncEngine e = new SpaceLists(
                    new SettingsStore(tmp.resolve("bob"))).withSpaces(SyncEngine.builder()
                    .folder(personal), Map.of(), bob)) {
                return bob.replica().sync(e);
            }
        };
        bob.add("Bob's own", null, null);
        sync.get();
        TodoList trip = alice.createList("Trip");
        alice.add("Book the ferry", trip.id(), null);
        FakeDialogs dialogs = new FakeDialogs();
        ShareViewModel share = shareModel("Alice", alice, trip, dialogs);
        share.remoteProperty().set("folder:" + Files.createDirectories(tmp.resolve("shared")));
        share.share();
        JoinViewModel join = new JoinViewModel(sharing("bob"), bob, "Bob", async, sync::get);
        join.codeProperty().set(share.inviteProperty().get());
        join.ask();
        share.refresh();
        share.admit(share.requests().get(0));
        join.check();
        assertEquals(JoinViewModel.State.JOINED, join.stateProperty().get(), join.messageProperty().get());
        bob.add("Bob's idea", trip.id(), null);
        sync.get();
        sync.get();
        String id = bob.replica().deviceId();
        UndoManager undo = new UndoManager(async);
        SharingViewModel sharingVm = new SharingViewModel(sharing("bob"), bob, async, dialogs, undo, sync::get, () -> "Bob");
        sharingVm.refresh();

        sharingVm.leave(bob.lists().stream().filter(l -> l.id().equals(trip.id())).findFirst().orElseThrow(), x -> { });
        undo.undo();
        sync.get();
        SyncReport last = sync.get();
        assertTrue(errors.isEmpty(), errors.toString());
        assertEquals(id, bob.replica().deviceId(), "no copied profile: " + last.warnings());
        assertEquals(List.of(), last.warnings());
        sharing("alice").syncList(alice, trip.id());
        assertEquals(List.of("Bob's idea", "Book the ferry"), alice.allItems().stream().filter(i -> !i.isTrashed())
                .map(Item::title).sorted().toList(), "the undone leave trashed nothing at Alice's");
    }

    @Test
    void keepPrivate_sharedList_staysWithItsTodosAndIsNoLongerShared() throws Exception {
        TodoStore alice = profile("alice");
        TodoList trip = alice.createList("Trip");
        alice.add("Book the ferry", trip.id(), null);
        FakeDialogs dialogs = new FakeDialogs();
        ShareViewModel share = shareModel("Alice", alice, trip, dialogs);
        share.remoteProperty().set("folder:" + Files.createDirectories(tmp.resolve("shared")));
        share.share();
        SharingViewModel sharingVm = new SharingViewModel(sharing("alice"), alice, async, dialogs, new UndoManager(async),
                resyncs::incrementAndGet, () -> "Alice");
        List<String> said = new ArrayList<>();
        dialogs.confirmAnswer = false;
        sharingVm.keepPrivate(trip, said::add);
        assertTrue(sharing("alice").get(trip.id()).isPresent(), "declined: still shared");

        dialogs.confirmAnswer = true;
        sharingVm.keepPrivate(trip, said::add);
        assertEquals(List.of("confirm: Keep “Trip” as a private list?", "confirm: Keep “Trip” as a private list?"),
                dialogs.asked.stream().filter(a -> a.startsWith("confirm")).toList(),
                "keeping the list as one's own loses nothing: an ordinary question");
        assertTrue(errors.isEmpty(), errors.toString());
        assertEquals(List.of("“Trip” is a private list now."), said);
        assertTrue(sharing("alice").get(trip.id()).isEmpty());
        assertEquals(List.of("Trip"), alice.lists().stream().map(TodoList::name).toList());
        assertEquals(List.of("Book the ferry"), alice.allItems().stream().filter(i -> !i.isTrashed()).map(Item::title).toList());
    }
}
