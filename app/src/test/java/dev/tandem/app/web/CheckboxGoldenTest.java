package dev.tandem.app.web;

import static dev.tandem.engine.testing.GoldenOut.obj;

import dev.tandem.app.model.Item;
import dev.tandem.app.testing.KeptVectors;
import dev.tandem.app.text.Checklist;
import dev.tandem.engine.testing.GoldenOut;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Golden vectors of ticking a check box in a note ({@link NoteChecks#tick} over {@link Checklist}, the outbox's
 * {@code check}) for the page as its own device, whose tandem-sync/app/checkboxes.js is a second implementation read
 * by test/checkboxes-golden.test.js. Each case is a note, the box the page names (its words, which of the boxes with
 * those words, ticked or cleared) and what the model did: every box it finds (line, column of the mark, ticked), and
 * the note after or the refusal's key with the words.
 *
 * <p>Seeded random notes of the lines people write and the ones that trip a Markdown reader: boxes under every list
 * marker, nested and indented (up to an indented code block), quoted, in fenced code, after a paragraph (an ordered
 * item not starting at 1 does not interrupt one), in a table's rows or an HTML block, with line breaks of every
 * kind, the same words twice, words in other scripts and outside the BMP; boxes asked for by words and occurrence
 * (one past the last, words no box has). Written with {@code -Dtandem.writeVectors=true}, else compared.
 */
@Tag("unit")
class CheckboxGoldenTest {
    static final Path VECTORS = Path.of("..", "ui-resources", "src", "main", "js", "tandem-sync", "test", "vectors",
            "checkboxes.json").toAbsolutePath().normalize();
    private static final String[] WORDS = {"Eggs", "Milk", "eggs", "Café ☕", "日本の茶", "🥚 two", "", "Book the van",
        "Eggs ", "a [ ] b", "x", "Ünïcødé"};
    private static final String[] MARKERS = {"-", "*", "+", "1.", "2)", "10.", "1)", "-", "-", "*"};
    private static final String[] BOXES = {"[ ]", "[x]", "[X]", "[ ]", "[x]", "[]", "[ x]", "[y]"};
    private static final String[] OTHER = {"", "", "", "text", "More text here", "# Heading", "---", "***", "> quoted",
        "```", "~~~", "    code", "| a | b |", "|---|---|", "<div>", "</div>", "Title", "===", "1. plain", "- plain",
        "\t- [ ] tabbed", "  ", "> - [ ] quoted box", ">> - [x] deeper", "-\t[ ] tab after", "- [ ]", "* [x]",
        "<!-- a comment", "-->", "<pre>", "</pre>", "<span>", "a | b", "--- | ---", "\t\t- [x] two tabs", "   ```",
        "````", "2. [ ] two", "    - [ ] four", "  \t* [ ] mixed", ">\t- [ ] quote tab", "- - [ ] nested at once",
        "1. - [x] in ordered", "* * *", "#", "##### - [ ] heading", "\\- [ ] escaped"};
    private static final String[] BREAKS = {"\n", "\n", "\n", "\r\n", "\r"};

    @Test
    void tick_everyCase_notesAsTheVectorsSay() throws IOException {
        Random random = new Random(20261201L);
        List<Object> cases = new ArrayList<>();
        for (int i = 0; i < 320; i++) {
            cases.add(run(note(random), random));
        }
        String text = GoldenOut.json(obj("cases", cases)) + "\n";
        KeptVectors.writeOrCompare(VECTORS, text, "checkboxes.js");
    }

    /** A random note of 1 to 14 lines, one kind of line break mostly, now and then another. */
    private static String note(Random r) {
        String brk = BREAKS[r.nextInt(BREAKS.length)];
        StringBuilder b = new StringBuilder();
        int lines = 1 + r.nextInt(14);
        for (int k = 0; k < lines; k++) {
            if (k > 0) {
                b.append(r.nextInt(10) == 0 ? BREAKS[r.nextInt(BREAKS.length)] : brk);
            }
            if (r.nextInt(5) < 3) {
                int indent = r.nextInt(3) == 0 ? r.nextInt(7) : r.nextInt(2) * 2;
                b.append(" ".repeat(indent)).append(r.nextInt(8) == 0 ? "> " : "")
                        .append(MARKERS[r.nextInt(MARKERS.length)]).append(r.nextInt(8) == 0 ? "  " : " ")
                        .append(BOXES[r.nextInt(BOXES.length)]);
                String words = WORDS[r.nextInt(WORDS.length)];
                b.append(words.isEmpty() && r.nextBoolean() ? "" : " " + words);
            } else {
                b.append(OTHER[r.nextInt(OTHER.length)]);
            }
        }
        if (r.nextBoolean()) {
            b.append(brk);
        }
        return b.toString();
    }

    /** One tick of {@code notes}: mostly a box it has, sometimes one past the last with those words or none. */
    private static Map<String, Object> run(String notes, Random r) {
        List<Checklist.Box> boxes = Checklist.boxes(notes);
        List<String> lines = Checklist.lines(notes);
        List<Object> found = new ArrayList<>();
        for (Checklist.Box b : boxes) {
            found.add(List.of((long) b.line(), (long) b.column(), b.checked()));
        }
        String text;
        long occurrence;
        if (!boxes.isEmpty() && r.nextInt(6) > 0) {
            String words = NoteChecks.words(lines, boxes.get(r.nextInt(boxes.size())));
            long count = boxes.stream().filter(b -> NoteChecks.words(lines, b).equals(words)).count();
            text = r.nextInt(8) == 0 ? " " + words + " " : words;
            occurrence = r.nextInt(10) == 0 ? count : r.nextInt((int) count);
        } else {
            text = WORDS[r.nextInt(WORDS.length)] + (r.nextBoolean() ? "" : " more");
            occurrence = r.nextInt(2);
        }
        boolean checked = r.nextBoolean();
        Item before = new Item("0190d8a0-0000-7000-8000-000000000001", null, "A note", notes, null, 0L, null, null, 1L);
        Map<String, Object> c = obj("notes", notes, "text", text, "occurrence", occurrence, "checked", checked,
                "boxes", found);
        try {
            c.put("after", NoteChecks.tick(before, text, occurrence, checked).notes());
        } catch (BadRequest e) {
            c.put("refused", e.key());
            c.put("status", (long) e.status());
        }
        return c;
    }
}
