package dev.tandem.app.transfer;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.Rank;
import dev.tandem.app.model.Section;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.text.Durations;
import dev.tandem.app.text.TagWords;
import dev.tandem.ui.messages.Messages;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Todoist's project export (one CSV per project: TYPE, CONTENT, DESCRIPTION, PRIORITY, INDENT,
 * AUTHOR, RESPONSIBLE, DATE, DATE_LANG, TIMEZONE, …), parsed by Commons CSV. The project becomes a
 * list named after the file, and a {@code section} row a section of it, in the file's order; the tasks
 * after a section row are in that section. A task with INDENT 1 is a todo at the top of the list (or its
 * section); one with INDENT 2 to 5 is a subtask of the nearest task above it with a smaller INDENT (at the
 * top when there is none). Todos keep the file's order. A note row (a comment) is added to the notes of the
 * task above it; a label, which Todoist writes into CONTENT ("Plan the garden @outdoors": title "Plan the
 * garden", tag outdoors; read as quick add reads "@home", so "bob@example.com" stays), becomes a tag.
 * PRIORITY 1 (p1, highest) to 3 is kept in the attribute lines. DATE holds the words the date was typed in:
 * read as quick add reads them, in the row's DATE_LANG ({@link TodoistDates}: "Dec 3", "tomorrow 10am",
 * "jeden Freitag"), as the due date with its time, or the repeat due on the rule's first date; words that
 * are no date stay in the notes, said in the summary. DURATION in minutes is the todo's length.
 *
 * <p>Todoist's CSV has no ids: a task is keyed by the project, its section, its parent's key (for a subtask),
 * its content and which occurrence of that content it is, so the same file imported twice adds nothing; a
 * section by the project and its name. Cells are text: one that looks like a spreadsheet formula
 * ({@code =HYPERLINK(…)}) is kept as written and never evaluated.
 */
final class TodoistCsvImporter {
    private TodoistCsvImporter() {
    }

    /** One task being built, with its comments. */
    private static final class Task {
        final String key;
        final String where;
        String parentKey;
        String sectionId;
        int indent;
        final String title;
        final String description;
        final String due;
        final String priority;
        final String repeats;
        final List<String> tags = new ArrayList<>();
        final List<String> extra = new ArrayList<>();
        LocalTime time;
        Long minutes;

        Task(String key, String where, String title, String description, String due, String priority, String repeats) {
            this.key = key;
            this.where = where;
            this.title = title;
            this.description = description;
            this.due = due;
            this.priority = priority;
            this.repeats = repeats;
        }
    }

