package dev.tandem.engine.testing;

import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures;
import dev.tandem.engine.Fixtures.Item;
import java.nio.file.Path;

/**
 * Child process for crash tests: saves records as fast as it can and prints each id only after
 * {@code save} returned, so every printed id is an acknowledged save. The parent kills it with
 * SIGKILL at a random moment.
 */
public final class SaveLoop {
    private SaveLoop() {
    }

    public static void main(String[] args) {
        try (Db db = Db.open(Path.of(args[0]))) {
            db.migrate(Fixtures.MIGRATIONS);
            System.out.println("ready");
            System.out.flush();
            for (int i = 0; ; i++) {
                Item saved = db.save(new Item(null, null, "item " + i, false, (long) i, "x".repeat(i % 500)));
                if (i % 3 == 0) {
                    db.save(saved.withTitle("edited " + i));
                }
                System.out.println(saved.id());
                System.out.flush();
            }
        }
    }
}
