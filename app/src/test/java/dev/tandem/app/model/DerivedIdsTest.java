package dev.tandem.app.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class DerivedIdsTest {
    // Pinned outputs, computed with the code before DerivedIds moved onto NameUuid (and equal to
    // Python's uuid.uuid5 in the same namespace). These ids are stored and synced: if one of these
    // changes, every device would write a second row for the same tag, link or occurrence.
    @Test
    void occurrence_isPinned() {
        assertEquals("84b23c37-d534-5930-b73e-822ddd529af1", DerivedIds.occurrence("s", "2026-01-01"));
    }

    @Test
    void tag_isPinned() {
        assertEquals("c2215cb0-7c7c-5020-9313-136407c5e896", DerivedIds.tag("item-1", "work"));
        // Non-ASCII: the name is hashed as UTF-8.
        assertEquals("94aabf3a-8b09-5911-84f8-29c330360d2b", DerivedIds.tag("i", "café ✓"));
    }

    @Test
    void link_isPinned() {
        assertEquals("cc1b9593-390a-52ec-8314-1db72eadcfb9", DerivedIds.link("item-1", "caldav"));
    }

    @Test
    void nameUuid_matchesRfc4122Version5() {
        // The well-known example: uuid5(NAMESPACE_DNS, "python.org") in Python's uuid module.
        UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
        UUID u = NameUuid.of(dns, "python.org");
        assertEquals("886313e1-3b8a-5372-9b90-0c9aee199e5d", u.toString());
        assertEquals(5, u.version());
        assertEquals(2, u.variant());
    }
}
