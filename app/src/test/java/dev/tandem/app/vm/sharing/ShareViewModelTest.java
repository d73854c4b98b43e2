package dev.tandem.app.vm.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.history.Authors;
import dev.tandem.app.model.history.HistoryEntry;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.space.SpaceLists;
import dev.tandem.app.space.Spaces;
import dev.tandem.app.testing.FakeDialogs;
import dev.tandem.app.vm.shared.UndoManager;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.SyncReport;
import dev.tandem.engine.testing.Await;
import dev.tandem.engine.testing.WebDavServer;
import java.lang.ref.WeakReference;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window's Share, Join and Leave, without a toolkit, over real profiles and a real shared
 * folder: Alice shares a list, Bob joins with the invite, Alice admits him after his fingerprint
 * shows in her requests, the list arrives on Bob's device; Alice removes Bob; Bob leaves and undoes.
 */
@Tag("server")
class ShareViewModelTest {
    @TempDir
    Path tmp;
    private final List<AutoCloseable> open = new ArrayList<>();
    private final List<Throwable> errors = new ArrayList<>();
    private final Async async = Async.direct(errors::add);
    private final AtomicInteger resyncs = new AtomicInteger();

    @AfterEach
    void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private TodoStore profile(String name) throws Exception {
        Files.createDirectories(tmp.resolve(name));
        TodoStore store = new TodoStore(Schema.database(tmp.resolve(name).resolve("tandem.db")).build(), Clock.systemUTC());
        open.add(store);
        new Authors(store).register(name);
        return store;
    }

    private Spaces sharing(String name) {
        return new Spaces(new SettingsStore(tmp.resolve(name)), Map.of());
    }

    private ShareViewModel shareModel(String who, TodoStore store, TodoList list, FakeDialogs dialogs) {
        ShareViewModel vm = new ShareViewModel(sharing(who.toLowerCase(Locale.ROOT)), store, list, who, async,
                dialogs, resyncs::incrementAndGet);
        vm.load();
        return vm;
    }

    @Test
    void shareJoinAdmit_twoPeople_listArrivesAndMembersShowBoth() throws Exception {
        TodoStore alice = profile("alice");
        TodoStore bob = profile("bob");
        TodoList groceries = alice.createList("Groceries");
        alice.add("Oat milk", groceries.id(), null);
        alice.createList("Private");
        FakeDialogs dialogs = new FakeDialogs();

        ShareViewModel share = shareModel("Alice", alice, groceries, dialogs);
        assertEquals(ShareViewModel.State.NOT_SHARED, share.stateProperty().get());
        share.share();
        assertEquals("Choose where the shared list lives first.", share.messageProperty().get());
        share.remoteProperty().set("folder:" + Files.createDirectories(tmp.resolve("shared")));
        share.share();
        assertTrue(errors.isEmpty(), errors.toString());
        assertEquals(ShareViewModel.State.OWNER, share.stateProperty().get(), share.messageProperty().get());
        String code = share.inviteProperty().get();
        assertTrue(code.startsWith("tandem-invite-"), code);
        assertEquals(List.of(new ShareViewModel.MemberRow("Alice", share.members().get(0).fingerprint(), "owner")),
                List.copyOf(share.members()));
        assertEquals(1, resyncs.get(), "sharing makes the sync take the list's space");

        JoinViewModel join = new JoinViewModel(sharing("bob"), bob, "Bob", async, resyncs::incrementAndGet);
        join.codeProperty().set("not an invite");
        join.ask();
        assertEquals(JoinViewModel.State.ENTER, join.stateProperty().get());
        assertTrue(join.messageProperty().get().startsWith("That is not a Tandem invite"), join.messageProperty().get());
        join.codeProperty().set("  " + code + "\n");
        join.ask();
        assertEquals(JoinViewModel.State.ASKED, join.stateProperty().get(), join.messageProperty().get());
        String fingerprint = join.fingerprintProperty().get();
        assertTrue(join.messageProperty().get().startsWith("Not admitted yet"), join.messageProperty().get());
        assertTrue(bob.lists().isEmpty(), "nothing arrives before the owner admits");

        share.refresh();
        assertEquals(List.of(new ShareViewModel.RequestRow("Bob", fingerprint)), List.copyOf(share.requests()));
        dialogs.asked.clear();
        dialogs.confirmAnswer = false;
        share.admit(share.requests().get(0));
        assertEquals(1, share.requests().size(), "declining the fingerprint check admits no one");
        dialogs.confirmAnswer = true;
        share.admit(share.requests().get(0));
        assertEquals(List.of("confirm: Admit Bob?", "confirm: Admit Bob?"), dialogs.asked,
                "admitting someone loses nothing: an ordinary question");
        assertTrue(share.requests().isEmpty());
        assertEquals(List.of("Alice", "Bob"), share.members().stream().map(ShareViewModel.MemberRow::name).toList());
        assertTrue(share.messageProperty().get().startsWith("Admitted Bob"), share.messageProperty().get());

        join.check();
        assertEquals(JoinViewModel.State.JOINED, join.stateProperty().get(), join.messageProperty().get());
        assertEquals("Joined “Groceries”. It is in your sidebar, marked as shared.", join.messageProperty().get());
        assertEquals(List.of("Groceries"), bob.lists().stream().map(TodoList::name).toList(),
                "Alice's other list stays hers");
        assertEquals(List.of("Oat milk"), bob.allItems().stream().map(Item::title).toList());

        Item bread = bob.add("Bread", groceries.id(), null);
        sharing("bob").syncList(bob, groceries.id());
        sharing("alice").syncList(alice, groceries.id());
        assertEquals("Device " + bob.replica().deviceId().substring(bob.replica().deviceId().length() - 6),
                new Authors(alice).label(bob.replica().deviceId()), "Bob's device name never reaches Alice");
        SharingViewModel aliceSidebar = new SharingViewModel(sharing("alice"), alice, async, dialogs,
                new UndoManager(async), resyncs::incrementAndGet, () -> "Alice");
        aliceSidebar.refresh();
        assertEquals(Map.of(groceries.id(), "shared with Bob"), aliceSidebar.sharedLists());
        assertEquals(Set.of("Bob"), new Authors(alice).history(bread.id()).stream()
                .map(HistoryEntry::device).collect(Collectors.toSet()),
                "history says who changed it: “changed by Bob”");

        ShareViewModel bobSees = shareModel("Bob", bob, bob.lists().get(0), dialogs);
        assertEquals(ShareViewModel.State.MEMBER, bobSees.stateProperty().get());
        assertEquals(2, bobSees.members().size());

        dialogs.asked.clear();
        share.remove(share.members().get(1));
        assertEquals(List.of("confirm destructive: Remove Bob from “Groceries”?"), dialogs.asked);
        assertTrue(errors.isEmpty(), errors.toString());
        assertEquals("removed", share.members().get(1).role());
        assertFalse(share.members().get(1).removable());
        aliceSidebar.refresh();
        assertEquals(Map.of(groceries.id(), "shared"), aliceSidebar.sharedLists(), "a removed member is no longer named");
    }

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

