package dev.tandem.app.vm.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.history.Authors;
import dev.tandem.app.model.history.HistoryEntry;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.space.SpaceLists;
import dev.tandem.app.testing.FakeDialogs;
import dev.tandem.app.vm.shared.UndoManager;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.testing.Await;
import dev.tandem.engine.testing.WebDavServer;
import java.lang.ref.WeakReference;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The window's Share, Join and Leave, without a toolkit, over real profiles and a real shared
 * folder: Alice shares a list, Bob joins with the invite, Alice admits him after his fingerprint
 * shows in her requests, the list arrives on Bob's device; Alice removes Bob; Bob leaves and undoes.
 */
@Tag("server")
class ShareViewModelTest extends ShareViewModelFixture {
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
