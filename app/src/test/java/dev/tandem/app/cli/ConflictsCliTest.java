package dev.tandem.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.app.Device;
import dev.tandem.app.model.Schema;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.history.Authors;
import dev.tandem.app.testing.CliRun;
import dev.tandem.app.testing.CliRun.Result;
import dev.tandem.app.testing.TestClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `tandem conflicts` as a user reads it in a terminal: one conflict per line, a multi-line value
 * (a note) with its continuation lines indented, and every conflict ending with its own line break,
 * so the next one, or whatever the shell prints next, starts on a line of its own.
 */
@Tag("unit")
class ConflictsCliTest {
    @TempDir
    Path tmp;

    private final TestClock clock = new TestClock(ZoneOffset.UTC);
    private Path a;
    private Path b;

    @BeforeEach
    void twoDevices() throws IOException {
        Files.createDirectories(tmp.resolve("remote"));
        a = tmp.resolve("a");
        b = tmp.resolve("b");
    }

    private Result tandem(Path profile, String... args) {
        Result r = CliRun.run(Map.of(), clock, profile, args);
        clock.advance(Duration.ofSeconds(1));
        return r;
    }

    private Result ok(Path profile, String... args) {
        Result r = tandem(profile, args);
        assertEquals(0, r.code(), () -> String.join(" ", args) + " failed: " + r.err());
        return r;
    }

    private void sync(Path profile) {
        ok(profile, "sync", "--remote", "folder:" + tmp.resolve("remote"));
    }

    private void name(Path profile, String name) {
        try (TodoStore store = new TodoStore(Schema.database(profile.resolve(Device.DB_FILE)).build(), clock)) {
            new Authors(store).register(name);
        }
    }

    @Test
    void conflicts_notesAndTitleEditedOnTwoDevices_eachConflictEndsWithItsOwnLine() {
        String id = ok(a, "add", "Lisbon").out().strip();
        ok(a, "edit", id, "--notes", "Trip\nHotel: Alfama");
        name(a, "Laptop");
        sync(a);
        sync(b);
        // Both edit the same line of the note, and the title, while apart; B edits later and wins.
        ok(a, "edit", id, "--title", "Lisbon trip", "--notes", "Trip\nHotel: Baixa");
        ok(b, "edit", id, "--title", "Lisbon in May", "--notes", "Trip\nHotel: Chiado");
        sync(a);
        sync(b);

        Result r = ok(b, "conflicts");
        String nl = System.lineSeparator();
        assertEquals(List.of(
                "#2  Lisbon in May  Title: kept “Lisbon in May” (This device), lost “Lisbon trip” (Laptop)",
                "#1  Lisbon in May  Notes: kept “Trip",
                "    Hotel: Chiado” (This device), lost “Trip",
                "    Hotel: Baixa” (Laptop)"), List.of(r.out().split(nl, -1)).subList(0, 4), r.out());
        assertEquals(4, r.out().split(nl, -1).length - 1, "every conflict ends with its own line break: " + r.out());
    }
}
