package dev.tandem.app.cli;

import dev.tandem.app.model.Item;
import dev.tandem.app.text.Checklist;
import dev.tandem.app.text.Durations;
import dev.tandem.ui.messages.Language;
import dev.tandem.ui.messages.Messages;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How {@code tandem list} writes one item: a line for people, or a JSON object for scripts. */
final class ItemLines {
    private static final DateTimeFormatter REMIND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private ItemLines() {
    }

    /**
     * A todo with its box ({@code [ ] Buy milk}), a note as quick add writes one ({@code note: Packing list});
     * then what applies: due date and time, start date, Someday, length, list, priority, tags, repeat, reminder (a note has no date, priority,
     * repeat or reminder), check boxes ticked, and whether there are notes.
     */
    static String line(Item it, Map<String, String> listNames, Map<String, List<String>> tagsOf, ZoneId zone) {
        boolean todo = !it.isNote();
        StringBuilder b = new StringBuilder();
        b.append(TodoCommands.shortId(it.id())).append("  ").append(!todo ? Messages.text("cli.item.note") + " " : it.isDone() ? "[x] " : "[ ] ")
                .append(TerminalText.field(it.titleOrEmpty()));
        if (todo && it.due() != null) {
            b.append("  ").append(Messages.text("cli.item.due", it.due(), it.timeOfDay() == null ? "" : " " + it.dueTime()));
        }
        if (todo && it.startDate() != null) {
            b.append("  ").append(Messages.text("cli.item.starts", it.start()));
        }
        if (todo && it.isSomeday()) {
            b.append("  ").append(Messages.text("cli.item.someday"));
        }
        if (todo && it.lengthMinutes() > 0) {
            b.append("  (").append(Durations.format(it.lengthMinutes())).append(')');
        }
        if (it.listId() != null && listNames.containsKey(it.listId())) {
            b.append("  #").append(TerminalText.field(listNames.get(it.listId())));
        }
        if (todo && it.priorityLevel() != 0) {
            b.append("  p").append(it.priorityLevel());
        }
        for (String t : tagsOf.getOrDefault(it.id(), List.of())) {
            b.append("  @").append(TerminalText.field(t));
        }
        if (todo && it.recurrence() != null) {
            b.append("  (").append(it.recurrence().describe()).append(')');
        }
        if (todo && it.reminderPending()) {
            b.append("  ").append(Messages.text("cli.item.remind",
                    REMIND.format(Instant.ofEpochMilli(it.remindAt()).atZone(zone))));
        }
        Checklist.Progress checks = Checklist.progress(it.notes());
        if (!checks.isEmpty()) {
            b.append("  ").append(Messages.text("cli.item.ticked", checks.text()));
        }
        if (it.hasNotes()) {
            b.append("  ").append(Messages.text("cli.item.notes"));
        }
        return b.toString();
    }

    /** Every field, as stored; {@code kind} is "todo" or "note", {@code checklist} "2/5" or null. */
    static String json(Item it, Map<String, String> listNames, Map<String, List<String>> tagsOf) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", it.id());
        m.put("title", it.title());
        m.put("notes", it.notes());
        m.put("due", it.due());
        m.put("dueTime", it.timeOfDay() == null ? null : it.dueTime());
        m.put("durationMinutes", it.lengthMinutes() == 0 ? null : it.lengthMinutes());
        m.put("done", !it.isNote() && it.isDone());
        m.put("list", it.listId() == null ? null : listNames.get(it.listId()));
        m.put("listId", it.listId());
        m.put("priority", it.priorityLevel() == 0 ? null : it.priorityLevel());
        m.put("tags", tagsOf.getOrDefault(it.id(), List.of()));
        m.put("repeat", it.repeat());
        // --json is read by scripts: its words stay English whatever the language.
        m.put("repeatText", it.recurrence() == null ? null
                : Messages.in(Language.ENGLISH, it.recurrence()::describe));
        m.put("seriesId", it.seriesId());
        m.put("remindAt", it.remindAt() == null ? null : Instant.ofEpochMilli(it.remindAt()).toString());
        m.put("kind", it.isNote() ? Item.NOTE : "todo");
        m.put("parentId", it.parentId());
        m.put("sectionId", it.sectionId());
        m.put("rank", it.rank());
        m.put("start", it.startDate() == null ? null : it.start());
        m.put("someday", it.isSomeday());
        Checklist.Progress checks = Checklist.progress(it.notes());
        m.put("checklist", checks.isEmpty() ? null : checks.text());
        return Json.object(m);
    }
}
