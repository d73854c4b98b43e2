package dev.tandem.engine.internal;

import dev.tandem.engine.Change;
import dev.tandem.engine.History;
import dev.tandem.engine.internal.changelog.ChangelogStore;
import dev.tandem.engine.internal.history.PastReader;
import dev.tandem.engine.internal.mapping.RecordType;
import dev.tandem.engine.internal.store.SchemaSnapshot;
import dev.tandem.engine.internal.tx.Writer;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** {@link History} over the database's readers: inside a transaction it sees that transaction's writes. */
final class DefaultHistory implements History {
    private final Reader reader;
    private final Writer writer;
    private final ChangelogStore log;

    DefaultHistory(Reader reader, Writer writer, ChangelogStore log) {
        this.reader = reader;
        this.writer = writer;
        this.log = log;
    }

    @Override
    public List<Change> changes(String table, String id) {
        String name = writer.schema().table(table).map(SchemaSnapshot.TableInfo::name).orElse(table);
        return reader.read(c -> log.history(c, name, id));
    }

    @Override
    public Map<String, Instant> changedAt(String table, String id) {
        Objects.requireNonNull(id, "id");
        String name = writer.schema().table(table).map(SchemaSnapshot.TableInfo::name).orElse(table);
        return reader.read(c -> log.changedAt(c, name, id));
    }

    @Override
    public <T extends Record> Optional<T> version(Class<T> type, String id, String changeId) {
        Objects.requireNonNull(id, "id");
        UUID change;
        try {
            change = UUID.fromString(Objects.requireNonNull(changeId, "changeId"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("changeId: not a change id: " + changeId, e);
        }
        RecordType<T> rt = RecordType.of(type);
        SchemaSnapshot.TableInfo t = table(rt);
        return reader.read(c -> PastReader.version(c, t, rt, id, change));
    }

    @Override
    public <T extends Record> List<T> asOf(Class<T> type, Instant at) {
        Objects.requireNonNull(at, "at");
        RecordType<T> rt = RecordType.of(type);
        SchemaSnapshot.TableInfo t = table(rt);
        return reader.readOneSnapshot(c -> PastReader.asOf(c, t, rt, at));
    }

    @Override
    public <T extends Record> Optional<T> asOf(Class<T> type, String id, Instant at) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        RecordType<T> rt = RecordType.of(type);
        SchemaSnapshot.TableInfo t = table(rt);
        return reader.read(c -> PastReader.asOf(c, t, rt, id, at));
    }

    @Override
    public Set<String> held(Collection<String> changeIds) {
        Set<UUID> asked = new HashSet<>();
        for (String id : changeIds) {
            try {
                asked.add(UUID.fromString(Objects.requireNonNull(id, "changeIds: null")));
            } catch (IllegalArgumentException e) {
                // not a change id: held by none
            }
        }
        if (asked.isEmpty()) {
            return Set.of();
        }
        Set<String> out = new HashSet<>();
        reader.read(c -> log.held(c, asked)).forEach(u -> out.add(u.toString()));
        return out;
    }

    private SchemaSnapshot.TableInfo table(RecordType<?> rt) {
        return writer.schema().requireTable(rt.table(), " for record " + rt.type().getSimpleName());
    }
}
