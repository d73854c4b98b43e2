package dev.tandem.app.text;

import static dev.tandem.engine.testing.GoldenOut.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tandem.engine.testing.GoldenOut;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Golden vectors of quick add in English: what {@link TodoDraft#parse} reads from a phrase on a fixed day, for
 * the phone page's own quick add (the JS core's app/quick-add.js) to read the same. The phrases are those the
 * text tests use for the constructs the page reads, and seeded random combinations of the grammar's parts:
 * tags and "remind …" and "every …" anywhere, and after the title a priority, a date, a time, a length, a bare
 * repeat word and a list in any order. Constructs the page does not read yet ("start …", "due …", "someday",
 * a date inside the title, the language's own words) are left out of the generator rather than compared
 * loosely. Written with {@code -Dtandem.writeVectors=true}, else compared.
 */
@Tag("unit")
class QuickAddGoldenTest {
    static final Path VECTORS = Path.of("..", "ui-resources", "src", "main", "js", "tandem-sync", "test",
            "vectors", "quick-add-en.json");
    /** A Wednesday. */
    static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    /** Phrases of the text tests, for the constructs the page reads. */
    static final List<String> KNOWN = List.of("#L1 #L2", "Ask @bob, then call the bank", "Birthday card every year",
            "Buy 2", "Buy bread for 2", "Buy milk #Groceries @errands @Shop tomorrow", "Buy milk @home, @errand. tomorrow",
            "Buy milk p2 tomorrow 18:00 #Groceries", "Buy milk", "Call Ann (@phone)", "Call Noonan",
            "Call Sam remind 9am", "Call remind 9am", "Call the bank 2pm", "Call the bank remind 9am tomorrow 2pm",
            "Call the bank remind 9am", "Call the bank", "Choir every 2 weeks on Monday", "Choir every other monday",
            "Clean every 2 weeks", "Clean windows fortnightly", "Daily standup notes",
            "Email bob@example.com about p5 and everyone", "Email team about p2 project p1 tomorrow",
            "Email team about p2 project", "Fix #123 crash p1 #Work", "Lunch at noon", "Mail bob@example.com",
            "Meet Sam at 9", "Pack for 3 days", "Pay monthly fee tomorrow", "Sort @a.b files",
            "Standup every weekday", "Stretch every day", "Take out bins tomorrow 18:00", "Walk for 45m",
            "Water my plants p2", "Water plants daily", "Water plants every 2nd day", "Water plants every monday p2 @home",
            "Water plants every other day", "Write @e-mail!", "Write report weekly p2 #Work @office fri",
            "Write weekly report every 2 weeks", "Write weekly report", "every day", "for 30 min",
            "note: Standup p1 every monday remind 9am @team #Work", "tomorrow 9", "weekly",
            "Water plants every monday p2 @home #Garden remind 9am", "Call the bank tomorrow 2pm p1 #Errands",
            "Call the bank tomorrow 2pm for 30 min", "Buy milk tomorrow at 9", "Review fri at 14 p1",
            "Pay rent every month on the 1st", "Stretch every mon, wed and fri", "Report in 3 days", "Report in 2 weeks",
            "Dinner dec 24 at 19", "Fireworks 31/12", "Pay rent on the 1st every month", "Pay rent on the 31st every month",
            "Pay rent on the 15th every 2 months", "Pay rent on the 1st", "Party feb 29", "Party feb 30", "Party 31/2 p2",
            "Be available 24/7", "Split the bill 50/50", "Taxes 1/3 p1", "Party 2026-02-30", "Party 2999-12-31",
            "Party 3000-01-01 p2");

    private static final List<String> TITLE = List.of("Buy", "milk", "Call", "the", "bank", "Water", "plants", "Email",
            "team", "report", "Pay", "rent", "Fix", "bike", "Plan", "trip");
    private static final List<String> TAGS = List.of("@home", "@errand", "@Phone", "@2027", "@shop,");
    private static final List<String> REMIND = List.of("remind 9am", "remind me at 8:15pm", "remind 18:00", "remind noon");
    private static final List<String> EVERY = List.of("every monday", "every day", "every week", "every 2 weeks",
            "every other day", "every weekday", "every month", "every year", "every other friday", "every fri",
            "every month on the 15th", "every 3 months");
    private static final List<String> PRIORITY = List.of("p1", "p2", "p3", "p4", "P2");
    private static final List<String> DATE = List.of("today", "tomorrow", "tmr", "fri", "friday", "monday", "wed",
            "Sun", "2026-12-24", "in 3 days", "in 2 weeks", "on monday", "by fri", "dec 24", "jan 3rd", "31/12", "on the 15th",
            "in march", "weekend");
    private static final List<String> TIME = List.of("2pm", "9:30am", "18:00", "noon", "at 9am", "at 14:30", "9-11am",
            "from 7pm to 9pm", "half past four", "2pm-3:30pm");
    private static final List<String> LENGTH = List.of("for 30 min", "for 1h", "for 2 hours", "for 45m", "for 1h 30m");
    private static final List<String> BARE_REPEAT = List.of("daily", "weekly", "monthly", "yearly");
    private static final List<String> LIST = List.of("#Garden", "#Work", "#Inbox");

    @AfterEach
    void english() {
        Messages.use(Language.ENGLISH);
    }

    @Test
    void parse_everyPhrase_readAsTheVectorsSay() throws IOException {
        Messages.use(Language.ENGLISH);
        Set<String> phrases = new LinkedHashSet<>(KNOWN);
        Random random = new Random(20261129L);
        while (phrases.size() < KNOWN.size() + 400) {
            phrases.add(random(random));
        }
        List<Object> cases = new ArrayList<>();
        for (String p : phrases) {
            cases.add(read(p));
        }
        String text = GoldenOut.json(obj("today", TODAY.toString(), "cases", cases)) + "\n";
        if (Boolean.getBoolean("tandem.writeVectors")) {
            Files.writeString(VECTORS, text, StandardCharsets.UTF_8);
        }
        String kept = Files.exists(VECTORS) ? Files.readString(VECTORS, StandardCharsets.UTF_8) : "";
        if (!kept.equals(text)) {
            assertEquals(text.substring(0, Math.min(400, text.length())), kept.substring(0, Math.min(400, kept.length())),
                    VECTORS + " differs from what quick add reads; run with -Dtandem.writeVectors=true if meant, "
                            + "and the page's quick-add.js must follow it");
            assertEquals(text, kept);
        }
    }

    /** What quick add read from {@code phrase}, each field as the page's parser answers it. */
    static Map<String, Object> read(String phrase) {
        TodoDraft d = TodoDraft.parse(phrase, TODAY);
        return obj("text", phrase, "title", d.title(), "due", str(d.due()), "time", str(d.time()), "minutes", d.minutes(),
                "repeat", d.repeat() == null ? null : d.repeat().toRule(), "priority", d.priority(),
                "tags", d.tags(), "list", d.listName(), "remind", str(d.remindTime()), "start", str(d.start()),
                "someday", d.someday(), "note", d.note());
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    /** A title, then its details in any order; tags, "remind …" and "every …" anywhere. */
    static String random(Random r) {
        List<String> words = new ArrayList<>();
        for (int n = 1 + r.nextInt(3); n > 0; n--) {
            words.add(pick(r, TITLE));
        }
        List<String> trailing = new ArrayList<>();
        boolean every = r.nextInt(4) == 0;
        if (r.nextInt(2) == 0) {
            trailing.add(pick(r, PRIORITY));
        }
        if (r.nextInt(3) < 2) {
            trailing.add(pick(r, DATE));
        }
        if (r.nextInt(3) == 0) {
            trailing.add(pick(r, TIME));
        }
        if (r.nextInt(4) == 0) {
            trailing.add(pick(r, LENGTH));
        }
        if (!every && r.nextInt(5) == 0) {
            trailing.add(pick(r, BARE_REPEAT));
        }
        if (r.nextInt(3) == 0) {
            trailing.add(pick(r, LIST));
        }
        Collections.shuffle(trailing, r);
        words.addAll(trailing);
        for (int n = r.nextInt(3); n > 0; n--) {
            words.add(r.nextInt(words.size() + 1), pick(r, TAGS));
        }
        if (r.nextInt(5) == 0) {
            words.add(r.nextInt(words.size() + 1), pick(r, REMIND));
        }
        if (every) {
            words.add(r.nextInt(words.size() + 1), pick(r, EVERY));
        }
        return String.join(" ", words);
    }

    private static String pick(Random r, List<String> from) {
        return from.get(r.nextInt(from.size()));
    }
}
