package dev.tandem.app.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.history.Authors;
import dev.tandem.app.settings.SettingsStore;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncReport;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Removing a member cut short on the owner's device, at the two places a crash leaves something to
 * do: after the device kept the new passphrase but before the remote changed, and after the
 * remote's key changed but before the device saved the new passphrase. The next
 * {@link Spaces#finishRemovals} finishes either: the member is removed, the key is the kept one,
 * and the owner and the remaining member read on while the removed one reads nothing new. And a
 * list synced alone ({@link Spaces#syncList}) says in its report what it could not read.
 */
@Tag("unit")
class SpacesTest {
    @TempDir
    Path tmp;
    private final List<AutoCloseable> open = new ArrayList<>();

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

    /** Alice shares Groceries with Bob and Carol, each admitted and synced once. */
    private TodoList threePeople(TodoStore alice, TodoStore bob, TodoStore carol) throws Exception {
        TodoList groceries = alice.createList("Groceries");
        alice.add("Oat milk", groceries.id(), null);
        String code = sharing("alice").share(alice, groceries, "folder:" + Files.createDirectories(tmp.resolve("shared")),
                "Alice");
        for (String who : List.of("bob", "carol")) {
            // An invite admits one person: Carol gets one of her own.
            String invite = who.equals("bob") ? code : sharing("alice").invite(alice, groceries.id());
            Spaces.Asked asked = sharing(who).join(invite, who.substring(0, 1).toUpperCase() + who.substring(1));
            sharing("alice").admit(alice, groceries.id(), asked.fingerprint());
            assertTrue(sharing(who).admitted(groceries.id()));
            sharing(who).syncList(who.equals("bob") ? bob : carol, groceries.id());
        }
        return groceries;
    }

    private void assertFinished(TodoStore alice, TodoStore bob, TodoStore carol, TodoList groceries, String kept) {
        SettingsStore settings = new SettingsStore(tmp.resolve("alice"));
        assertEquals(kept, sharing("alice").get(groceries.id()).orElseThrow().passphrase(), "the kept passphrase is saved");
        assertEquals("", settings.get("shared." + groceries.id() + ".removing", ""));
        assertEquals("", settings.secret("shared." + groceries.id() + ".rotating"));
        assertTrue(sharing("alice").members(alice, groceries.id()).members().stream()
                .anyMatch(m -> m.name().equals("Bob") && m.removed()));
        alice.add("Birthday cake", groceries.id(), null);
        sharing("alice").syncList(alice, groceries.id());
        // Carol's device follows the key sealed to her, as a sync does on a wrong passphrase.
        new SpaceLists(new SettingsStore(tmp.resolve("carol")))
                .followRekey(groceries.id(), carol.replica()::rekeyedPassphrase, Map.of()).close();
        sharing("carol").syncList(carol, groceries.id());
        assertTrue(carol.allItems().stream().map(Item::title).toList().contains("Birthday cake"));
        SyncException out = assertThrows(SyncException.class, () -> sharing("bob").syncList(bob, groceries.id()));
        assertEquals(SyncException.Reason.WRONG_PASSPHRASE, out.reason());
        assertTrue(bob.allItems().stream().noneMatch(i -> i.title().equals("Birthday cake")));
    }

    @Test
    void finishRemovals_cutBeforeTheRemoteChanged_removesWithTheKeptPassphrase() throws Exception {
        TodoStore alice = profile("alice");
        TodoStore bob = profile("bob");
        TodoStore carol = profile("carol");
        TodoList groceries = threePeople(alice, bob, carol);
        SettingsStore settings = new SettingsStore(tmp.resolve("alice"));
        // What remove keeps before it writes anything; the process then dies.
        settings.put("shared." + groceries.id() + ".removing", "Bob");
        settings.putSecret("shared." + groceries.id() + ".rotating", "kept before the cut");

        List<String> problems = new ArrayList<>();
        assertEquals(1, sharing("alice").finishRemovals(alice, problems::add));
        assertEquals(List.of(), problems);
        assertFinished(alice, bob, carol, groceries, "kept before the cut");
    }

    @Test
    void finishRemovals_cutAfterTheKeyChanged_opensWithTheKeptPassphraseAndFinishes() throws Exception {
        TodoStore alice = profile("alice");
        TodoStore bob = profile("bob");
        TodoStore carol = profile("carol");
        TodoList groceries = threePeople(alice, bob, carol);
        SettingsStore settings = new SettingsStore(tmp.resolve("alice"));
        String old = sharing("alice").get(groceries.id()).orElseThrow().passphrase();
        settings.put("shared." + groceries.id() + ".removing", "Bob");
        settings.putSecret("shared." + groceries.id() + ".rotating", "kept before the cut");
        // The remote changed all the way; the process died before saving the new passphrase.
        try (SyncEngine engine = SpaceLists.engine(sharing("alice").get(groceries.id()).orElseThrow(), Map.of())) {
            alice.replica().removeAndRotate(engine, "Bob", "kept before the cut", null);
        }
        assertEquals(old, sharing("alice").get(groceries.id()).orElseThrow().passphrase());

        assertEquals(1, sharing("alice").finishRemovals(alice, p -> { throw new AssertionError(p); }));
        assertNotEquals(old, sharing("alice").get(groceries.id()).orElseThrow().passphrase());
        assertFinished(alice, bob, carol, groceries, "kept before the cut");
        assertEquals(0, sharing("alice").finishRemovals(alice, p -> { }), "nothing left to finish");
    }

    /**
     * A list synced alone whose members cannot be read: the sync stands, and its report says who
     * shared the list could not be read, as every sync of the list does; the next sync reads it.
     */
    @Test
    void syncList_ownerCannotBeRead_reportNotesItAndTheNextSyncLearnsIt() throws Exception {
        TodoStore alice = profile("alice");
        TodoStore bob = profile("bob");
        TodoList groceries = alice.createList("Groceries");
        alice.add("Oat milk", groceries.id(), null);
        String code = sharing("alice").share(alice, groceries, "folder:" + Files.createDirectories(tmp.resolve("shared")),
                "Alice");
        Spaces.Asked asked = sharing("bob").join(code, "Bob");
        sharing("alice").admit(alice, groceries.id(), asked.fingerprint());
        assertTrue(sharing("bob").admitted(groceries.id()));
        Spaces unreadable = new Spaces(new SettingsStore(tmp.resolve("bob")), Map.of(),
                s -> membersFail(SpaceLists.engine(s, Map.of())));

        SyncReport report = unreadable.syncList(bob, groceries.id());

        assertTrue(report.pulled() > 0, "the list synced: " + report);
        assertEquals(List.of("Who shared “Groceries” could not be read (members unreadable); it is read again at the"
                + " next sync."), report.notes());
        SpaceLists lists = new SpaceLists(new SettingsStore(tmp.resolve("bob")));
        assertEquals(Optional.empty(), lists.owner(groceries.id()));
        assertEquals(List.of(), sharing("bob").syncList(bob, groceries.id()).notes());
        assertEquals(Optional.of("Alice"), lists.owner(groceries.id()));
    }

    /** {@code engine}, except that reading its members fails. */
    private static SyncEngine membersFail(SyncEngine engine) {
        InvocationHandler h = (proxy, method, args) -> {
            if (method.getName().equals("members") && method.getParameterCount() == 1) {
                throw new IllegalStateException("members unreadable");
            }
            try {
                return method.invoke(engine, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (SyncEngine) Proxy.newProxyInstance(SyncEngine.class.getClassLoader(), new Class<?>[] {SyncEngine.class}, h);
    }
}
