package dev.tandem.app.tools;

import dev.tandem.app.Device;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.engine.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;

/**
 * Fills a data dir with N todos for the performance figures: {@code SeedData DIR N}. Most go to the
 * Inbox (the worst case for the list), a tenth to three lists, every seventh has notes and a due date. They are
 * dated the milliseconds before the seeding, so what a person adds afterwards sorts after them.
 */
public final class SeedData {
    private SeedData() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        Files.createDirectories(dir);
        long t0 = System.nanoTime();
        try (Db db = Db.open(dir.resolve(Device.DB_FILE))) {
            TodoStore store = new TodoStore(db, Clock.systemUTC());
            TodoList[] lists = {store.createList("Work"), store.createList("Home"), store.createList("Groceries")};
            LocalDate today = store.today();
            long now = System.currentTimeMillis();
            int batch = 1000;
            for (int start = 0; start < n; start += batch) {
                int s = start;
                db.transaction(tx -> {
                    for (int i = s; i < Math.min(n, s + batch); i++) {
                        String list = i % 10 == 0 ? lists[i % 3].id() : null;
                        String due = i % 7 == 0 ? today.plusDays(i % 30 - 5).toString() : null;
                        String notes = i % 7 == 0 ? "Notes for todo " + i + ": remember the details, links and numbers." : null;
                        tx.save(new Item(null, list, "Todo number " + i + " about " + WORDS[i % WORDS.length], notes, due,
                                0L, null, null, now - n + i));
                    }
                });
            }
        }
        System.out.printf("seeded %d todos in %s in %d ms%n", n, dir, (System.nanoTime() - t0) / 1_000_000);
    }

    private static final String[] WORDS = {"the roadmap", "groceries", "the garden", "taxes", "the car", "a birthday",
        "the budget", "the offsite", "invoices", "the kitchen"};
}