    /**
     * Sharing through the WebDAV server the profile already syncs with signs in with its saved log-in,
     * filled in; a joiner without it types theirs in the Join dialog. Both are kept with the list, so
     * every later sync signs in without the environment (Apache mod_dav_fs, Basic auth).
     */
    @Test
    void share_webDavServerOfTheSavedRemote_signsInWithTheSavedLoginAndAJoinerTypesTheirs() throws Exception {
        WebDavServer server = WebDavServer.shared(
                WebDavServer.Kind.APACHE);
        TodoStore alice = profile("alice");
        TodoStore bob = profile("bob");
        new SettingsStore(tmp.resolve("alice")).saveSync(SyncSettings.webDav(
                new SyncSettings.Dav(server.newCollection(), WebDavServer.USER,
                        WebDavServer.PASSWORD, ""), "", 1800));
        TodoList family = alice.createList("Family");
        alice.add("Call mom", family.id(), null);
        FakeDialogs dialogs = new FakeDialogs();
        ShareViewModel share = shareModel("Alice", alice, family, dialogs);
        share.remoteProperty().set("webdav:" + server.newCollection());
        assertEquals("webdav", share.login().kindProperty().get());
        assertEquals(WebDavServer.USER, share.login().userProperty().get(), "filled in");
        assertFalse(share.login().noteProperty().get().isEmpty());
        share.share();
        assertEquals(ShareViewModel.State.OWNER, share.stateProperty().get(), share.messageProperty().get());

        JoinViewModel join = new JoinViewModel(sharing("bob"), bob, "Bob", async, resyncs::incrementAndGet);
        join.codeProperty().set(share.inviteProperty().get());
        assertEquals("webdav", join.login().kindProperty().get());
        assertEquals("", join.login().userProperty().get(), "Bob's profile has no log-in for that server");
        join.login().userProperty().set(WebDavServer.USER);
        join.login().passwordProperty().set(WebDavServer.PASSWORD);
        join.ask();
        assertEquals(JoinViewModel.State.ASKED, join.stateProperty().get(), join.messageProperty().get());
        share.refresh();
        share.admit(share.requests().get(0));
        join.check();
        assertEquals(JoinViewModel.State.JOINED, join.stateProperty().get(), join.messageProperty().get());
        assertEquals(List.of("Call mom"), bob.allItems().stream().map(Item::title).toList());

        // A later sync of everything, with nothing in the environment, signs in with what the list kept.
        bob.add("Buy flowers", family.id(), null);
        try (SyncEngine e = new SpaceLists(new SettingsStore(tmp.resolve("bob")))
                .withSpaces(null, Map.of(), bob)) {
            assertEquals(List.of(), bob.replica().sync(e).warnings());
        }
        sharing("alice").syncList(alice, family.id());
        assertEquals(List.of("Buy flowers", "Call mom"), alice.allItems().stream().map(Item::title).sorted().toList());
    }

