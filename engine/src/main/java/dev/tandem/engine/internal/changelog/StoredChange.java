package dev.tandem.engine.internal.changelog;

import dev.tandem.engine.StorageException;
import dev.tandem.engine.internal.clock.Uuid7;
import dev.tandem.engine.internal.merge.TextMergeField;
import dev.tandem.engine.internal.store.StatementCache;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A change this database holds, as a save or a merge asks about it when it wins an attribute: its
 * author, and its attributes by name ignoring case (as the winners key them). Attributes come from
 * the changelog's blob ({@link FieldCodec}) or, for a change a merge has just appended, from memory,
 * and are indexed the first time one is asked for: a merge asks for each field it sets and for its
 * hidden text-merge field, and decoding the whole blob once cost no more than scanning it per
 * question. A change never sets two attributes whose names differ only in case (the sync format's
 * reader refuses such a change), so the index is unambiguous.
 */
public final class StoredChange {
    final UUID author;
    private byte[] blob;
    private List<FieldData> fields;
    private Map<String, FieldData> byName;
    /** Whether the change sets a hidden text-merge field; most do not, and then none is looked up. */
    private boolean merges;

    private StoredChange(UUID author, byte[] blob, List<FieldData> fields) {
        this.author = author;
        this.blob = blob;
        this.fields = fields;
    }

    /** A change as stored: {@code blob} is its {@code _tandem_change.fields}. */
    public static StoredChange ofBlob(UUID author, byte[] blob) {
        return new StoredChange(author, blob, null);
    }

    /** A change appended in memory and not yet written. */
    public static StoredChange of(UUID author, List<FieldData> fields) {
        return new StoredChange(author, null, fields);
    }

    /** The change with local seq {@code seq}, which the caller knows to win an attribute. */
    public static StoredChange read(StatementCache sql, long seq) throws SQLException {
        PreparedStatement ps = sql.get("SELECT author, fields FROM _tandem_change WHERE seq = ?");
        ps.setLong(1, seq);
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new StorageException("The changelog names change " + seq + " a winner, but has no such change;"
                        + " the database is damaged");
            }
            return ofBlob(Uuid7.fromBytes(rs.getBytes(1)), rs.getBytes(2));
        }
    }

    /** The attribute {@code name} in any case, or null when the change did not set it. */
    FieldData field(String name) {
        if (byName == null) {
            byName = new HashMap<>();
            for (FieldData f : fields != null ? fields : FieldCodec.decode(blob)) {
                byName.put(f.name().toLowerCase(Locale.ROOT), f);
                merges |= TextMergeField.isHidden(f.name());
            }
            blob = null;
            fields = null;
        }
        return byName.get(name.toLowerCase(Locale.ROOT));
    }

    /** This change as {@code w}, the winner of an attribute of {@code table}/{@code entity}, with its value. */
    public Winner asWinner(String table, String entity, WinnerMap.Entry w) {
        FieldData f = field(w.field());
        if (f == null) {
            throw new StorageException("The changelog names change " + w.seq() + " the winner of " + table + "/"
                    + entity + "." + w.field() + ", but that change did not set it; the database is damaged");
        }
        return new Winner(w.field(), w.seq(), w.id(), author, f.value(), f.replaces(),
                merges ? ChangelogStore.mergedParent(field(TextMergeField.hiddenFor(w.field()))) : null);
    }
}
