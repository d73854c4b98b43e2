package dev.tandem.engine.internal.snapshot;

import dev.tandem.engine.internal.changelog.FieldData;
import dev.tandem.engine.internal.wire.PartLayout1;
import dev.tandem.engine.internal.wire.Snapshot;
import dev.tandem.engine.internal.wire.SnapshotCodec;
import dev.tandem.engine.internal.wire.SnapshotEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a snapshot weighs in each part layout, for "Ten years in" (docs/PERFORMANCE.md): {@code
 * SnapshotLayoutProbe PART...} decodes the given snapshot parts of an unencrypted folder remote and
 * prints their size as stored, then the same changes written as parts again in layout 1 (each
 * change whole) and in layout 2 (columns, as {@link SnapshotParts} cuts them), and how many
 * entries, entities, fields and replaced ids they hold. A measuring tool: it writes nothing.
 */
public final class SnapshotLayoutProbe {
    private SnapshotLayoutProbe() {
    }

    public static void main(String[] parts) throws IOException {
        long stored = 0;
        List<SnapshotEntry> all = new ArrayList<>();
        String id = null;
        for (String file : parts) {
            Path p = Path.of(file);
            byte[] bytes = Files.readAllBytes(p);
            stored += bytes.length;
            int index = Integer.parseInt(p.getFileName().toString().substring("part-".length()));
            id = p.getParent().getFileName().toString();
            all.addAll(SnapshotCodec.decodePart(bytes, file, id, index).entries());
        }
        long layout1 = 0;
        for (int from = 0; from < all.size(); from += SnapshotParts.PART_CHANGES) {
            List<SnapshotEntry> part = all.subList(from, Math.min(all.size(), from + SnapshotParts.PART_CHANGES));
            layout1 += PartLayout1.encode(new Snapshot.Part(id, 1, part)).length;
        }
        long layout2 = 0;
        for (byte[] part : SnapshotParts.encode(id, all)) {
            layout2 += part.length;
        }
        long fields = 0;
        long replaced = 0;
        Set<String> entities = new HashSet<>();
        for (SnapshotEntry e : all) {
            entities.add(e.change().table() + "/" + e.change().entity());
            for (FieldData f : e.change().fields()) {
                fields++;
                replaced += f.replaces() == null ? 0 : 1;
            }
        }
        System.out.printf("as stored %,d B; layout 1 %,d B; layout 2 %,d B%n", stored, layout1, layout2);
        System.out.printf("%,d entries, %,d entities, %,d fields, %,d replaced ids%n", all.size(), entities.size(),
                fields, replaced);
    }
}
