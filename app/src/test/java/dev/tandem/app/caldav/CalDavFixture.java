package dev.tandem.app.caldav;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoStore;
import dev.tandem.engine.Db;
import dev.tandem.engine.caldav.CalDavAccount;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.WebDavSettings;
import dev.tandem.engine.testing.CalDavServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * What a CalDAV test with real client programs holds: Tandem devices (each its own profile, all
 * syncing each other through one folder remote when asked), one server, and whatever must be
 * closed at the end, closed in reverse order.
 */
final class CalDavFixture implements AutoCloseable {
    static final ZoneId ZONE = ZoneOffset.UTC;

    final Path tmp;
    final CalDavServer server;
    private final List<AutoCloseable> open = new ArrayList<>();
    private final Path remote;

    CalDavFixture(Path tmp, CalDavServer.Kind kind) throws Exception {
        ClientPrograms.require();
        this.tmp = tmp;
        this.server = keep(CalDavServer.forTest(kind));
        this.remote = Files.createDirectories(tmp.resolve("remote"));
    }

    <T extends AutoCloseable> T keep(T t) {
        open.add(t);
        return t;
    }

    /** A Tandem device: a profile of its own in the test's folder. */
    Device device(String name) throws Exception {
        return device(name, Clock.systemUTC());
    }

    /** A Tandem device whose edits are stamped by {@code clock}. */
    Device device(String name, Clock clock) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve(name));
        TodoStore store = keep(new TodoStore(Db.builder().file(dir.resolve("tandem.db")).clock(clock).build(), clock, ZONE));
        SyncEngine engine = keep(SyncEngine.builder().folder(remote).build());
        return new Device(name, store, engine);
    }

    PyCalDav python() throws Exception {
        return new PyCalDav(server);
    }

    Todoman todoman() throws Exception {
        return new Todoman(server, Files.createDirectories(tmp.resolve("todoman")));
    }

    /** A Tandem device and its sync with the other devices. */
    final class Device {
        final String name;
        final TodoStore store;
        private final SyncEngine engine;

        Device(String name, TodoStore store, SyncEngine engine) {
            this.name = name;
            this.store = store;
            this.engine = engine;
        }

        /** One CalDAV sync, connecting the lists named. */
        CalDavReport caldav(String... connect) {
            try (CalDavState state = CalDavState.open(store.replica().file());
                 CalDavAccount account = CalDavAccount.connect(new WebDavSettings(server.url(), server.user(),
                         CalDavServer.PASSWORD))) {
                return CalDavSync.run(store, account, state, List.of(connect), ZONE);
            }
        }

        /** One sync with the other Tandem devices through the folder remote. */
        void tandem() {
            store.replica().sync(engine);
        }

        /** The todos titled {@code title} that are open (not done, not in the Trash). */
        List<Item> open(String title) {
            return store.allItems().stream().filter(i -> title.equals(i.title()) && !i.isDone() && !i.isTrashed())
                    .toList();
        }

        /** The todos in the Trash. */
        List<Item> trashed() {
            return store.allItems().stream().filter(Item::isTrashed).toList();
        }

        String listId(String name) {
            return name.equals(CalDavSync.INBOX_NAME) ? "" : store.findList(name).orElseThrow().id();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @Override
    public void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }
}
