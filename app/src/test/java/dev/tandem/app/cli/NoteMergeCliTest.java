package dev.tandem.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.tandem.app.testing.CliRun;
import dev.tandem.app.testing.CliRun.Result;
import dev.tandem.app.testing.TestClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two devices edit one note while apart, through the command line on real profiles and a real
 * folder remote: different lines and both ends merge with no conflict, the same line keeps the
 * later edit and lists the other as a conflict, and both devices end identical either way.
 */
@Tag("unit")
class NoteMergeCliTest {
    private static final String NOTE = "Trip to Lisbon\nFlights: ?\nHotel: Alfama\nCar: ?";

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

    /** The note both devices hold after A added it and both synced; its id. */
    private String sharedNote() {
        String id = ok(a, "add", "Lisbon").out().strip();
        ok(a, "edit", id, "--notes", NOTE);
        sync(a);
        sync(b);
        assertEquals(NOTE, notes(b).get(id));
        return id;
    }

    private void edit(Path profile, String id, String from, String to) {
        String before = notes(profile).get(id);
        assertTrue(before.contains(from), before);
        ok(profile, "edit", id, "--notes", before.replace(from, to));
    }

    /** Notes by id, as `tandem list --json` prints them. */
    private Map<String, String> notes(Path profile) {
        String json = ok(profile, "list", "--json").out();
        Map<String, String> byId = new HashMap<>();
        try (JsonParser p = new JsonFactory().createParser(json)) {
            String id = null;
            String notes = null;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME && p.getParsingContext().getParent().inArray()) {
                    String field = p.currentName();
                    p.nextToken();
                    if (field.equals("id")) {
                        id = p.getText();
                    } else if (field.equals("notes")) {
                        notes = p.currentToken() == JsonToken.VALUE_NULL ? null : p.getText();
                    }
                } else if (t == JsonToken.END_OBJECT && p.getParsingContext().inArray()) {
                    byId.put(id, notes);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byId;
    }

    private String conflicts(Path profile) {
        return ok(profile, "conflicts", "--json").out().strip();
    }

    @Test
    void sync_differentLinesEdited_mergeWithNoConflict() {
        String id = sharedNote();
        edit(a, id, "Flights: ?", "Flights: LH 123 booked");
        edit(b, id, "Car: ?", "Car: Hertz 998");

        sync(a);
        sync(b);
        sync(a);

        String merged = "Trip to Lisbon\nFlights: LH 123 booked\nHotel: Alfama\nCar: Hertz 998";
        assertEquals(merged, notes(a).get(id));
        assertEquals(merged, notes(b).get(id));
        assertEquals("[]", conflicts(a));
        assertEquals("[]", conflicts(b));
    }

    @Test
    void sync_bothEndsOfTheNote_mergeWithNoConflict() {
        String id = sharedNote();
        edit(a, id, "Trip to Lisbon", "Packing list first\nTrip to Lisbon");
        edit(b, id, "Car: ?", "Car: ?\nBack on Sunday");

        sync(b);
        sync(a);
        sync(b);

        String merged = "Packing list first\n" + NOTE + "\nBack on Sunday";
        assertEquals(merged, notes(a).get(id));
        assertEquals(merged, notes(b).get(id));
        assertEquals("[]", conflicts(a));
        assertEquals("[]", conflicts(b));
    }

    @Test
    void sync_sameLineEdited_laterEditWinsAndTheOtherIsAConflict() {
        String id = sharedNote();
        edit(a, id, "Hotel: Alfama", "Hotel: Baixa");
        edit(b, id, "Hotel: Alfama", "Hotel: Chiado");

        sync(a);
        sync(b);
        sync(a);

        String later = NOTE.replace("Hotel: Alfama", "Hotel: Chiado");
        assertEquals(later, notes(a).get(id));
        assertEquals(later, notes(b).get(id));
        String listed = conflicts(b);
        assertTrue(listed.contains("\"field\":\"notes\""), listed);
        assertTrue(listed.contains("Hotel: Baixa"), listed);
    }
}
