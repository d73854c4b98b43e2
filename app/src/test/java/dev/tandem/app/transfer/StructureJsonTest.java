package dev.tandem.app.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.app.model.TodoStore;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tandem's backup carries sections, subtasks, order, start dates, Someday and folding exactly. */
@Tag("unit")
class StructureJsonTest {
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
    void seed_outline_isTheOneTheTestsExpect() {
        Structures.seed(source);
        assertEquals(Structures.SEEDED, Structures.outline(source, Structures.LIST));
    }

    @Test
    void jsonExportThenImport_intoEmptyProfile_sameOutlineAndRows() {
        Structures.seed(source);
        Path file = tmp.resolve("backup.json");
        Transfer.export(source, Format.TANDEM_JSON, file, Progress.NONE);
        Transfer.importPath(fresh, file, null, Progress.NONE);
        assertEquals(Structures.SEEDED, Structures.outline(fresh, Structures.LIST));
        assertEquals(Fixtures.rows(source, "sections"), Fixtures.rows(fresh, "sections"));
        assertEquals(Fixtures.rows(source, "items"), Fixtures.rows(fresh, "items"));
        assertEquals(Fixtures.rows(source, "lists"), Fixtures.rows(fresh, "lists"));
    }

    @Test
    void archiveExportThenImport_intoEmptyProfile_sameOutline() {
        Structures.seed(source);
        Path file = tmp.resolve("backup.zip");
        Transfer.export(source, Format.TANDEM_JSON, file, Progress.NONE);
        Transfer.importPath(fresh, file, null, Progress.NONE);
        assertEquals(Structures.SEEDED, Structures.outline(fresh, Structures.LIST));
        assertEquals(Fixtures.rows(source, "sections"), Fixtures.rows(fresh, "sections"));
    }

    @Test
    void jsonImport_backIntoTheSameProfile_addsNoSectionAndChangesNoOrder() {
        Structures.seed(source);
        Path file = tmp.resolve("backup.json");
        Transfer.export(source, Format.TANDEM_JSON, file, Progress.NONE);
        ImportReport again = Transfer.importPath(source, file, null, Progress.NONE);
        assertEquals(0, again.added());
        assertEquals(2, Fixtures.rows(source, "sections").size());
        assertEquals(Structures.SEEDED, Structures.outline(source, Structures.LIST));
    }
}
