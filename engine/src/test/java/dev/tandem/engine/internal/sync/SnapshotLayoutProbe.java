package dev.tandem.engine.internal.sync;

import dev.tandem.engine.internal.changelog.ChangeData;
import dev.tandem.engine.internal.changelog.FieldData;
import dev.tandem.engine.internal.changelog.SnapshotEntry;
import dev.tandem.engine.internal.clock.Uuid7;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a snapshot would weigh in leaner layouts, for "Ten years in" (docs/PERFORMANCE.md): {@code
 * SnapshotLayoutProbe PART...} decodes the given snapshot parts of an unencrypted folder remote and
 * prints their size as written, re-encoded with ids as differences (as batches write them), grouped by
 * entity with each change id once in a table sorted by author and sequence, and the same without the
 * replaced ids; then how many entries, entities, fields and replaced ids they hold. A measuring
 * tool, not a layout: none of these is written.
 */
public final class SnapshotLayoutProbe {
    private SnapshotLayoutProbe() {
    }

    public static void main(String[] parts) throws IOException {
        long stored = 0;
        long chained = 0;
        long grouped = 0;
        long groupedNoReplaced = 0;
        long entries = 0;
        long fields = 0;
        long replaced = 0;
        Set<String> entities = new HashSet<>();
        for (String file : parts) {
            Path p = Path.of(file);
            byte[] bytes = Files.readAllBytes(p);
            stored += bytes.length;
            int index = Integer.parseInt(p.getFileName().toString().substring("part-".length()));
            Snapshot.Part part = SnapshotCodec.decodePart(bytes, file, p.getParent().getFileName().toString(), index);
            chained += chained(part.entries());
            grouped += grouped(part.entries(), true);
            groupedNoReplaced += grouped(part.entries(), false);
            for (SnapshotEntry e : part.entries()) {
                entries++;
                entities.add(e.change().table() + "/" + e.change().entity());
                for (FieldData f : e.change().fields()) {
                    fields++;
                    replaced += f.replaces() == null ? 0 : 1;
                }
            }
        }
        System.out.printf("as written %,d B; ids as differences %,d B; grouped by entity %,d B; grouped, no replaced"
                + " ids %,d B%n", stored, chained, grouped, groupedNoReplaced);
        System.out.printf("%,d entries, %,d entities, %,d fields, %,d replaced ids%n", entries, entities.size(), fields,
                replaced);
    }

    private static Map<String, Integer> names(List<SnapshotEntry> entries, boolean tables) {
        Map<String, Integer> index = new LinkedHashMap<>();
        for (SnapshotEntry e : entries) {
            if (tables) {
                index.putIfAbsent(e.change().table(), index.size());
            } else {
                e.change().fields().forEach(f -> index.putIfAbsent(f.name(), index.size()));
            }
        }
        return index;
    }

    private static Map<UUID, Integer> authors(List<SnapshotEntry> entries) {
        Map<UUID, Integer> index = new LinkedHashMap<>();
        entries.forEach(e -> index.putIfAbsent(e.author(), index.size()));
        return index;
    }

    /** The entries as written, with every id as a difference from the previous of its kind. */
    private static long chained(List<SnapshotEntry> entries) {
        Map<String, Integer> tables = names(entries, true);
        Map<String, Integer> fields = names(entries, false);
        Map<UUID, Integer> authors = authors(entries);
        IdChain chain = new IdChain();
        return BodyWriter.encode(Frame.KIND_SNAPSHOT_PART, p -> {
            p.packArrayHeader(entries.size());
            for (SnapshotEntry e : entries) {
                p.packArrayHeader(5);
                BodyWriter.id(p, e.change().id(), chain.change);
                chain.change = e.change().id();
                p.packInt(authors.get(e.author()));
                p.packInt(tables.get(e.change().table()));
                BodyWriter.entityAndFields(p, e.change(), fields, chain);
            }
        }).length;
    }

    /**
     * Each entity once, its changes naming their id by its place in a table of ids sorted by author
     * and sequence (the low 64 bits), each written as the differences of its time, counter and
     * sequence from the previous.
     */
    private static long grouped(List<SnapshotEntry> entries, boolean withReplaced) {
        Map<String, Integer> tables = names(entries, true);
        Map<String, Integer> fields = names(entries, false);
        Map<UUID, Integer> authors = authors(entries);
        List<SnapshotEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing((SnapshotEntry e) -> authors.get(e.author()))
                .thenComparing(e -> e.change().id().getLeastSignificantBits()));
        Map<UUID, Integer> idIndex = new HashMap<>();
        Map<String, List<SnapshotEntry>> byEntity = new LinkedHashMap<>();
        for (SnapshotEntry e : entries) {
            byEntity.computeIfAbsent(e.change().table() + "/" + e.change().entity(), k -> new ArrayList<>()).add(e);
        }
        return BodyWriter.encode(Frame.KIND_SNAPSHOT_PART, p -> {
            p.packArrayHeader(sorted.size());
            UUID previous = null;
            for (SnapshotEntry e : sorted) {
                UUID id = e.change().id();
                idIndex.put(id, idIndex.size());
                p.packInt(authors.get(e.author()));
                if (previous == null) {
                    BodyWriter.uuid(p, id);
                } else {
                    p.packLong(Uuid7.millis(id) - Uuid7.millis(previous));
                    p.packLong((id.getMostSignificantBits() & 0xffff) - (previous.getMostSignificantBits() & 0xffff));
                    p.packLong(id.getLeastSignificantBits() - previous.getLeastSignificantBits());
                }
                previous = id;
            }
            p.packArrayHeader(byEntity.size());
            for (List<SnapshotEntry> group : byEntity.values()) {
                ChangeData first = group.get(0).change();
                p.packArrayHeader(2 + group.size() * 2);
                p.packInt(tables.get(first.table()));
                if (first.entity().length() == 36) {
                    BodyWriter.uuid(p, UUID.fromString(first.entity()));
                } else {
                    p.packString(first.entity());
                }
                for (SnapshotEntry e : group) {
                    p.packInt(idIndex.get(e.change().id()));
                    p.packArrayHeader(e.change().fields().size() * (withReplaced ? 3 : 2));
                    for (FieldData f : e.change().fields()) {
                        p.packInt(fields.get(f.name()));
                        BodyWriter.value(p, f.value());
                        if (withReplaced) {
                            if (f.replaces() == null) {
                                p.packNil();
                            } else {
                                BodyWriter.uuid(p, f.replaces());
                            }
                        }
                    }
                }
            }
        }).length;
    }
}