    /** {@code today}: where a repeating task without a date starts (see {@link #firstDate}). */
    static Incoming read(String file, String text, LocalDate today, Progress progress) {
        String project = file.replaceFirst("(?i)\\.csv$", "").strip();
        TodoList list = new TodoList(StableIds.derived("todoist-list\u0000" + project.toLowerCase(Locale.ROOT)),
                Limits.name(file, null, project.isEmpty() ? "Todoist" : project), null, null);
        List<Task> tasks = new ArrayList<>();
        List<Section> sections = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        // The DATEs said from the day they were typed ("tomorrow 10am"), read from today.
        List<String> relative = new ArrayList<>();
        Map<String, Integer> occurrences = new HashMap<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(false).get();
        try (CSVParser csv = CSVParser.parse(new StringReader(text), format)) {
            Map<String, Integer> header = new HashMap<>();
            csv.getHeaderMap().forEach((k, v) -> header.put(k.strip().toUpperCase(Locale.ROOT), v));
            if (!header.containsKey("TYPE") || !header.containsKey("CONTENT")) {
                throw new ImportException(file, Messages.text("transfer.where.line", "1"),
                        Messages.text("transfer.todoist.noHeader"));
            }
            String section = null;
            Section sectionRow = null;
            // The tasks above that may still be parents, by INDENT, innermost last.
            List<Task> open = new ArrayList<>();
            Task current = null;
            for (CSVRecord r : csv) {
                String where = Messages.text("transfer.where.line", String.valueOf(csv.getCurrentLineNumber()));
                String type = cell(r, header, "TYPE").strip().toLowerCase(Locale.ROOT);
                String content = cell(r, header, "CONTENT").strip();
                switch (type) {
                    case "" -> { }
                    case "meta" -> { }
                    case "section" -> {
                        section = content.isEmpty() ? null : content;
                        sectionRow = section == null ? null : section(file, where, list, section, sections);
                        current = null;
                        open.clear();
                    }
                    case "note" -> {
                        if (current == null) {
                            warnings.add(Messages.text("transfer.todoist.orphanComment", where));
                        } else if (!content.isEmpty()) {
                            current.extra.add("Comment: " + content);
                        }
                    }
                    case "task" -> {
                        int indent = indent(cell(r, header, "INDENT"), file, where);
                        String priority = priority(cell(r, header, "PRIORITY"), file, where);
                        String date = cell(r, header, "DATE").strip();
                        String description = cell(r, header, "DESCRIPTION");
                        Limits.title(file, where, content);
                        Optional<TodoistDates.Read> read = TodoistDates.read(date, cell(r, header, "DATE_LANG"), today);
                        String due = read.map(TodoistDates.Read::due).orElse(null);
                        String repeats = read.map(TodoistDates.Read::repeats).orElse(null);
                        if (repeats == null && due == null && date.toLowerCase(Locale.ROOT).startsWith("every")) {
                            // A rule quick add does not read alone, which the attribute lines may still hold.
                            repeats = date;
                            due = firstDate(repeats, today);
                        }
                        if (read.filter(TodoistDates.Read::relative).isPresent()) {
                            relative.add(date);
                        }
                        if (due == null && repeats == null && !date.isEmpty()) {
                            warnings.add(Messages.text("transfer.todoist.dateKept", Limits.shorten(date), where));
                            description = (description.isBlank() ? "" : description + "\n\n") + "Todoist date: " + date;
                        }
                        while (!open.isEmpty() && open.get(open.size() - 1).indent >= indent) {
                            open.remove(open.size() - 1);
                        }
                        Task parent = open.isEmpty() ? null : open.get(open.size() - 1);
                        // Keyed by the content as written, labels and all, so a task imported before its
                        // labels were read as tags is still known and not added twice; a top-level task as
                        // before subtasks were read, so a file imported then finds its todos.
                        String base = project + "\u0000" + section + "\u0000"
                                + (parent == null ? "" : parent.key + "\u0000") + content;
                        int n = occurrences.merge(base, 1, Integer::sum);
                        TagWords.Split labelled = TagWords.split(content);
                        current = new Task(StableIds.derived("todoist\u0000" + base + "\u0000" + n), where,
                                labelled.title(), description.isBlank() ? null : description, due, priority, repeats);
                        current.time = read.map(TodoistDates.Read::time).orElse(null);
                        current.minutes = minutes(cell(r, header, "DURATION"), cell(r, header, "DURATION_UNIT"));
                        current.indent = indent;
                        current.parentKey = parent == null ? null : parent.key;
                        current.sectionId = parent == null && sectionRow != null ? sectionRow.id() : null;
                        current.tags.addAll(labelled.tags());
                        tasks.add(current);
                        open.add(current);
                        Limits.itemCount(file, tasks.size());
                    }
                    default -> throw new ImportException(file, where,
                            Messages.text("transfer.todoist.badType", Limits.shorten(type)));
                }
                if (tasks.size() % 1000 == 0 && !tasks.isEmpty()) {
                    progress.update(Messages.text("common.progress.reading"), tasks.size(), -1);
                }
            }
        } catch (UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            throw new ImportException(file, null, Messages.text("transfer.todoist.unreadable",
                    Limits.shorten(String.valueOf(e.getMessage()))), e);
        } catch (IOException e) {
            throw new ImportException(file, null, Messages.text("transfer.error.cannotRead", e.getMessage()), e);
        }
        if (!relative.isEmpty()) {
            warnings.add(Messages.text("transfer.todoist.relativeDates", Limits.shorten(relative.get(0)), relative.size()));
        }
        List<Item> items = new ArrayList<>();
        // The file's order: the writer puts these after the todos the list has, in this order.
        String rank = null;
        for (Task t : tasks) {
            rank = Rank.between(rank, null);
            String notes = t.description;
            if (!t.extra.isEmpty()) {
                notes = (notes == null ? "" : notes.stripTrailing() + "\n\n") + String.join("\n", t.extra);
            }
            notes = NoteAttributes.append(notes, new NoteAttributes(t.tags, t.priority, t.repeats));
            items.add(new Item(t.key, list.id(), t.title, Limits.notes(file, t.where, notes), t.due, 0L, null, null, null)
                    .withParentId(t.parentKey).withSectionId(t.sectionId).withRank(rank)
                    .withDueTime(t.due == null ? null : t.time).withDuration(t.minutes));
        }
        if (items.isEmpty()) {
            throw new ImportException(file, null, Messages.text("transfer.todoist.none"));
        }
        return new Incoming(file, List.of(list), items, warnings).withSections(sections);
    }

