package dev.tandem.engine.internal.wire;

import static dev.tandem.engine.internal.wire.BatchCodecLayout1Test.C1;
import static dev.tandem.engine.internal.wire.BatchCodecLayout1Test.C2;
import static dev.tandem.engine.internal.wire.BatchCodecLayout1Test.C3;
import static dev.tandem.engine.internal.wire.BatchCodecLayout1Test.C4;
import static dev.tandem.engine.internal.wire.BatchCodecLayout1Test.DEVICE;
import static dev.tandem.engine.internal.wire.BatchCodecLayout1Test.ENTITY;
import static dev.tandem.engine.internal.wire.BatchCodecLayout1Test.FOREIGN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.engine.internal.changelog.ChangeData;
import dev.tandem.engine.internal.changelog.FieldData;
import dev.tandem.engine.internal.wire.Snapshot.Part;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Snapshot parts in both layouts, checked in as bytes: {@code part-v1.bin} as Tandem wrote parts
 * before layout 2 (remotes keep a snapshot until a newer one replaces it), {@code part-v2.bin} as
 * it writes them now, so a change to the writer that would change the format fails here rather
 * than on someone's remote. The ids are those of {@code batch-v1.bin}.
 */
@Tag("unit")
class SnapshotPartFixturesTest {
    static final String ID = "1732233600000-0b3c2f8e-5d1a-4c7e-9a55-1f2e3d4c5b6a";
    static final UUID A = DEVICE;
    static final UUID B = UUID.fromString("5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b");

    /** What both fixtures hold: two authors, a UUID entity of three changes, text entities, every value type. */
    static Part expected() {
        return new Part(ID, 2, List.of(
                new SnapshotEntry(A, new ChangeData(C1, "item", ENTITY, List.of(new FieldData("done", 0L, null),
                        new FieldData("weight", 1.5, null), new FieldData("blob", new byte[] {0, 1, (byte) 255}, null),
                        new FieldData("notes", null, null)))),
                new SnapshotEntry(B, new ChangeData(C3, "item", ENTITY, List.of(new FieldData("title", "Buy oat milk", C1)))),
                new SnapshotEntry(A, new ChangeData(C4, "item", ENTITY, List.of(new FieldData("_deleted", 0L, FOREIGN)))),
                new SnapshotEntry(A, new ChangeData(C2, "list", "inbox", List.of(new FieldData("name", "Inbox", null)))),
                new SnapshotEntry(B, new ChangeData(FOREIGN, "item", "Ünïcode id", List.of(new FieldData("title", "x", null))))));
    }

    static byte[] fixture(String name) throws Exception {
        try (InputStream in = SnapshotPartFixturesTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void decodePart_checkedInLayout1Part_readsEveryEntry() throws Exception {
        byte[] object = fixture("part-v1.bin");
        assertEquals(1, Frame.version(object));
        Part part = SnapshotCodec.decodePart(object, "snapshots/" + ID + "/part-000002", ID, 2);
        assertEquals(PartColumnsTest.canonical(expected().entries()), PartColumnsTest.canonical(part.entries()));
    }

    @Test
    void encode_layout1Encoder_writesTheCheckedInBytes() throws Exception {
        assertArrayEquals(fixture("part-v1.bin"), PartLayout1.encode(expected()),
                "the encoder kept in test code is the one that wrote the fixture");
    }

    @Test
    void decodePart_checkedInLayout2Part_readsEveryEntry() throws Exception {
        byte[] object = fixture("part-v2.bin");
        assertEquals(2, Frame.version(object));
        Part part = SnapshotCodec.decodePart(object, "snapshots/" + ID + "/part-000002", ID, 2);
        assertEquals(PartColumnsTest.canonical(expected().entries()), PartColumnsTest.canonical(part.entries()));
    }

    @Test
    void encodePart_today_writesTheCheckedInLayout2Bytes() throws Exception {
        assertArrayEquals(fixture("part-v2.bin"), SnapshotCodec.encodePart(expected()),
                "the part layout changed: a new layout needs a new version, and this fixture stays readable");
    }
}
