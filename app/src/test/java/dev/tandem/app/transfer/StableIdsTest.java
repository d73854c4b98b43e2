package dev.tandem.app.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class StableIdsTest {
    @Test
    void of_sameSourceAndId_sameUuid() {
        String a = StableIds.of("joplin", "note", "0123456789abcdef0123456789abcdef");
        assertEquals(a, StableIds.of("joplin", "note", "0123456789abcdef0123456789abcdef"));
        assertEquals(5, UUID.fromString(a).version());
        assertNotEquals(a, StableIds.of("joplin", "folder", "0123456789abcdef0123456789abcdef"));
        assertNotEquals(a, StableIds.of("todoist", "note", "0123456789abcdef0123456789abcdef"));
    }

    @Test
    void of_uuidSourceId_isKeptLowerCase() {
        assertEquals("1f0a7c3e-2b7d-4c55-9e1a-6d2b0c9e7a11", StableIds.of("ics", "uid", "1F0A7C3E-2B7D-4C55-9E1A-6D2B0C9E7A11"));
    }

    // Pinned outputs, computed with the code before StableIds moved onto NameUuid (and equal to
    // Python's uuid.uuid5 in the same namespace). If one of these changes, importing a file again
    // would add a second copy of everything instead of finding the first.
    @Test
    void of_nonUuidSourceId_isPinned() {
        assertEquals("e282a241-9eed-5cea-9a2f-90e6030e9f00", StableIds.of("ics", "uid", "abc"));
        assertEquals("6f4438f3-f70a-5dac-98c4-9d3ee37b2504",
                StableIds.of("joplin", "note", "0123456789abcdef0123456789abcdef"));
    }

    @Test
    void derived_isPinned() {
        assertEquals("fd9e4afc-98e7-58c3-ad14-714977216801", StableIds.derived("x"));
        assertEquals("5a3b5a8a-e199-5ed4-a2f6-7f646f5c7835", StableIds.derived(""));
    }
}
