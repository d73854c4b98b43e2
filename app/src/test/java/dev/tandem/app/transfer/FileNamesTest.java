package dev.tandem.app.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class FileNamesTest {
    @Test
    void safe_separatorsDotsAndDeviceNames_neverLeaveTheFolder() {
        assertEquals("etc passwd", FileNames.safe("../etc/passwd"));
        assertEquals("a b", FileNames.safe("a\\b"));
        assertEquals("Untitled", FileNames.safe(".."));
        assertEquals("Untitled", FileNames.safe("   "));
        assertEquals("CON_", FileNames.safe("CON"));
        assertEquals(80, FileNames.safe("x".repeat(500)).length());
    }

    @Test
    void unique_sameNameIgnoringCase_getsANumber() {
        FileNames n = new FileNames();
        assertEquals("Milk.md", n.unique("Milk", ".md"));
        assertEquals("milk (2).md", n.unique("milk", ".md"));
        assertEquals("Milk (3).md", n.unique("Milk", ".md"));
    }
}
