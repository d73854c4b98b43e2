package dev.tandem.engine.internal.snapshot;

import dev.tandem.engine.internal.changelog.FieldCodec;
import dev.tandem.engine.internal.changelog.FieldData;
import dev.tandem.engine.internal.store.PackedValues;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The changelog's blobs for the bulk snapshot load, byte for byte what {@link FieldCodec#encode} and
 * {@link dev.tandem.engine.internal.changelog.WinnerMap#encode} write, with less work per change: a snapshot names a handful of fields
 * a hundred thousand times, so each name is packed and lower-cased once, and winners are sorted
 * arrays rather than a tree map of fresh keys. A new device loads a snapshot in a cold JVM, where
 * every call and allocation per change still costs interpreter or C1 time.
 */
final class BulkBlobs {
    /** A field name packed as MessagePack, and its lower-case form (the order winners sort by). */
    private record Name(byte[] packed, String lower) {
    }

    private final Map<String, Name> names = new HashMap<>();
    private FieldData[] sorted = new FieldData[8];
    private Name[] winnerNames = new Name[8];
    private long[] winnerSeqs = new long[8];
    private byte[][] winnerIds = new byte[8][];
    private int winners;

    private Name name(String field) {
        Name n = names.get(field);
        if (n == null) {
            n = new Name(PackedValues.encode(p -> p.packString(field)), field.toLowerCase(Locale.ROOT));
            names.put(field, n);
        }
        return n;
    }

    /** {@link FieldCodec#encode} of {@code fields}. */
    byte[] fields(List<FieldData> fields) {
        int n = fields.size();
        if (sorted.length < n) {
            sorted = new FieldData[n];
        }
        for (int i = 0; i < n; i++) {
            // Insertion sort by name, as FieldCodec orders them: changes have a few fields.
            FieldData f = fields.get(i);
            int j = i;
            while (j > 0 && sorted[j - 1].name().compareTo(f.name()) > 0) {
                sorted[j] = sorted[j - 1];
                j--;
            }
            sorted[j] = f;
        }
        FieldData[] s = sorted;
        byte[] blob = PackedValues.encode(p -> {
            p.packArrayHeader(n);
            for (int i = 0; i < n; i++) {
                FieldData f = s[i];
                p.writePayload(name(f.name()).packed);
                FieldCodec.packValue(p, f);
            }
        });
        Arrays.fill(sorted, 0, n, null);
        return blob;
    }

    /** Starts an entity's winners. */
    void clearWinners() {
        winners = 0;
    }

    /**
     * Adds the winner of {@code field}: change {@code seq} with id {@code id}. The bulk path checked
     * that no entity sets a field twice, so there is nothing to replace.
     */
    void winner(String field, long seq, byte[] id) {
        if (winners == winnerNames.length) {
            int size = winners * 2;
            winnerNames = Arrays.copyOf(winnerNames, size);
            winnerSeqs = Arrays.copyOf(winnerSeqs, size);
            winnerIds = Arrays.copyOf(winnerIds, size);
        }
        Name name = name(field);
        int j = winners++;
        while (j > 0 && winnerNames[j - 1].lower.compareTo(name.lower) > 0) {
            winnerNames[j] = winnerNames[j - 1];
            winnerSeqs[j] = winnerSeqs[j - 1];
            winnerIds[j] = winnerIds[j - 1];
            j--;
        }
        winnerNames[j] = name;
        winnerSeqs[j] = seq;
        winnerIds[j] = id;
    }

    boolean noWinners() {
        return winners == 0;
    }

    /** {@link dev.tandem.engine.internal.changelog.WinnerMap#encode} of the winners added since {@link #clearWinners}. */
    byte[] winners() {
        int n = winners;
        return PackedValues.encode(p -> {
            p.packArrayHeader(n);
            for (int i = 0; i < n; i++) {
                p.packArrayHeader(3);
                p.writePayload(winnerNames[i].packed);
                p.packLong(winnerSeqs[i]);
                p.packBinaryHeader(16);
                p.writePayload(winnerIds[i]);
            }
        });
    }
}
