package dev.tandem.engine.bench;

import dev.tandem.engine.Table;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/** The records and schema the benchmarks use, and realistic, deterministic values for them. */
final class Data {
    private Data() {
    }

    /** A to-do with five attribute columns besides its id. */
    @Table("task")
    record Task(String id, String title, String notes, boolean done, Long priority, String due) {
        Task withTitle(String t) {
            return new Task(id, t, notes, done, priority, due);
        }
    }

    static final String TASK_DDL = "CREATE TABLE task(id TEXT PRIMARY KEY, title TEXT NOT NULL, notes TEXT,"
            + " done INTEGER NOT NULL DEFAULT 0, priority INTEGER, due TEXT)";

    static final String TASK_UPSERT = "INSERT INTO task(id, title, notes, done, priority, due) VALUES(?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT(id) DO UPDATE SET title = excluded.title, notes = excluded.notes, done = excluded.done,"
            + " priority = excluded.priority, due = excluded.due";

    static final String TASK_INSERT = "INSERT INTO task(id, title, notes, done, priority, due) VALUES(?, ?, ?, ?, ?, ?)";

    private static final List<String> VERBS = List.of("Buy", "Call", "Email", "Fix", "Book", "Pay", "Read",
            "Write", "Plan", "Clean", "Return", "Order", "Check", "Renew", "Pick up");
    private static final List<String> THINGS = List.of("oat milk", "the dentist", "Grandma", "the bike tyre",
            "train tickets", "the electricity bill", "chapter 4", "a thank-you card", "the garden", "the garage",
            "library books", "printer ink", "the car insurance", "passport", "the kids from school",
            "quarterly report", "birthday present for Sam", "flights to Lisbon", "the leaking tap", "groceries");
    private static final List<String> NOTES = List.of("ask about the weekend rate", "before Friday",
            "the blue one, not the green one", "see email from Anna", "remember the receipt",
            "call back if nobody answers", "compare prices first", "after work", "use the old account number",
            "bring the spare key");

    /** A title like "Pay the electricity bill", sometimes with a number, 10-35 characters. */
    static String title(SplittableRandom r) {
        String t = VERBS.get(r.nextInt(VERBS.size())) + " " + THINGS.get(r.nextInt(THINGS.size()));
        return r.nextInt(4) == 0 ? t + " (" + (1 + r.nextInt(20)) + ")" : t;
    }

    /** A short note about a third of the time, else null. */
    static String notes(SplittableRandom r) {
        return r.nextInt(3) == 0 ? NOTES.get(r.nextInt(NOTES.size())) : null;
    }

    /** Random lower-case letters with a space now and then: text without the redundancy deflate feeds on. */
    static String randomText(SplittableRandom r, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(i > 0 && r.nextInt(6) == 0 ? ' ' : (char) ('a' + r.nextInt(26)));
        }
        return b.toString();
    }

    static String due(SplittableRandom r) {
        return r.nextBoolean() ? LocalDate.of(2026, 1, 1).plusDays(r.nextInt(365)).toString() : null;
    }

    static Task task(String id, SplittableRandom r) {
        return new Task(id, title(r), notes(r), r.nextInt(5) == 0, 1L + r.nextInt(3), due(r));
    }
}
