package dev.tandem.app.model;

import dev.tandem.engine.Db;
import java.util.function.Function;

/**
 * How {@link TodoStore#open} and {@link TodoStore#openForCommand} open a database and the store over it. Apart
 * from the store because it runs before there is one: if making the store fails (a migration refused, a file
 * watch denied), the database just opened is closed here, as nobody else holds it yet.
 */
final class StoreOpening {
    private StoreOpening() {
    }

    /** The store {@code store} makes over the database {@code builder} builds; the database closed if that fails. */
    static TodoStore open(Db.Builder builder, Function<Db, TodoStore> store) {
        Db db = builder.build();
        try {
            return store.apply(db);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }
}
