package dev.tandem.app.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.Recurrence;
import dev.tandem.app.model.TagStore;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Markdown export imported into a fresh profile gives back each todo exactly as stored: the cases
 * {@link RoundTripProperties} found, one example each.
 */
@Tag("unit")
class MarkdownRoundTripTest {
    @TempDir
    Path tmp;
    private final TodoStore source = Fixtures.store();
    private final TodoStore fresh = Fixtures.store();

    @AfterEach
    void close() {
        source.close();
        fresh.close();
    }

    /** Exports the source profile as Markdown, imports the folder into the fresh one, returns the todo there. */
    private Item roundTrip(Item it) {
        Path dir = tmp.resolve("md");
        Transfer.export(source, Format.MARKDOWN, dir, Progress.NONE);
        Transfer.importPath(fresh, dir, null, Progress.NONE);
        return fresh.get(it.id()).orElseThrow(() -> new AssertionError("not imported: " + it.id()));
    }

    private Item withNotes(Item it, String notes) {
        return source.update(it.id(), i -> i.withNotes(notes)).orElseThrow();
    }

    @Test
    void markdownRoundTrip_notesWithWhiteSpaceAtBothEnds_comeBackExactly() {
        String notes = "\n  indented first line\n\nlast line with spaces  \n\n";
        Item it = withNotes(source.add("Plan", null, null), notes);
        assertEquals(notes, roundTrip(it).notes());
    }

    @Test
    void markdownRoundTrip_notesEndingInALineLikeAnAttribute_keepTheLineAndGetNoTag() {
        String notes = "Ask about the price.\n\nTags: x\u03a9";
        Item it = withNotes(source.add("Call the shop", null, null), notes);
        Item back = roundTrip(it);
        assertEquals(notes, back.notes());
        assertEquals(List.of(), new TagStore(fresh).of(back.id()), "the line is the user's text, not a tag");
    }

    @Test
    void markdownRoundTrip_notesAtTheLimitOnARepeatingTodo_importedWithTheRuleAsAField() {
        Item added = source.add("Water the plants", null, null, LocalDate.of(2026, 11, 28),
                new TodoDetails(null, List.of(), Recurrence.weekly(Set.of(DayOfWeek.SATURDAY)), null)).item();
        String notes = "n".repeat(Limits.MAX_NOTES_CHARS);
        Item it = withNotes(added, notes);
        Item back = roundTrip(it);
        assertEquals(notes, back.notes(), "no Repeats: line added to the notes");
        assertEquals("FREQ=WEEKLY;BYDAY=SA", back.repeat());
    }

    @Test
    void markdownRoundTrip_titleOfEmojiAtTheLimit_comesBack() {
        String title = "\uD83D\uDE8B".repeat(Limits.MAX_TITLE_CHARS / 2);
        Item it = source.add(title, null, null);
        assertEquals(title, roundTrip(it).title());
    }

    @Test
    void frontMatterParse_emojiAcrossTheReaderBuffer_readsOrRefusesNamingTheFile() {
        String title = "\uD83D\uDE8B".repeat(5000);
        String text = "---\ntitle: " + title + "\n---\n\nbody\n";
        assertEquals(title, FrontMatter.parse(text, "f.md", "file f.md").text("title").orElseThrow());
        // Whatever the YAML library throws, the import reports it as a bad file, never as a crash.
        ImportException e = assertThrows(ImportException.class,
                () -> FrontMatter.parse("---\ntitle: [\n---\n", "f.md", "file f.md"));
        assertTrue(e.getMessage().startsWith("f.md, file f.md"), e.getMessage());
    }

    @Test
    void markdownRoundTrip_editedTitleWithWhiteSpaceAtTheEnds_comesBackExactly() {
        Item it = source.add("Plan", null, null);
        source.update(it.id(), i -> i.withTitle("  Plan \t"));
        assertEquals("  Plan \t", roundTrip(it).title());
    }

    @Test
    void markdownImport_foreignFileWithPaddedBodyAndAttributeLines_staysLenient() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("foreign"));
        Files.writeString(dir.resolve("Shop.md"), "---\ntitle: Shop\ncompleted?: no\n---\n\n  Bread\n\nTags: food\n\n");
        Transfer.importPath(fresh, dir, null, Progress.NONE);
        Item shop = Fixtures.byTitle(fresh, "Shop");
        assertEquals("Bread", shop.notes(), "a foreign file's body is trimmed, its attribute lines become fields");
        assertEquals(List.of("food"), new TagStore(fresh).of(shop.id()));
    }

    @Test
    void markdownImport_tandemFileWithARuleTandemCannotCompute_warnsAndKeepsTheNotesAsTheyAre() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("edited"));
        Files.writeString(dir.resolve("Moon.md"), "---\nid: moon-1\ntitle: Look up\ncompleted?: no\n"
                + "repeats: every other full moon\ntandem: 1\n---\n\nBinoculars.\n");
        ImportReport r = Transfer.importPath(fresh, dir, null, Progress.NONE);
        Item moon = Fixtures.byTitle(fresh, "Look up");
        assertEquals("Binoculars.", moon.notes(), "no Repeats: line is added to a Tandem file's notes");
        assertEquals(null, moon.repeat());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("every other full moon")), r.warnings().toString());
    }
}
