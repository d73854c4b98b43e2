package dev.tandem.app.text.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Listing;
import dev.tandem.app.model.filter.FilterException;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("unit")
class SearchBoxQueryTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    @ParameterizedTest
    @ValueSource(strings = {"milk", "quarterly report", "overdue invoices", "today's notes", "wow!", "50% off", "a@b",
        "p5 engine", "email me@example.com", "  ", ""})
    void read_plainWords_stayASearch(String text) {
        assertEquals(Optional.empty(), SearchBoxQuery.read(text, TODAY));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "@errand p1 milk; @errand & p1 & search: milk",
        "p1; p1",
        "#Work report; #Work & search: report",
        "##Work; #Work",
        "@errand overdue; @errand & overdue",
        "P2 today call; p2 & today & search: call",
        "#Work & p1; #Work & p1",
        "overdue | @errand; overdue | @errand",
        "(@urgent | @errand) & !p1; (@urgent | @errand) & !p1",
        "!p1; !p1",
        "due before: +7d; due before: +7d",
        "search: quarterly; search: quarterly"})
    void read_operators_readAsTheQueryTheyMean(String typed, String query) {
        assertEquals(query, SearchBoxQuery.read(typed, TODAY).orElseThrow().text());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "@errand\u00a0p1\u202fmilk; @errand & p1 & search: milk",
        "#Work\u2007report\u00a0p2; #Work & p2 & search: report",
        "p1\u2003today; p1 & today"})
    void read_unicodeSpacesBetweenWords_readAsPlainSpacesAsQuickAddReadsThem(String typed, String query) {
        assertEquals(query, SearchBoxQuery.read(typed, TODAY).orElseThrow().text());
    }

    @Test
    void listing_plainWordsWithUnicodeSpaces_searchedAsWordsStrippedAsJavaStrips() {
        var words = (Listing.SearchListing) SearchBoxQuery.listing("\u00a0milk\u202foat\u001f", TODAY, null);
        assertEquals("milk oat", words.text());
        var kept = (Listing.SearchListing) SearchBoxQuery.listing("\ufeffmilk", TODAY, null);
        assertEquals("\ufeffmilk", kept.text(), "U+FEFF is no space to Java or to TypedSpaces");
    }

    @Test
    void read_brokenQuery_saysWhereInWhatWasTyped() {
        FilterException e = assertThrows(FilterException.class, () -> SearchBoxQuery.read("  #Work & ", TODAY));
        assertTrue(e.getMessage().startsWith("At 11:"), e.getMessage());
    }

    @Test
    void read_attackerSizedText_refusedBeforeAnythingIsBuilt() {
        String longWords = "@x " + "word ".repeat(400);
        FilterException tooLong = assertThrows(FilterException.class, () -> SearchBoxQuery.read(longWords, TODAY));
        assertTrue(tooLong.getMessage().contains("1,000"), tooLong.getMessage());
        String manyTags = "@t ".repeat(150);
        FilterException tooMany = assertThrows(FilterException.class, () -> SearchBoxQuery.read(manyTags, TODAY));
        assertTrue(tooMany.getMessage().contains("100"), tooMany.getMessage());
        String deep = "(".repeat(400) + "p1" + ")".repeat(400);
        assertThrows(FilterException.class, () -> SearchBoxQuery.read(deep, TODAY));
    }
}
