package dev.tandem.engine.internal.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.engine.internal.changelog.ChangeData;
import dev.tandem.engine.internal.changelog.FieldData;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Batches in layout 1, which Tandem wrote before layout 2, stay readable: remotes keep them until
 * every device has read them and a snapshot covers them. {@code batch-v1.bin} was written by the
 * layout 1 encoder itself and is checked in, so this test does not depend on today's writer.
 */
@Tag("unit")
class BatchCodecLayout1Test {
    static final UUID DEVICE = UUID.fromString("0b3c2f8e-5d1a-4c7e-9a55-1f2e3d4c5b6a");
    static final UUID C1 = UUID.fromString("01936a4e-8c10-7001-8a1b-2c3d4e5f6071");
    static final UUID C2 = UUID.fromString("01936a4e-8c10-7002-8a1b-2c3d4e5f6072");
    static final UUID C3 = UUID.fromString("01936a4e-9000-7000-b111-222233334444");
    static final UUID C4 = UUID.fromString("01936a4f-0000-7000-8000-000000000001");
    static final UUID FOREIGN = UUID.fromString("01936a40-0000-7abc-bdef-0123456789ab");
    static final String ENTITY = "01936a4e-8c0f-7000-9f00-aabbccddeeff";

    /** What {@code batch-v1.bin} holds. */
    static Batch expected() {
        return new Batch(DEVICE, 3, List.of(
                new ChangeData(C1, "item", ENTITY, List.of(new FieldData("title", "Buy milk", null),
                        new FieldData("done", 0L, null), new FieldData("weight", 1.5, null),
                        new FieldData("blob", new byte[] {0, 1, (byte) 255}, null), new FieldData("notes", null, null))),
                new ChangeData(C2, "list", "inbox", List.of(new FieldData("name", "Inbox", C1))),
                new ChangeData(C3, "item", ENTITY, List.of(new FieldData("_deleted", 1L, FOREIGN),
                        new FieldData("title", "Buy oat milk", C1))),
                new ChangeData(C4, "item", "Ünïcode id", List.of())));
    }

    static byte[] fixture() throws Exception {
        try (InputStream in = BatchCodecLayout1Test.class.getResourceAsStream("batch-v1.bin")) {
            return in.readAllBytes();
        }
    }

    @Test
    void decode_checkedInLayout1Batch_readsEveryChange() throws Exception {
        byte[] object = fixture();
        assertEquals(1, Frame.version(object));
        Batch batch = BatchCodec.decode(object, "batches/" + DEVICE + "/000000000003");
        assertEquals(FuzzInputs.canonical(expected()), FuzzInputs.canonical(batch));
    }

    @Test
    void encode_layout1Encoder_writesTheCheckedInBytes() throws Exception {
        assertArrayEquals(fixture(), LegacyBatchEncoder.encode(expected(), 1732233600000L),
                "the encoder kept in test code is the one that wrote the fixture");
    }

    @Test
    void decode_layout1Batch_sameChangesAsLayout2() throws Exception {
        Batch viaLayout2 = BatchCodec.decode(BatchCodec.encode(expected(), 0), "k");
        assertEquals(FuzzInputs.canonical(BatchCodec.decode(fixture(), "k")), FuzzInputs.canonical(viaLayout2));
    }
}
