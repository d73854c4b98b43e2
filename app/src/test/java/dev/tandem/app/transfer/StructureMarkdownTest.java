package dev.tandem.app.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Markdown front matter carries a todo's place in its list's outline, and a re-import rebuilds it. */
@Tag("unit")
class StructureMarkdownTest {
    @TempDir
    Path tmp;
    private final TodoStore source = Fixtures.store();
    private final TodoStore fresh = Fixtures.store();

    @AfterEach
    void close() {
        source.close();
        fresh.close();
    }

    @Test
    void markdownExportThenImport_intoEmptyProfile_sameOutline() {
        Structures.seed(source);
        Path dir = tmp.resolve("md");
        Transfer.export(source, Format.MARKDOWN, dir, Progress.NONE);
        Transfer.importPath(fresh, dir, null, Progress.NONE);
        assertEquals(Structures.SEEDED, Structures.outline(fresh, Structures.LIST));
    }

    @Test
    void markdownExport_subtask_frontMatterNamesParentSectionRankAndStart() throws Exception {
        Structures.seed(source);
        Path dir = tmp.resolve("md");
        Transfer.export(source, Format.MARKDOWN, dir, Progress.NONE);
        Item van = Fixtures.byTitle(source, "Book the van");
        String compare = Files.readString(dir.resolve(Structures.LIST).resolve("Compare prices.md"));
        assertTrue(compare.contains("\nparent: " + van.id() + "\n"), compare);
        assertTrue(compare.contains("\nrank: " + Fixtures.byTitle(source, "Compare prices").rank() + "\n"), compare);
        String sofa = Files.readString(dir.resolve(Structures.LIST).resolve("Sell the sofa.md"));
        assertTrue(sofa.contains("\nsection: Later\n"), sofa);
        assertTrue(sofa.contains("\nsomeday: yes\n"), sofa);
        String vanFile = Files.readString(dir.resolve(Structures.LIST).resolve("Book the van.md"));
        assertTrue(vanFile.contains("\nstart: '2026-11-30'\n") || vanFile.contains("\nstart: 2026-11-30\n"), vanFile);
    }

    @Test
    void markdownImport_olderFileWithoutStructure_isATopLevelTodo() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("old").resolve("Home"));
        Files.writeString(dir.resolve("Milk.md"), "---\nid: 7a0c3c36-3f43-4b8a-9d6f-0a0b0c0d0e0f\ntitle: Milk\n"
                + "completed?: no\ntandem: 1\n---\n\nSemi-skimmed.\n");
        Transfer.importPath(fresh, tmp.resolve("old"), null, Progress.NONE);
        Item milk = Fixtures.byTitle(fresh, "Milk");
        assertEquals("Semi-skimmed.", milk.notes());
        assertNull(milk.parentId());
        assertNull(milk.sectionId());
        assertEquals("Home", Fixtures.listName(fresh, milk).orElseThrow());
    }

    @Test
    void markdownImport_parentInNoFile_leavesTheTodoAtTheTop() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("orphan").resolve("Home"));
        Files.writeString(dir.resolve("Milk.md"), "---\ntitle: Milk\nparent: 11111111-2222-3333-4444-555555555555\n"
                + "section: Shop\ncompleted?: no\n---\n");
        Transfer.importPath(fresh, tmp.resolve("orphan"), null, Progress.NONE);
        Item milk = Fixtures.byTitle(fresh, "Milk");
        assertNull(milk.parentId());
        assertEquals(List.of("#Shop", "Milk"), Structures.outline(fresh, "Home"));
    }
}
