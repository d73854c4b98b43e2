package dev.tandem.engine.testing;

import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures;
import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.sync.SyncEngine;
import dev.tandem.engine.sync.SyncStorage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Devices and remotes for a sync test: databases on the shared test schema (in memory unless a
 * builder says otherwise), one in-memory remote with its engine, and engines over other storage,
 * all closed after each test.
 * Use as a field: {@code @RegisterExtension final SyncFixture sync = new SyncFixture();}.
 */
public final class SyncFixture implements AfterEachCallback {
    private final List<AutoCloseable> open = new ArrayList<>();
    private SyncStorage remote;
    private SyncEngine engine;

    /** A new in-memory database with {@link Fixtures#MIGRATIONS}. */
    public Db device() {
        return device(Fixtures.MIGRATIONS);
    }

    /** A new in-memory database with these migrations instead. */
    public Db device(List<String> migrations) {
        Db db = closeAfter(Db.openMemory());
        db.migrate(migrations);
        return db;
    }

    /** A new database from {@code builder}, e.g. on a file or with a manual clock, with {@link Fixtures#MIGRATIONS}. */
    public Db device(Db.Builder builder) {
        Db db = closeAfter(builder.build());
        db.migrate(Fixtures.MIGRATIONS);
        return db;
    }

    /** The test's in-memory remote, the same on every call. */
    public SyncStorage remote() {
        if (remote == null) {
            remote = SyncStorage.memory();
        }
        return remote;
    }

    /** An engine over {@link #remote()}, the same on every call. */
    public SyncEngine engine() {
        if (engine == null) {
            engine = engine(remote());
        }
        return engine;
    }

    /** A new engine over {@code storage}; closing it closes the storage too. */
    public SyncEngine engine(SyncStorage storage) {
        return closeAfter(SyncEngine.builder().storage(storage).build());
    }

    /** Closes {@code resource} after the test, with the rest; for what the test builds itself. */
    public <T extends AutoCloseable> T closeAfter(T resource) {
        open.add(resource);
        return resource;
    }

    /** Syncs each database in turn through {@code engine}: the order is the point, e.g. a, b, a. */
    public static void syncEach(SyncEngine engine, Db... dbs) {
        for (Db db : dbs) {
            engine.sync(db);
        }
    }

    public static List<Item> items(Db db) {
        return db.query(Item.class, "SELECT * FROM item ORDER BY id");
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        Exception first = null;
        for (int i = open.size() - 1; i >= 0; i--) {
            try {
                open.get(i).close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        open.clear();
        remote = null;
        engine = null;
        if (first != null) {
            throw first;
        }
    }
}
