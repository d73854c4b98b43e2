package dev.tandem.app.cli;

import dev.tandem.app.cli.Cli.Failure;
import dev.tandem.app.cli.Cli.UsageError;
import dev.tandem.app.model.Completed;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.ItemTag;

import dev.tandem.app.model.Recurrence;
import dev.tandem.app.model.SeriesStore;
import dev.tandem.app.model.TextLimits;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.outline.Outline;
import dev.tandem.app.text.QuickAdd;
import dev.tandem.app.text.QuickAddParser;
import dev.tandem.app.text.TodoDraft;
import dev.tandem.ui.messages.Formats;
import dev.tandem.ui.messages.Messages;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * The commands that read and change todos in the local database: add, list, done, undone, edit, rm.
 * They take an id as the full id or a unique part of it (see resolve), since a whole UUID is
 * too long to type.
 */
final class TodoCommands {
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    /** {@code in}: where {@code --notes -} reads the notes from. */
    TodoCommands(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    /**
     * The shared detail options (DetailOptions) set the new item's fields and override what the title says;
     * "none" is refused, as there is nothing to clear. {@code --kind} decides how the title is read: as a note
     * ("note: TITLE" says the same) or as a todo.
     */
    int add(TodoStore store, Args a) {
        Map<String, String> o = a.options();
        DetailOptions.refuseNone("add", o);
        DetailOptions.Details d = DetailOptions.read("add", o, in, store.today());
        String text = String.join(" ", a.positional()).strip();
        if (d.note() != null) {
            text = d.note() ? QuickAddParser.NOTE_PREFIX + " " + QuickAddParser.withoutNotePrefix(text)
                    : QuickAddParser.withoutNotePrefix(text);
        }
        TodoDraft q = TodoDraft.parse(text, store.today());
        if (q.title().isBlank()) {
            throw new UsageError(Messages.text("cli.todo.addNoTitle"));
        }
        if (q.warning() != null) {
            // As quick add says it: the todo is added, and the phrase stays in its title.
            err.println("tandem: note: " + q.warning());
        }
        if (d.notes() != null) {
            TextLimits.notes(d.notes()); // before the add, so notes over the limit add nothing
        }
        if (q.note()) {
            return addNote(store, q, o, d);
        }
        LocalDate due = d.due() != null ? d.due().value() : q.due();
        Integer priority = d.priority() != null ? d.priority().value() : q.priority();
        List<String> tags = new ArrayList<>(q.tags());
        if (d.tags() != null) {
            tags.addAll(d.tags().value());
        }
        Recurrence repeat = d.repeat() != null ? d.repeat().value() : q.repeat();
        ZonedDateTime now = ZonedDateTime.now(store.dateClock());
        if (repeat != null && due == null) {
            due = repeat.first(store.today());
        }
        LocalTime time = d.at() != null ? d.at().value() : q.time();
        Integer minutes = d.length() != null ? d.length().value() : q.minutes();
        if (due == null && time != null) {
            // A time needs a date: as quick add reads "2pm" alone, the next time it comes.
            due = TodoDraft.nextDay(time, now);
        }
        Long remindAt = d.remind() != null ? d.remind().value().at(due, now)
                : new TodoDraft(new QuickAdd(q.title(), due, null), null, List.of(), null, q.remindTime()).remindAt(now);
        Optional<LocalDate> start = OutlineCommands.start(o, store.today());
        LocalDate startOn = start != null ? start.orElse(null) : q.start();
        boolean someday = a.flags().contains("--someday") || q.someday();
        return added(store, q, d, due, new TodoDetails(priority, tags, repeat, remindAt).at(time, minutes)
                .when(startOn, someday), o);
    }

    /** "note: TITLE" or --kind note: a note in the list given (--list or #list), with tags; todo options refused. */
    private int addNote(TodoStore store, TodoDraft q, Map<String, String> o, DetailOptions.Details d) {
        DetailOptions.refuseTodoOnly("add", o);
        List<String> tags = new ArrayList<>(q.tags());
        if (d.tags() != null) {
            tags.addAll(d.tags().value());
        }
        return added(store, q, d, null, TodoDetails.note(tags), o);
    }

    /** Adds the item to --list (else the title's #list), with its notes; prints its id. */
    private int added(TodoStore store, TodoDraft q, DetailOptions.Details d, LocalDate due, TodoDetails details,
            Map<String, String> o) {
        String parentId = OutlineCommands.parentId(store, o);
        if (parentId != null && (d.list() != null || o.containsKey("--section"))) {
            throw new UsageError(Messages.text("cli.todo.subtaskPlace"));
        }
        String listName = d.list() != null ? null : q.listName();
        String listId = d.list() != null ? DetailOptions.listId(store, d.list(), err) : null;
        if (listName != null && store.findList(listName).isEmpty()) {
            err.println(Messages.text("cli.details.listCreated", listName.strip()));
        }
        TodoStore.Added added = store.add(q.title(), listName, listId, parentId, due, details);
        if (o.containsKey("--section")) {
            new OutlineCommands(out, err).placeInSection(store, added.item().id(), o.get("--section"));
        }
        if (d.notes() != null && !d.notes().isEmpty()) {
            store.update(added.item().id(), it -> it.withNotes(d.notes()));
        }
        out.println(added.item().id());
        return 0;
    }

    int list(TodoStore store, Args a) {
        return show(store.allItems(), store.lists(), store.tags().all(), store.dateClock().getZone(), a,
                (listId, items) -> OutlineCommands.outline(store, listId, items));
    }

    /** Prints {@code allItems} as {@code list} filters them, flat: by --list, --tag, --all, --notes or --todos. */
    int show(List<Item> allItems, List<TodoList> lists, Map<String, List<String>> tagsOf, ZoneId zone, Args a) {
        return show(allItems, lists, tagsOf, zone, a, null);
    }

    /** As above; with {@code outline}, one list's items are printed as its outline. */
    int show(List<Item> allItems, List<TodoList> lists, Map<String, List<String>> tagsOf, ZoneId zone, Args a,
            BiFunction<String, List<Item>, List<Outline.Line>> outline) {
        if (!a.positional().isEmpty()) {
            throw new UsageError(Messages.text("cli.todo.listUnexpected", a.positional().get(0)));
        }
        Map<String, String> listNames = lists.stream()
                .collect(Collectors.toMap(TodoList::id, l -> l.name() == null ? "" : l.name(), (x, y) -> x));
        String onlyList = null;
        if (a.options().containsKey("--list")) {
            String name = a.options().get("--list");
            onlyList = name.equalsIgnoreCase("inbox") ? "" : lists.stream()
                    .filter(l -> l.name() != null && l.name().strip().equalsIgnoreCase(name.strip())).map(TodoList::id)
                    .findFirst().orElseThrow(() -> new Failure(Messages.text("cli.todo.noSuchList", name)));
        }
        boolean all = a.flags().contains("--all");
        boolean onlyNotes = a.flags().contains("--notes");
        boolean onlyTodos = a.flags().contains("--todos");
        if (onlyNotes && onlyTodos) {
            throw new UsageError(Messages.text("cli.todo.notesOrTodos"));
        }
        String onlyTag = a.options().containsKey("--tag") ? ItemTag.normalize(a.options().get("--tag")) : null;
        List<Item> items = new ArrayList<>();
        for (Item it : allItems) {
            // A note is never done, also one that was completed as a todo before it became a note.
            if (it.isTrashed() || (!all && it.isDone() && !it.isNote()) || (onlyNotes && !it.isNote())
                    || (onlyTodos && it.isNote())) {
                continue;
            }
            if (onlyList != null) {
                String lid = it.listId() != null && listNames.containsKey(it.listId()) ? it.listId() : "";
                if (!lid.equals(onlyList)) {
                    continue;
                }
            }
            if (onlyTag != null && !tagsOf.getOrDefault(it.id(), List.of()).contains(onlyTag)) {
                continue;
            }
            items.add(it);
        }
        if (a.flags().contains("--json")) {
            out.println("[" + items.stream().map(it -> ItemLines.json(it, listNames, tagsOf))
                    .collect(Collectors.joining(",\n ")) + "]");
            return 0;
        }
        if (items.isEmpty()) {
            err.println(Messages.text(onlyNotes ? "cli.todo.noNotes" : "cli.todo.noTodos"));
            return 0;
        }
        if (onlyList == null || outline == null) {
            for (Item it : items) {
                out.println(ItemLines.line(it, listNames, tagsOf, zone));
            }
            return 0;
        }
        // One list: in its own order, sections as headings, subtasks indented under their parents.
        List<Outline.Line> lines = outline.apply(onlyList.isEmpty() ? null : onlyList, items);
        if (Outline.flattened(lines)) {
            err.println(Outline.flattenedNotice());
        }
        for (Outline.Line l : lines) {
            out.println(l.isSection() ? "## " + TerminalText.field(l.section().name())
                    : "  ".repeat(l.depth()) + ItemLines.line(l.item(), listNames, tagsOf, zone));
        }
        return 0;
    }

    /** The last 8 characters: the random part of a UUIDv7, so it tells items apart. */
    static String shortId(String id) {
        return id.length() <= 8 ? id : id.substring(id.length() - 8);
    }

    /** The current item {@code ref} names: its full id, or a unique part of its start or end (4+ characters). */
    static Item resolve(TodoStore store, String ref) {
        Optional<Item> exact = store.get(ref);
        if (exact.isPresent()) {
            return exact.get();
        }
        if (ref.length() < 4) {
            throw new Failure(Messages.text("cli.todo.idTooShort", ref));
        }
        String r = ref.toLowerCase(Locale.ROOT);
        List<Item> matches = store.allItems().stream()
                .filter(it -> it.id().toLowerCase(Locale.ROOT).startsWith(r)
                        || it.id().toLowerCase(Locale.ROOT).endsWith(r))
                .toList();
        if (matches.isEmpty()) {
            throw new Failure(Messages.text("cli.todo.noSuchId", ref));
        }
        if (matches.size() > 1) {
            throw new Failure(Messages.text("cli.todo.idAmbiguous", ref, matches.size(),
                    matches.stream().limit(5).map(Item::id).collect(Collectors.joining(", "))));
        }
        return matches.get(0);
    }

    int setDone(TodoStore store, Args a, boolean done) {
        Item it = resolve(store, a.one(done ? "done" : "undone", "ID"));
        if (done && it.isNote()) {
            throw new Failure(Messages.text("cli.todo.doneNote", it.titleOrEmpty(), shortId(it.id())));
        }
        if (!done) {
            store.verbs().reopen(it.id());
        } else if (!it.isDone()) {
            boolean withSubtasks = a.flags().contains("--with-subtasks");
            OutlineCommands.refuseOpenSubtasks(store, it, withSubtasks);
            Completed c = store.verbs().complete(it.id(), withSubtasks).orElseThrow();
            if (it.repeat() != null) {
                err.println(Messages.text("cli.todo.done", it.titleOrEmpty()));
                printNext(store, c.step(), it);
                return 0;
            }
        } else if (it.repeat() != null) {
            // Done already: the next occurrence is there (made here or where it was completed).
            err.println(Messages.text("cli.todo.done", it.titleOrEmpty()));
            printNext(store, new SeriesStore.Step(it, null), it);
            return 0;
        }
        err.println(Messages.text(done ? "cli.todo.done" : "cli.todo.reopened", it.titleOrEmpty()));
        return 0;
    }

    /** The next occurrence's id and due date on stdout: created now, or already there (completed elsewhere). */
    private void printNext(TodoStore store, SeriesStore.Step step, Item it) {
        Optional<Item> next = step.next().or(() -> store.series().openOccurrences(
                it.seriesId() == null ? it.id() : it.seriesId()).stream().filter(x -> !x.id().equals(it.id())).findFirst());
        next.ifPresent(n -> {
            out.println(n.id() + " " + n.due());
            err.println(Messages.text("cli.todo.next", day(n.due(), store.today()), shortId(n.id())));
        });
    }

    int skip(TodoStore store, Args a) {
        Item it = resolve(store, a.one("skip", "ID"));
        if (it.recurrence() == null) {
            throw new Failure(Messages.text("cli.todo.skipNotRepeating", it.titleOrEmpty()));
        }
        SeriesStore.Step step = store.series().skip(it.id()).orElseThrow();
        err.println(Messages.text("cli.todo.skipped", it.titleOrEmpty(), day(it.due(), store.today())));
        printNext(store, step, it);
        return 0;
    }

    int edit(TodoStore store, Args a) {
        String ref = a.one("edit", "ID");
        Map<String, String> o = a.options();
        if (o.isEmpty()) {
            throw new UsageError(Messages.text("cli.todo.editNothing", String.join(", ", DetailOptions.NAMES)));
        }
        DetailOptions.Details d = DetailOptions.read("edit", o, in, store.today());
        if (o.containsKey("--title") && o.get("--title").isBlank()) {
            throw new UsageError(Messages.text("cli.todo.editEmptyTitle"));
        }
        Item it = resolve(store, ref);
        LocalDate dueForRemind = d.due() != null ? d.due().value() : it.dueDate();
        if (dueForRemind == null && d.at() != null && !d.at().clears()) {
            // A time needs a date: on an undated todo, the next time it comes.
            dueForRemind = TodoDraft.nextDay(d.at().value(), ZonedDateTime.now(store.dateClock()));
        }
        LocalDate timedDue = dueForRemind;
        Long remindAt = d.remind() != null && !d.remind().clears()
                ? d.remind().value().at(dueForRemind, ZonedDateTime.now(store.dateClock())) : null;
        LocalDate today = store.today();
        String listId = d.list() != null ? DetailOptions.listId(store, d.list(), err) : it.listId();
        Optional<LocalDate> start = OutlineCommands.start(o, today);
        Boolean someday = OutlineCommands.someday(o);
        store.update(it.id(), cur -> {
            Item r = cur;
            if (o.containsKey("--title")) {
                r = r.withTitle(o.get("--title").strip());
            }
            if (d.notes() != null) {
                r = r.withNotes(d.notes().isEmpty() ? null : d.notes());
            }
            if (d.due() != null) {
                r = r.withDue(d.due().value());
                if (d.due().clears()) {
                    r = r.withDueTime(null); // no time without a date
                }
            }
            if (d.at() != null) {
                r = (r.dueDate() == null ? r.withDue(timedDue) : r).withDueTime(d.at().value());
            }
            if (d.length() != null) {
                r = r.withDuration(d.length().clears() ? null : d.length().value().longValue());
            }
            if (d.list() != null) {
                r = r.withListId(listId);
            }
            if (d.priority() != null) {
                r = r.withPriority(d.priority().value());
            }
            if (d.repeat() != null) {
                r = SeriesStore.withRule(r, d.repeat().value(), today);
            }
            if (d.remind() != null) {
                r = r.withRemindAt(remindAt);
            }
            if (d.note() != null) {
                r = r.withNote(d.note());
            }
            if (start != null) {
                r = r.withStart(start.orElse(null));
            }
            if (someday != null) {
                r = r.withSomeday(someday);
            }
            return r;
        });
        if (d.tags() != null) {
            store.tags().set(it.id(), d.tags().clears() ? List.of() : d.tags().value());
        }
        err.println(Messages.text("cli.todo.edited", store.get(it.id()).map(Item::titleOrEmpty).orElse(it.titleOrEmpty())));
        return 0;
    }

    int rm(TodoStore store, Args a) {
        Item it = resolve(store, a.one("rm", "ID"));
        int n = store.verbs().trash(it.id()).size();
        err.println(Messages.text("cli.todo.trashed", it.titleOrEmpty(), Math.max(0, n - 1)));
        return 0;
    }

    /** A date for a person ("Fri 27 Nov"), with its year when not this one; a due date as stored otherwise. */
    private static String day(String isoDate, LocalDate today) {
        try {
            return Formats.day(LocalDate.parse(isoDate), today);
        } catch (DateTimeParseException e) {
            return isoDate;
        }
    }
}
