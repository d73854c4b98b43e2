package dev.tandem.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.Device;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.SavedFilter;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.testing.CliRun;
import dev.tandem.app.testing.CliRun.Result;
import dev.tandem.engine.Db;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tandem list --filter}, {@code --saved} and {@code tandem filters}, on a profile whose every todo is known. */
@Tag("unit")
class FilterCommandsTest {
    /** Thursday 26 November 2026, 10:00 UTC. */
    private static final Clock THURSDAY = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;
    Path a;

    private Result run(Path dir, String... args) {
        return CliRun.run(System.in, Map.of(), THURSDAY, dir, args);
    }

    private void add(String... args) {
        Result r = run(a, args);
        assertEquals(0, r.code(), r.err());
    }

    @BeforeEach
    void profile() {
        a = tmp.resolve("a");
        add("add", "Quarterly report", "--list", "Work", "--priority", "1", "--due", "2026-11-30");
        add("add", "Fix the build", "--list", "Work", "--priority", "1");
        add("add", "Expense claims", "--list", "Work", "--due", "2026-11-20");
        add("add", "Plan the offsite", "--list", "Work", "--due", "2026-12-20", "--tags", "urgent");
        add("add", "Buy milk", "--tags", "errand", "--priority", "1");
        add("add", "Post the parcel", "--tags", "errand,urgent", "--due", "2026-11-25");
        add("add", "Call the bank", "--tags", "urgent", "--priority", "2", "--due", "2026-11-27");
        add("add", "Read the quarterly numbers", "--list", "Home");
    }

    private TreeSet<String> titles(String query) {
        Result r = run(a, "list", "--filter", query);
        assertEquals(0, r.code(), query + ": " + r.err());
        TreeSet<String> out = new TreeSet<>();
        for (String line : r.out().split("\n")) {
            if (!line.isBlank()) {
                // A line is "ID  TITLE  (…details)": the title sits between the id and the details.
                out.add(title(line));
            }
        }
        return out;
    }

    private static TreeSet<String> set(String... titles) {
        return new TreeSet<>(Arrays.asList(titles));
    }

    @Test
    void list_theIssuesQueries_exactlyTheirTodos() {
        assertEquals(set("Quarterly report", "Fix the build"), titles("#Work & p1"));
        assertEquals(set("Fix the build"), titles("#Work & no date"));
        assertEquals(set("Expense claims", "Buy milk", "Post the parcel"), titles("overdue | @errand"));
        assertEquals(set("Quarterly report"), titles("#Work & !overdue & due before: +7d"));
        assertEquals(set("Quarterly report", "Read the quarterly numbers"), titles("search: quarterly"));
        assertEquals(set("Plan the offsite", "Post the parcel", "Call the bank"), titles("(@urgent | @errand) & !p1"));
    }

    /** In Todoist {@code #Inbox} is the Inbox, and a first saved filter often leaves it out. */
    @Test
    void list_inboxInTodoistsWords_isTheInbox() {
        TreeSet<String> inbox = set("Buy milk", "Post the parcel", "Call the bank");
        assertEquals(inbox, titles("#Inbox"));
        assertEquals(inbox, titles("##inbox"));
        assertEquals(set("Fix the build", "Read the quarterly numbers"), titles("no date & !#Inbox"));
        // The Inbox's name in every language Tandem speaks means it on every device, whatever this one speaks.
        assertEquals(inbox, titles("#Eingang"));
        assertEquals(inbox, titles("#Boîte de réception"));
        assertEquals(inbox, titles("#Réception"));
        // A list of one's own called "Inbox" is found too: the words name both.
        add("add", "Scan receipts", "--list", "inbox");
        assertEquals(set("Buy milk", "Post the parcel", "Call the bank", "Scan receipts"), titles("#Inbox"));
    }

    @Test
    void list_unknownListOrTag_saysNoneIsCalledSo() {
        Result list = run(a, "list", "--filter", "#Nonexistent");
        assertEquals(0, list.code());
        assertTrue(list.err().contains("Nothing matches."), list.err());
        assertTrue(list.err().contains("No list is called “Nonexistent”"), list.err());
        Result tag = run(a, "list", "--filter", "p1 | @urgnt");
        assertTrue(tag.err().contains("No tag is called “urgnt”"), tag.err());
        assertTrue(tag.out().contains("Buy milk"), "the query still runs: " + tag.out());
        Result none = run(a, "list", "--filter", "@zz*");
        assertTrue(none.err().contains("No tag matches “zz*”"), none.err());
    }

