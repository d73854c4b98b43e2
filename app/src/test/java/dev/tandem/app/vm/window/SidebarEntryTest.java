package dev.tandem.app.vm.window;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.app.model.Listing;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class SidebarEntryTest {
    private static SidebarEntry filterColored(String color) {
        return new SidebarEntry("filter:x", "Urgent", SidebarEntry.Kind.FILTER, Listing.of(Listing.BuiltIn.INBOX), 0,
                false, "", color);
    }

    @Test
    void new_plainColor_kept() {
        assertEquals("#3366cc", filterColored("#3366cc").color());
    }

    @Test
    void new_styleSmuggledInColor_keepsNone() {
        // A synced row's colour goes into the icon's style: "#fff;x" would add a rule of its own.
        for (String c : new String[] {"#ffffff; -fx-background-image: url(http://evil/x.png)", "#fff;x",
                "url(#ffffff)", "#\uff11\uff12\uff13\uff14\uff15\uff16", "#ffffff".repeat(100_000)}) {
            assertEquals("", filterColored(c).color(), c.length() > 80 ? c.substring(0, 80) : c);
        }
    }

    @Test
    void new_nullColor_keepsNone() {
        assertEquals("", filterColored(null).color());
    }
}
