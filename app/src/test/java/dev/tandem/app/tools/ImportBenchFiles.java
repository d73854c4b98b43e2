package dev.tandem.app.tools;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.transfer.Format;
import dev.tandem.app.transfer.Progress;
import dev.tandem.app.transfer.Transfer;
import dev.tandem.engine.Db;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Writes files of N todos in every import format, for timing {@code tandem import} (docs/PERFORMANCE.md):
 * {@code ImportBenchFiles DIR N} makes {@code todos.json}, {@code todos.ics} and the folder
 * {@code markdown} (Tandem's own exports of a profile seeded like {@link SeedData}), {@code Bench.csv}
 * (Todoist, every fifth task with two sub-tasks) and {@code todos.jex} (Joplin, three notebooks).
 */
public final class ImportBenchFiles {
    private ImportBenchFiles() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createDirectories(Path.of(args[0]));
        int n = Integer.parseInt(args[1]);
        try (TodoStore store = new TodoStore(Db.openMemory(), Clock.systemUTC())) {
            TodoList[] lists = {store.createList("Work"), store.createList("Home"), store.createList("Groceries")};
            LocalDate today = store.today();
            long now = System.currentTimeMillis();
            store.writeAll(tx -> {
                for (int i = 0; i < n; i++) {
                    String list = i % 10 == 0 ? lists[i % 3].id() : null;
                    String due = i % 7 == 0 ? today.plusDays(i % 30 - 5).toString() : null;
                    String notes = i % 7 == 0 ? "Notes for todo " + i + ": remember the details, links and numbers." : null;
                    tx.save(new Item(null, list, "Todo number " + i, notes, due, i % 4 == 0 ? 1L : 0L,
                            i % 4 == 0 ? now : null, null, now + i));
                }
                return null;
            });
            Transfer.export(store, Format.TANDEM_JSON, dir.resolve("todos.json"), Progress.NONE);
            Transfer.export(store, Format.ICS, dir.resolve("todos.ics"), Progress.NONE);
            Transfer.export(store, Format.MARKDOWN, dir.resolve("markdown"), Progress.NONE);
        }
        StringBuilder csv = new StringBuilder("TYPE,CONTENT,DESCRIPTION,PRIORITY,INDENT,AUTHOR,RESPONSIBLE,DATE,DATE_LANG,TIMEZONE\n");
        for (int i = 0; i < n; i++) {
            csv.append("task,Todoist task ").append(i).append(",\"Details, for task ").append(i).append("\",")
                    .append(1 + i % 4).append(",1,Sam (123),,").append(i % 3 == 0 ? "2027-01-15" : "").append(",en,UTC\n");
            if (i % 5 == 0) {
                csv.append("task,Sub-task A of ").append(i).append(",,4,2,Sam (123),,,en,UTC\n");
                csv.append("task,Sub-task B of ").append(i).append(",,4,3,Sam (123),,,en,UTC\n");
            }
        }
        Files.writeString(dir.resolve("Bench.csv"), csv, StandardCharsets.UTF_8);
        try (OutputStream out = Files.newOutputStream(dir.resolve("todos.jex"));
             TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
            for (int f = 0; f < 3; f++) {
                entry(tar, String.format("%032x", f + 1), "Notebook " + f + "\n\nid: " + String.format("%032x", f + 1)
                        + "\ncreated_time: 2026-09-01T08:00:00.000Z\nparent_id: \ntype_: 2");
            }
            for (int i = 0; i < n; i++) {
                String id = String.format("%032x", 1000 + i);
                entry(tar, id, "Joplin to-do " + i + "\n\nBody of note " + i + "\n\nid: " + id + "\nparent_id: "
                        + String.format("%032x", 1 + i % 3) + "\ncreated_time: 2026-09-03T10:00:00.000Z\nis_todo: 1\ntodo_due: "
                        + (i % 2 == 0 ? "1789812000000" : "0") + "\ntodo_completed: " + (i % 4 == 0 ? "1789500000000" : "0")
                        + "\nencryption_applied: 0\ntype_: 1");
            }
        }
        System.out.printf("wrote %d todos in each format to %s%n", n, dir);
    }

    private static void entry(TarArchiveOutputStream tar, String id, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(id + ".md");
        e.setSize(b.length);
        tar.putArchiveEntry(e);
        tar.write(b);
        tar.closeArchiveEntry();
    }
}
