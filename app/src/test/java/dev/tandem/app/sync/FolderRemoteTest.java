package dev.tandem.app.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.sync.FolderRemote.Contents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("unit")
class FolderRemoteTest {
    @TempDir
    Path dir;

    @Test
    void look_missingOrEmptyOrOnlyHiddenFiles_isUsable() throws Exception {
        assertEquals(Contents.MISSING, FolderRemote.look(dir.resolve("nope")).contents());
        assertEquals(Contents.EMPTY, FolderRemote.look(dir).contents());
        Files.createDirectories(dir.resolve(".stfolder"));
        Files.writeString(dir.resolve(".DS_Store"), "x");
        assertEquals(Contents.EMPTY, FolderRemote.look(dir).contents());
    }

    @Test
    void look_tandemRemoteOrPrefixedOne_isTandem() throws Exception {
        Files.createDirectories(dir.resolve("heads"));
        Files.writeString(dir.resolve("changed"), "m");
        assertEquals(Contents.TANDEM, FolderRemote.look(dir).contents());
        Path shared = Files.createDirectories(dir.resolve("shared"));
        Files.createDirectories(shared.resolve("alice/batches"));
        Files.createDirectories(shared.resolve("bob/heads"));
        assertEquals(Contents.TANDEM, FolderRemote.look(shared).contents());
    }

    @Test
    void look_otherFiles_isOtherAndNamesSomeOfThem() throws Exception {
        Files.createDirectories(dir.resolve("heads"));
        for (String name : List.of("a.jpg", "b.pdf", "c.txt", "d.doc", "Music")) {
            if (name.contains(".")) {
                Files.writeString(dir.resolve(name), "x");
            } else {
                Files.createDirectories(dir.resolve(name));
            }
        }
        FolderRemote.Look look = FolderRemote.look(dir);
        assertEquals(Contents.OTHER, look.contents());
        assertEquals(4, look.foreign().size(), look.foreign().toString());
        assertEquals("…", look.foreign().get(3));
        String problem = FolderRemote.problem(dir, look);
        assertTrue(problem.contains("holds other files") && problem.contains(dir.resolve("Tandem").toString()), problem);
    }
}