    @Test
    void follow_remoteOnAnotherServer_offersNoSavedLogin() throws Exception {
        profile("alice");
        new SettingsStore(tmp.resolve("alice")).saveSync(SyncSettings.webDav(
                new SyncSettings.Dav("https://cloud.example.com/remote.php/dav/files/sam/Tandem", "sam",
                        "pw", ""), "", 1800));
        RemoteLogin login = new RemoteLogin(sharing("alice")::savedLogin);
        login.follow("webdav:https://other.example.org/dav/Family");
        assertEquals("", login.userProperty().get(), "a password never goes to a server it was not given for");
        login.follow("webdav:https://cloud.example.com/remote.php/dav/files/sam/Family");
        assertEquals("sam", login.userProperty().get());
        login.follow("webdav:https://other.example.org/dav/Family");
        assertEquals("", login.passwordProperty().get(), "moving to another server takes the filled log-in away");
        login.follow("folder:/tmp/x");
        assertEquals(Map.of(), login.values());
    }

    @Test
    void myName_afterSharingAsAlice_offersAliceNeverTheComputersName() throws Exception {
        TodoStore alice = profile("alice");
        assertFalse(sharing("alice").myName().equalsIgnoreCase(InetAddress.getLocalHost().getHostName()));
        TodoList trip = alice.createList("Trip");
        ShareViewModel share = shareModel("Alice", alice, trip, new FakeDialogs());
        share.remoteProperty().set("folder:" + Files.createDirectories(tmp.resolve("shared")));
        share.share();
        assertEquals("Alice", sharing("alice").myName(), "the name given last time is offered next time");
    }

    @Test
    void members_listenerKeptOnlyByTheList_stillHearsAfterACollection() throws Exception {
        TodoStore alice = profile("alice");
        TodoList list = alice.createList("Groceries");
        ShareViewModel share = shareModel("Alice", alice, list, new FakeDialogs());
        AtomicInteger heard = new AtomicInteger();
        // As a dialog does: a listener on what members() returns, with nothing else holding that.
        share.members().addListener((ListChangeListener<ShareViewModel.MemberRow>) c -> heard.incrementAndGet());
        WeakReference<Object> probe = new WeakReference<>(new Object());
        Await.until("a collection", () -> {
            System.gc();
            return probe.get() == null;
        });
        share.remoteProperty().set("folder:" + Files.createDirectories(tmp.resolve("shared")));
        share.share();
        assertEquals(1, share.members().size());
        assertTrue(heard.get() > 0, "the listener was dropped with a collected read-only view");
    }

    @Test
    void names_oneTwoThree_readAsASentence() {
        assertEquals("Alex", SharingViewModel.names(List.of("Alex")));
        assertEquals("Alex and Jo", SharingViewModel.names(List.of("Alex", "Jo")));
        assertEquals("Alex, Jo and Kim", SharingViewModel.names(List.of("Alex", "Jo", "Kim")));
    }

    @Test
    void chooseFolder_folderWithOtherFiles_listGetsAFolderOfItsOwnInside() throws Exception {
        TodoStore alice = profile("alice");
        TodoList list = alice.createList("Trip: Lisbon/Porto");
        Path dropbox = Files.createDirectories(tmp.resolve("Dropbox"));
        Files.writeString(dropbox.resolve("photo.jpg"), "x");
        FakeDialogs dialogs = new FakeDialogs();
        dialogs.pathAnswers.add(dropbox);
        ShareViewModel share = shareModel("Alice", alice, list, dialogs);
        share.chooseFolder();
        assertEquals("folder:" + dropbox.resolve("Tandem Trip  Lisbon Porto"), share.remoteProperty().get());
        assertTrue(share.messageProperty().get().contains("a folder of its own"));
    }

    @Test
    void ask_inviteNamesAListBobHas_notAskedUntilHeSaysHeSharedItHimself() throws Exception {
        TodoStore alice = profile("alice");
        TodoStore bob = profile("bob");
        TodoList groceries = alice.createList("Groceries");
        ShareViewModel share = shareModel("Alice", alice, groceries, new FakeDialogs());
        share.remoteProperty().set("folder:" + Files.createDirectories(tmp.resolve("shared")));
        share.share();
        String code = share.inviteProperty().get();
        bob.writeAll(tx -> tx.save(new TodoList(groceries.id(), "Diary", null, null)));

        JoinViewModel join = new JoinViewModel(sharing("bob"), bob, "Bob", async, resyncs::incrementAndGet);
        join.codeProperty().set(code);
        join.ask();
        assertEquals(JoinViewModel.State.ENTER, join.stateProperty().get());
        assertEquals("Diary", join.existingProperty().get());
        assertTrue(join.messageProperty().get().contains("a list you already have"), join.messageProperty().get());
        share.refresh();
        assertTrue(share.requests().isEmpty(), "nothing was asked");

        join.intoExistingProperty().set(true);
        join.ask();
        assertEquals(JoinViewModel.State.ASKED, join.stateProperty().get(), join.messageProperty().get());
        share.refresh();
        assertEquals(1, share.requests().size());
    }
}
