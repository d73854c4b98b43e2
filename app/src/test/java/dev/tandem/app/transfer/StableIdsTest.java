package dev.tandem.app.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.UUID;
import org.junit.jupiter.api.Test;

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
}
