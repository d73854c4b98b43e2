package dev.tandem.engine.internal.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write's folders against deletes that remove them as empty, played deterministically: the
 * content step removes the folder itself, as a delete on another thread or process would between
 * the folder being made and the temp file going in.
 */
@Tag("unit")
class FolderParentsTest {
    @TempDir
    Path root;

    @Test
    void makeAndWrite_folderRemovedBeforeManyWrites_writesOnceItStays() throws IOException {
        // A busy machine lets the deleter win many times in a row; the write must outlast it.
        FolderParents parents = new FolderParents(root);
        Path folder = root.resolve("race").resolve("x");
        Path temp = folder.resolve(".tmp-b");
        AtomicInteger attempts = new AtomicInteger();
        int lost = 50;

        Path made = parents.makeAndWrite("race/x/b", temp, t -> {
            if (attempts.incrementAndGet() <= lost) {
                parents.removeEmpty(folder);
            }
            Files.writeString(t, "b");
        });

        assertEquals(lost + 1, attempts.get());
        assertEquals(root.resolve("race"), made);
        assertEquals("b", Files.readString(temp));
    }

    @Test
    void makeAndWrite_folderRemovedOnEveryAttempt_failsAfterItsBound() {
        // A deleter that always wins is refused in bounded work, not spun against forever.
        FolderParents parents = new FolderParents(root);
        Path folder = root.resolve("race").resolve("x");
        AtomicInteger attempts = new AtomicInteger();

        assertThrows(NoSuchFileException.class, () -> parents.makeAndWrite("race/x/b", folder.resolve(".tmp-b"), t -> {
            attempts.incrementAndGet();
            parents.removeEmpty(folder);
            Files.writeString(t, "b");
        }));

        assertEquals(FolderParents.MAKE_ATTEMPTS, attempts.get());
        assertFalse(Files.exists(root.resolve("race")));
        assertTrue(Files.isDirectory(root));
    }
}
