package dev.tandem.engine.internal.blob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.engine.Blob;
import dev.tandem.engine.BlobMismatchException;
import dev.tandem.engine.Db;
import dev.tandem.engine.Table;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Adding bytes that must be a named blob, and removing what an import stored that nothing names. */
@Tag("unit")
class CheckedAddTest {
    private static final String OTHER = "0".repeat(64);

    @Table("files")
    record File(String id, String blob) {
    }

    @TempDir
    Path tmp;

    private Db db() {
        Db db = Db.builder().file(tmp.resolve("t.db")).blobs("files", "blob").blobDirectory(tmp.resolve("blobs")).build();
        db.migrate(List.of("CREATE TABLE files(id TEXT PRIMARY KEY, blob TEXT)"));
        return db;
    }

    private List<Path> stored() throws IOException {
        try (Stream<Path> all = Files.walk(tmp.resolve("blobs"))) {
            return all.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void add_bytesThatAreNotTheNamedBlob_storesNothing() throws IOException {
        try (Db db = db()) {
            byte[] bytes = "not what the archive says".getBytes(StandardCharsets.UTF_8);
            assertThrows(BlobMismatchException.class, () -> db.blobs().add(new ByteArrayInputStream(bytes), 1000, OTHER));
            assertEquals(List.of(), stored());
            Blob right = db.blobs().add(new ByteArrayInputStream(bytes), 1000, null);
            assertEquals(right, db.blobs().add(new ByteArrayInputStream(bytes), 1000, right.id()));
        }
    }

    @Test
    void removeUnnamed_storedAndSavedOrNot_removesOnlyWhatNoRowNames() throws IOException {
        try (Db db = db()) {
            Blob saved = db.blobs().add(new ByteArrayInputStream(new byte[] {1}), 10);
            Blob orphan = db.blobs().add(new ByteArrayInputStream(new byte[] {2}), 10);
            db.save(new File("f1", saved.id()));
            assertEquals(Set.of(orphan.id()), db.blobs().removeUnnamed(Set.of(saved.id(), orphan.id())));
            assertTrue(db.blobs().has(saved.id()));
            assertFalse(db.blobs().has(orphan.id()));
            assertEquals(1, stored().size());
        }
    }
}
