package dev.tandem.engine.internal.changelog;

import dev.tandem.engine.StorageException;
import dev.tandem.engine.internal.clock.Uuid7;
import dev.tandem.engine.internal.store.PackedValues;
import java.io.IOException;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.msgpack.core.MessagePack;
import org.msgpack.core.MessageUnpacker;

/**
 * An entity's winners as its {@code _tandem_entity} row with key {@code ''} holds them: per
 * attribute, the seq and id of the change whose value the entity shows. One row per entity rather
 * than one per attribute: a save rewrites a single small row next to its history row, on the same
 * page, instead of inserting a row per attribute.
 *
 * <p>Stored as a MessagePack array of {@code [field, seq, id]} triples, sorted by lower-case field
 * name so that equal maps encode to equal bytes. Field names compare ignoring case, and keep the
 * spelling of the change that first set them.
 */
public final class WinnerMap {
    /** One attribute's winning change. */
    public record Entry(String field, long seq, UUID id) implements WinningChange {
    }

    private static final WinnerMap EMPTY = new WinnerMap(Collections.emptyNavigableMap());

    private final Map<String, Entry> byLower;

    private WinnerMap(Map<String, Entry> byLower) {
        this.byLower = byLower;
    }

    /** No winners; not to be changed (see {@link #copy}). */
    public static WinnerMap empty() {
        return EMPTY;
    }

    /** A changeable copy. Public, as {@link #put} and {@link #encode} are, for the merge benchmark's floor. */
    public WinnerMap copy() {
        return new WinnerMap(new TreeMap<>(byLower));
    }

    /** Lower-case field name to its winner; read-only. */
    public Map<String, Entry> byField() {
        return Collections.unmodifiableMap(byLower);
    }

    public boolean isEmpty() {
        return byLower.isEmpty();
    }

    /** The winner of {@code field} in any case, or null. */
    public Entry get(String field) {
        return byLower.get(lower(field));
    }

    /** Makes change {@code seq}/{@code id} the winner of {@code field}, keeping the field's spelling if known. */
    public void put(String field, long seq, UUID id) {
        Entry before = byLower.get(lower(field));
        byLower.put(lower(field), new Entry(before == null ? field : before.field(), seq, id));
    }

    private static String lower(String field) {
        return field.toLowerCase(Locale.ROOT);
    }

    /** The blob of {@code _tandem_entity.winners}. */
    public byte[] encode() {
        return PackedValues.encode(p -> {
            p.packArrayHeader(byLower.size());
            for (Entry e : byLower.values()) {
                p.packArrayHeader(3);
                p.packString(e.field());
                p.packLong(e.seq());
                p.packBinaryHeader(16);
                p.writePayload(Uuid7.toBytes(e.id()));
            }
        });
    }

    /** The winners {@code blob} holds; none for null (an entity no change has touched). */
    public static WinnerMap decode(byte[] blob) {
        if (blob == null) {
            return EMPTY;
        }
        try (MessageUnpacker u = MessagePack.newDefaultUnpacker(blob)) {
            int n = u.unpackArrayHeader();
            TreeMap<String, Entry> byLower = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                if (u.unpackArrayHeader() != 3) {
                    throw new IOException("a winner is not [field, seq, id]");
                }
                String field = PackedValues.unpackString(u);
                long seq = u.unpackLong();
                if (u.unpackBinaryHeader() != 16) {
                    throw new IOException("a winning change id is not 16 bytes");
                }
                byLower.put(lower(field), new Entry(field, seq, Uuid7.fromBytes(u.readPayload(16))));
            }
            return new WinnerMap(byLower);
        } catch (IOException | RuntimeException e) {
            throw new StorageException("An entity's winners in _tandem_entity are damaged and cannot be read ("
                    + e.getMessage() + "); restore the database from a backup or sync it again from the remote", e);
        }
    }
}
