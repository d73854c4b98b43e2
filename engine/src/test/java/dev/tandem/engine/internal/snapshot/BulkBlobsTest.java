package dev.tandem.engine.internal.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.tandem.engine.internal.changelog.FieldCodec;
import dev.tandem.engine.internal.changelog.FieldData;
import dev.tandem.engine.internal.changelog.WinnerMap;
import dev.tandem.engine.internal.clock.Uuid7;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class BulkBlobsTest {
    static final String[] NAMES = {"title", "Notes", "done", "_deleted", "priority", "a", "B", "zeta", "due", "listId"};

    static Object value(Random r) {
        return switch (r.nextInt(7)) {
            case 0 -> null;
            case 1 -> r.nextLong() >> r.nextInt(64);
            case 2 -> r.nextDouble() * 1e6;
            case 3 -> "ü".repeat(r.nextInt(3)) + "x".repeat(r.nextInt(r.nextBoolean() ? 40 : 70_000));
            case 4 -> {
                byte[] b = new byte[r.nextInt(r.nextBoolean() ? 20 : 300)];
                r.nextBytes(b);
                yield b;
            }
            case 5 -> (long) r.nextInt(2);
            default -> "";
        };
    }

    @Test
    void fieldsAndWinners_anyChange_sameBytesAsTheCodecs() {
        Random r = new Random(7);
        BulkBlobs blobs = new BulkBlobs();
        for (int round = 0; round < 500; round++) {
            List<String> names = new ArrayList<>(List.of(NAMES));
            Collections.shuffle(names, r);
            List<FieldData> fields = new ArrayList<>();
            WinnerMap expected = WinnerMap.empty().copy();
            blobs.clearWinners();
            for (int i = 0, n = r.nextInt(NAMES.length + 1); i < n; i++) {
                UUID replaces = r.nextBoolean() ? null : new UUID(r.nextLong(), r.nextLong());
                fields.add(new FieldData(names.get(i), value(r), replaces));
                long seq = 1 + r.nextInt(1_000_000);
                UUID id = new UUID(r.nextLong(), r.nextLong());
                expected.put(names.get(i), seq, id);
                blobs.winner(names.get(i), seq, Uuid7.toBytes(id));
            }
            assertArrayEquals(FieldCodec.encode(fields), blobs.fields(fields), fields.toString());
            assertArrayEquals(expected.encode(), blobs.winners());
        }
    }
}
