package dev.tandem.engine.sync;

import static dev.tandem.engine.testing.SyncFixture.syncEach;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Change;
import dev.tandem.engine.Conflict;
import dev.tandem.engine.Db;
import dev.tandem.engine.Fixtures.Item;
import dev.tandem.engine.testing.SyncFixture;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Concurrent edits of a mergeable text attribute merge line by line, converge, and keep conflicts for overlaps. */
@Tag("unit")
class TextMergeSyncTest {
    private static final String TRIP = "Trip to Lisbon\nFlights: ?\nHotel: Alfama\nCar: ?\n";

    @RegisterExtension
    final SyncFixture sync = new SyncFixture();

    private Db device() {
        return sync.device(Db.builder().memory().mergeText("item", "notes"));
    }

    private static String notes(Db db, String id) {
        return db.get(Item.class, id).orElseThrow().notes();
    }

    private static void edit(Db db, String id, String from, String to) {
        Item it = db.get(Item.class, id).orElseThrow();
        db.save(it.withNotes(it.notes().replace(from, to)));
    }

    /** A and B hold the trip note, synced; returns its id. */
    private String sharedNote(Db a, Db b) {
        String id = a.save(Item.of("Lisbon").withNotes(TRIP)).id();
        syncEach(sync.engine(), a, b);
        return id;
    }

    @Test
    void sync_editsOfDifferentLines_mergeWithoutConflict() {
        Db a = device();
        Db b = device();
        String id = sharedNote(a, b);
        edit(a, id, "Flights: ?", "Flights: LH 123 booked");
        edit(b, id, "Car: ?", "Car: Hertz 998");

        syncEach(sync.engine(), a, b, a);

        String expected = "Trip to Lisbon\nFlights: LH 123 booked\nHotel: Alfama\nCar: Hertz 998\n";
        assertEquals(expected, notes(a, id));
        assertEquals(expected, notes(b, id));
        assertEquals(List.of(), a.conflicts().list());
        assertEquals(List.of(), b.conflicts().list());
    }

    @Test
    void sync_bothEndsOfANote_mergeInEitherSyncOrder() {
        for (boolean aFirst : new boolean[] {true, false}) {
            Db a = device();
            Db b = device();
            String id = sharedNote(a, b);
            edit(a, id, "Trip to Lisbon\n", "Packing list first\nTrip to Lisbon\n");
            edit(b, id, "Car: ?\n", "Car: ?\nBack on Sunday\n");

            if (aFirst) {
                syncEach(sync.engine(), a, b, a);
            } else {
                syncEach(sync.engine(), b, a, b);
            }

            String expected = "Packing list first\n" + TRIP + "Back on Sunday\n";
            assertEquals(expected, notes(a, id), "a, a first: " + aFirst);
            assertEquals(expected, notes(b, id), "b, a first: " + aFirst);
            assertEquals(List.of(), a.conflicts().list());
        }
    }

    @Test
    void sync_sameLineEdited_lastWriteWinsAndTheOtherIsAConflict() {
        Db a = device();
        Db b = device();
        String id = sharedNote(a, b);
        edit(a, id, "Hotel: Alfama", "Hotel: Baixa");
        edit(b, id, "Hotel: Alfama", "Hotel: Chiado");

        syncEach(sync.engine(), a, b, a);

        // Which edit is later is the change ids' order (edits in one millisecond order by each
        // session's counter, not by wall time); the other must be the conflict's lost value.
        String baixa = TRIP.replace("Hotel: Alfama", "Hotel: Baixa");
        String chiado = TRIP.replace("Hotel: Alfama", "Hotel: Chiado");
        String kept = notes(a, id);
        assertTrue(kept.equals(baixa) || kept.equals(chiado), kept);
        assertEquals(kept, notes(b, id));
        Conflict c = a.conflicts().list().get(0);
        assertEquals("notes", c.field());
        assertEquals(kept.equals(baixa) ? chiado : baixa, c.lostValue());
        assertEquals(kept, c.keptValue());
    }

    @Test
    void sync_mergedLineDeletedLater_doesNotComeBackOnAThirdDevice() {
        Db a = device();
        Db b = device();
        Db c = device();
        String id = sharedNote(a, b);
        syncEach(sync.engine(), c);
        edit(a, id, "Flights: ?", "Flights: LH 123");
        edit(b, id, "Car: ?\n", "Car: ?\nParking: P3\n");
        syncEach(sync.engine(), b, a); // a merges, then drops the parking line it now sees
        edit(a, id, "Parking: P3\n", "");
        syncEach(sync.engine(), a);

        syncEach(sync.engine(), c, b, c);

        String expected = TRIP.replace("Flights: ?", "Flights: LH 123");
        assertEquals(expected, notes(a, id));
        assertEquals(expected, notes(b, id));
        assertEquals(expected, notes(c, id));
        assertEquals(List.of(), c.conflicts().list());
        assertEquals(List.of(), b.conflicts().list());
    }

    @Test
    void sync_threeDevicesEditingDifferentLines_allConverge() {
        Db a = device();
        Db b = device();
        Db c = device();
        String id = sharedNote(a, b);
        syncEach(sync.engine(), c);
        edit(a, id, "Flights: ?", "Flights: LH 123");
        edit(b, id, "Hotel: Alfama", "Hotel: Alfama (paid)");
        edit(c, id, "Car: ?", "Car: none");

        syncEach(sync.engine(), c, b, a, c, b);

        String expected = "Trip to Lisbon\nFlights: LH 123\nHotel: Alfama (paid)\nCar: none\n";
        for (Db db : List.of(a, b, c)) {
            assertEquals(expected, notes(db, id));
            assertEquals(List.of(), db.conflicts().list());
        }
    }

    @Test
    void sync_titleIsNotMergeable_staysLastWriteWins() {
        Db a = device();
        Db b = device();
        String id = a.save(Item.of("Buy milk\nand bread")).id();
        syncEach(sync.engine(), a, b);
        a.save(a.get(Item.class, id).orElseThrow().withTitle("Buy oat milk\nand bread"));
        b.save(b.get(Item.class, id).orElseThrow().withTitle("Buy milk\nand rye bread"));

        syncEach(sync.engine(), a, b, a);

        String kept = a.get(Item.class, id).orElseThrow().title();
        assertTrue(kept.equals("Buy oat milk\nand bread") || kept.equals("Buy milk\nand rye bread"), kept);
        assertEquals(kept, b.get(Item.class, id).orElseThrow().title());
        assertEquals(1, a.conflicts().list().size());
    }

    @Test
    void sync_mergeChange_staysOutOfTheEntitysHistoryFields() {
        Db a = device();
        Db b = device();
        String id = sharedNote(a, b);
        edit(a, id, "Flights: ?", "Flights: LH 123");
        edit(b, id, "Car: ?", "Car: none");
        syncEach(sync.engine(), a, b);

        List<Change> history = b.history().changes("item", id);
        assertTrue(history.size() >= 4);
        assertFalse(history.stream().flatMap(ch -> ch.fields().stream()).anyMatch(f -> f.field().startsWith("_merged")));
        assertEquals(b.deviceId(), history.get(history.size() - 1).author());
    }

    @Test
    void build_mergeTextWithABadName_namesTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Db.builder().memory().mergeText("item", "no-tes").build());
        assertTrue(e.getMessage().startsWith("mergeText:"), e.getMessage());
    }
}