    /** The section {@code name} of the project's list: the one made for that name already, else a new one after the others. */
    private static Section section(String file, String where, TodoList list, String name, List<Section> sections) {
        String n = Limits.sectionName(file, where, name);
        String id = StableIds.derived("todoist-section\u0000" + list.id() + "\u0000" + n.toLowerCase(Locale.ROOT));
        for (Section s : sections) {
            if (s.id().equals(id)) {
                return s;
            }
        }
        Section s = new Section(id, list.id(), n, Rank.between(sections.isEmpty() ? null
                : sections.get(sections.size() - 1).rank(), null), null, null);
        sections.add(s);
        return s;
    }

    private static String cell(CSVRecord r, Map<String, Integer> header, String column) {
        Integer i = header.get(column);
        return i == null || i >= r.size() ? "" : r.get(i);
    }

    private static int indent(String v, String file, String where) {
        if (v.isBlank()) {
            return 1;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n >= 1 && n <= 5) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through to the message
        }
        throw new ImportException(file, where, Messages.text("transfer.todoist.badIndent", Limits.shorten(v)));
    }

    /** Todoist's p1 (highest) to p4 (none): p1 high, p2 medium, p3 low. */
    private static String priority(String v, String file, String where) {
        if (v.isBlank()) {
            return null;
        }
        return switch (v.strip()) {
            case "1" -> "high";
            case "2" -> "medium";
            case "3" -> "low";
            case "4" -> null;
            default -> throw new ImportException(file, where,
                    Messages.text("transfer.todoist.badPriority", Limits.shorten(v)));
        };
    }

    /**
     * The date a repeating task is next due: the rule's first date on or after {@code today}, as quick add
     * dates "every monday" typed without a date. Todoist always has that date, but its export writes only
     * the rule's words in DATE; without it the todo would repeat yet be due never. Null when Tandem cannot
     * compute the rule: it stays a "Repeats:" line and the todo does not repeat.
     */
    private static String firstDate(String repeats, LocalDate today) {
        return RealFields.rule(repeats).map(r -> r.first(today).toString()).orElse(null);
    }

    /** Todoist's DURATION in minutes (DURATION_UNIT minute), as a length Tandem keeps (up to a week); else null. */
    private static Long minutes(String amount, String unit) {
        if (!unit.strip().equalsIgnoreCase("minute") || !amount.strip().matches("\\d{1,6}")) {
            return null;
        }
        long m = Long.parseLong(amount.strip());
        return m >= 1 && m <= Durations.MAX_MINUTES ? m : null;
    }
}