    /** Todoist's wildcard: {@code *} stands for any characters in a tag's or a list's name. */
    @Test
    void list_wildcardInTagsAndLists_matchesAsInTodoist() {
        assertEquals(set("Plan the offsite", "Post the parcel", "Call the bank"), titles("@urg*"));
        assertEquals(set("Buy milk", "Post the parcel"), titles("@*and"));
        assertEquals(set("Quarterly report", "Fix the build", "Expense claims", "Plan the offsite"), titles("#w*k"));
        assertEquals(set("Read the quarterly numbers"), titles("#*ome"));
    }

    @Test
    void list_todoistFormsOfDatesAndLabels_readAsTodoistReadsThem() {
        add("add", "Water the ficus", "--due", "2026-11-26");
        // Todoist's comma shows separate groups; here one list holds both, as "today | overdue".
        assertEquals(set("Water the ficus", "Expense claims", "Post the parcel"), titles("today, overdue"));
        TreeSet<String> week = set("Water the ficus", "Call the bank", "Quarterly report");
        assertEquals(week, titles("7 days"));
        assertEquals(week, titles("next 7 days"));
        assertEquals(set("Quarterly report", "Fix the build", "Expense claims", "Read the quarterly numbers",
                "Water the ficus"), titles("no labels"));
        assertEquals(titles("due before: +7d"), titles("due before: +7 days"));
        assertEquals(titles("due before: +7d"), titles("date before: +7 days"));
        Result assigned = run(a, "list", "--filter", "assigned to: me");
        assertEquals(2, assigned.code());
        assertTrue(assigned.err().contains("no one is assigned"), assigned.err());
        // A comma inside a name stays part of it when the parts would not read alone.
        assertTrue(run(a, "list", "--filter", "search: milk, bread").err().contains("Nothing matches."));
    }

    @Test
    void list_brokenQuery_exit2NamingWhere() {
        Result r = run(a, "list", "--filter", "#Work & (p1 | ");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("At 15: a condition is missing"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void filters_saveListRemove_andListSaved() {
        Result saved = run(a, "filters", "save", "Work this week", "#work & due before: +7d", "--color", "#3366ff");
        assertEquals(0, saved.code(), saved.err());
        assertEquals("Work this week\t#work & due before: +7d\t2", run(a, "filters").out().strip());
        // By due date, the earliest first.
        assertEquals(List.of("Expense claims", "Quarterly report"), lines(run(a, "list", "--saved", "work THIS week").out()));
        assertEquals(0, run(a, "filters", "rm", "Work this week").code());
        assertEquals("", run(a, "filters").out());
        assertEquals(1, run(a, "list", "--saved", "Work this week").code());
    }

    @Test
    void filters_savedOnOneDevice_listedOnAnotherAfterSync() throws Exception {
        Path remote = Files.createDirectories(tmp.resolve("remote"));
        assertEquals(0, run(a, "filters", "save", "Errands", "@errand").code());
        assertEquals(0, run(a, "sync", "--remote", "folder:" + remote).code());
        Path b = tmp.resolve("b");
        assertEquals(0, run(b, "sync", "--remote", "folder:" + remote).code());
        assertEquals("Errands\t@errand\t2", run(b, "filters").out().strip());
        assertEquals(List.of("Post the parcel", "Buy milk"), lines(run(b, "list", "--saved", "Errands").out()));
    }

    private static List<String> lines(String out) {
        return Arrays.stream(out.split("\n")).filter(l -> !l.isBlank())
                .map(FilterCommandsTest::title).toList();
    }

    /** A line is "ID  [ ] TITLE  (details)". */
    private static String title(String line) {
        return line.substring(line.indexOf("  ") + 2).replaceFirst("^\\[.\\] ", "").replaceAll("\\s{2,}.*$", "").strip();
    }

    /**
     * Another device synced a smart list that reads and fits every size bound but costs a hundred passes over the
     * todos: {@code tandem filters} says it is too slow to count, and counts the others as ever.
     */
    @Test
    void filters_syncedFilterCostingAHundredPasses_saysTooSlowToCountAndCountsTheOthers() {
        assertEquals(0, run(a, "filters", "save", "Errands", "@errand").code());
        StringBuilder q = new StringBuilder();
        for (int i = 0; q.length() < 960; i++) {
            q.append(q.length() == 0 ? "" : " | ").append("section: s").append(i);
        }
        try (TodoStore store = new TodoStore(Db.open(a.resolve(Device.DB_FILE)), THURSDAY)) {
            store.writeAll(tx -> {
                for (int i = 0; i < 3_000; i++) {
                    tx.save(Item.create("Filler " + i, null, null, 1L));
                }
                return tx.save(new SavedFilter(null, "Costly", q.toString(), null, null, 1L));
            });
        }
        Result r = run(a, "filters");
        assertEquals(0, r.code(), r.err());
        List<String> lines = List.of(r.out().strip().split("\n"));
        assertEquals("Errands\t@errand\t2", lines.get(0));
        assertEquals("Costly\t" + q + "\ttoo slow to count", lines.get(1));
    }
}
