package dev.tandem.app.mcp;

import static dev.tandem.app.mcp.ToolArgs.integer;
import static dev.tandem.app.mcp.ToolArgs.schema;
import static dev.tandem.app.mcp.ToolArgs.string;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.Listing;

import dev.tandem.app.model.TextLimits;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.outline.OutlineStore;
import dev.tandem.app.text.QuickAddPlan;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The tools that write, offered only under {@code --write}: add (quick-add text in the profile's language, or a
 * title and fields), add a subtask, edit, complete, reopen, reschedule, move, append to a note. Each is one write of
 * the model's, as the window's and the command line's are: it syncs, and the item's history keeps the version before
 * it (restorable there). None deletes, and none reaches keys, sync, sharing or backups.
 *
 * <p>Scope. An item is checked against the server's lists inside the write's own transaction where the model lets
 * a write read first ({@link TodoStore#update}), so an item moved out of them meanwhile is not written; a list a todo
 * is added to or moved to must be one of them (no list is made under {@code --lists}).
 */
final class WriteTools {
    /** The most text {@code append_note} appends in one call. */
    static final int MAX_APPEND = 100_000;

    private final TodoStore store;
    private final McpScope scope;
    private final ItemAnswers items;

    WriteTools(TodoStore store, McpScope scope) {
        this.store = store;
        this.scope = scope;
        this.items = new ItemAnswers(store);
    }

    List<Tool> tools() {
        Map<String, Object> id = string("The item's id", 100);
        return List.of(
                new Tool("add_todo", "Add a todo",
                        "Adds a todo. text is read as Tandem's quick add reads it, in the user's language: \"Call Sam"
                                + " tomorrow 3pm p1 #Work @phone\" sets the date, time, priority, list and tag; \"note: ...\""
                                + " adds a note. With parse false the text is the title as it is. list, due, priority and notes"
                                + " set those fields over what the text says. Answers the item added.",
                        schema(Map.of("text", string("Quick-add text, or the title", TextLimits.MAX_TITLE_CHARS),
                                "parse", Map.of("type", "boolean", "description", "Read the text as quick add (default true)"),
                                "list", string("A list's name", TextLimits.MAX_NAME_CHARS),
                                "due", string("A day: 2026-05-04, today, tomorrow, fri", 100),
                                "priority", integer("1 (highest) to 4", 1, 4),
                                "notes", string("The notes", MAX_APPEND)), "text"),
                        false, this::add),
                new Tool("add_subtask", "Add a subtask",
                        "Adds a todo under another one (in its list), its text read as quick add reads it.",
                        schema(Map.of("parentId", string("The parent todo's id", 100),
                                "text", string("Quick-add text", TextLimits.MAX_TITLE_CHARS)), "parentId", "text"),
                        false, this::addSubtask),
                new Tool("edit_item", "Edit an item",
                        "Sets an item's title, notes (replacing them), priority (0 clears it) or tags (replacing them).",
                        schema(Map.of("id", id, "title", string("The new title", TextLimits.MAX_TITLE_CHARS),
                                "notes", string("The new notes", MAX_APPEND),
                                "priority", integer("1 (highest) to 4; 0 for none", 0, 4),
                                "tags", Map.of("type", "array", "maxItems", 50,
                                        "items", Map.of("type", "string", "maxLength", 200))), "id"),
                        false, this::edit),
                new Tool("complete", "Complete a todo",
                        "Marks a todo done; a repeating one moves on to its next date.",
                        schema(Map.of("id", id), "id"), false, a -> setDone(a, true)),
                new Tool("reopen", "Reopen a todo", "Marks a done todo open again.",
                        schema(Map.of("id", id), "id"), false, a -> setDone(a, false)),
                new Tool("reschedule", "Reschedule a todo",
                        "Sets a todo's due day (2026-05-04, tomorrow, fri), or clears it with \"none\".",
                        schema(Map.of("id", id, "due", string("The day, or none", 100)), "id", "due"),
                        false, this::reschedule),
                new Tool("move_item", "Move an item",
                        "Moves an item (with its subtasks) to a list by name (\"Inbox\" for none), or under another todo.",
                        schema(Map.of("id", id, "list", string("A list's name", TextLimits.MAX_NAME_CHARS),
                                "parentId", string("The new parent todo's id", 100)), "id"),
                        false, this::move),
                new Tool("append_note", "Append to notes",
                        "Appends text to an item's notes, after a blank line.",
                        schema(Map.of("id", id, "text", string("The text to append", MAX_APPEND)), "id", "text"),
                        false, this::append));
    }

    private Map<String, Object> add(ToolArgs a) {
        String text = a.required("text", TextLimits.MAX_TITLE_CHARS).strip();
        String notes = a.text("notes", MAX_APPEND);
        boolean parse = !Boolean.FALSE.equals(a.values().get("parse"));
        QuickAddPlan plan = parse ? QuickAddPlan.read(text, List.of(), new Listing.BuiltInListing(Listing.BuiltIn.INBOX),
                ZonedDateTime.now(store.dateClock())) : null;
        if (plan != null && plan.problem(text).isPresent()) {
            throw new ToolArgs.Refused(plan.problem(text).get());
        }
        String title = plan == null ? text : plan.title();
        TodoDetails d = plan == null ? TodoDetails.NONE : plan.details();
        if (a.has("priority") && !d.note()) {
            d = new TodoDetails(a.number("priority", 1, 4, 0), d.tags(), d.repeat(), d.remindAt(), false, d.time(),
                    d.minutes(), d.start(), d.someday());
        }
        TodoDetails details = d;
        LocalDate due = d.note() ? null : a.has("due") ? a.date("due") : plan == null ? null : plan.due();
        String named = a.has("list") ? a.text("list", TextLimits.MAX_NAME_CHARS) : plan == null ? null : plan.draft().listName();
        String listName = scope.limited() ? null : named;
        String listId = !scope.limited() ? null : named == null ? scope.listIds().get(0) : visibleList(named);
        TodoStore.Added added = refusing(() -> store.add(title, listName, listId, due, details));
        if (notes != null && !notes.isEmpty()) {
            refusing(() -> store.update(added.item().id(), it -> it.withNotes(notes)));
        }
        return answer(added.item().id(), added.createdList() == null ? null
                : "A list named \"" + ItemAnswers.cut(added.createdList().name(), 200) + "\" was made for it.");
    }

    private Map<String, Object> addSubtask(ToolArgs a) {
        Item parent = scope.item(store, a.required("parentId", 100));
        String text = a.required("text", TextLimits.MAX_TITLE_CHARS).strip();
        QuickAddPlan plan = QuickAddPlan.read(text, List.of(), new Listing.BuiltInListing(Listing.BuiltIn.INBOX),
                ZonedDateTime.now(store.dateClock()));
        Optional<String> problem = plan.problem(text);
        if (problem.isPresent()) {
            throw new ToolArgs.Refused(problem.get());
        }
        TodoStore.Added added = refusing(() -> store.add(plan.title(), null, parent.listId(), parent.id(), plan.due(),
                plan.details()));
        return answer(added.item().id(), null);
    }

    private Map<String, Object> edit(ToolArgs a) {
        String id = scope.item(store, a.required("id", 100)).id();
        String title = a.text("title", TextLimits.MAX_TITLE_CHARS);
        String notes = a.text("notes", MAX_APPEND);
        Integer priority = a.has("priority") ? a.number("priority", 0, 4, 0) : null;
        List<String> tags = a.strings("tags", 50, 200);
        if (title != null && title.isBlank()) {
            throw new ToolArgs.Refused("title must not be empty");
        }
        write(id, it -> {
            Item next = it;
            next = title == null ? next : next.withTitle(title.strip());
            next = notes == null ? next : next.withNotes(notes);
            return priority == null ? next : next.withPriority(priority == 0 ? null : priority);
        });
        if (tags != null) {
            refusing(() -> store.tags().set(id, tags));
        }
        return answer(id, null);
    }

    private Map<String, Object> setDone(ToolArgs a, boolean done) {
        Item it = scope.item(store, a.required("id", 100));
        if (it.isNote()) {
            throw new ToolArgs.Refused("A note is never done");
        }
        if (done && !it.isDone()) {
            Optional<Item> next = refusing(() -> store.verbs().complete(it.id(), false, scope::sees))
                    .orElseThrow(() -> unseen(it.id())).next();
            Map<String, Object> m = answer(it.id(), null);
            next.ifPresent(n -> m.put("next", items.brief(n)));
            return m;
        }
        if (!done) {
            refusing(() -> store.verbs().reopen(it.id(), scope::sees)).orElseThrow(() -> unseen(it.id()));
        }
        return answer(it.id(), null);
    }

    private Map<String, Object> reschedule(ToolArgs a) {
        String id = scope.item(store, a.required("id", 100)).id();
        String said = a.required("due", 100).strip();
        LocalDate due = said.equalsIgnoreCase("none") ? null : a.date("due");
        write(id, it -> it.withDue(due));
        return answer(id, null);
    }

    private Map<String, Object> move(ToolArgs a) {
        Item it = scope.item(store, a.required("id", 100));
        OutlineStore.Target target;
        if (a.has("parentId")) {
            Item parent = scope.item(store, a.required("parentId", 100));
            target = new OutlineStore.Target(parent.listId(), parent.id(), null, null);
        } else if (a.has("list")) {
            String name = a.required("list", TextLimits.MAX_NAME_CHARS).strip();
            String listId = name.equalsIgnoreCase("inbox") && !scope.limited() ? null : visibleList(name);
            target = new OutlineStore.Target(listId, null, null, null);
        } else {
            throw new ToolArgs.Refused("Say where: list or parentId");
        }
        refusing(() -> new OutlineStore(store).move(it.id(), target));
        return answer(it.id(), null);
    }

    private Map<String, Object> append(ToolArgs a) {
        String id = scope.item(store, a.required("id", 100)).id();
        String text = a.required("text", MAX_APPEND);
        write(id, it -> it.withNotes(it.notes() == null || it.notes().isEmpty() ? text : it.notes() + "\n\n" + text));
        return answer(id, null);
    }

    /** The id of the list named {@code name} that this server sees; refused as unknown otherwise. */
    private String visibleList(String name) {
        return store.findList(name.strip()).map(TodoList::id).filter(scope::seesList)
                .orElseThrow(() -> new ToolArgs.Refused("No list is called \"" + ItemAnswers.cut(name.strip(), 200) + "\""
                        + (scope.limited() ? " among the lists this server may see" : "")));
    }

    /** {@code patch} applied in one transaction that checks, first, that the item is still one this server sees. */
    private void write(String id, UnaryOperator<Item> patch) {
        refusing(() -> store.update(id, it -> {
            if (!scope.sees(it)) {
                throw unseen(id);
            }
            return patch.apply(it);
        }));
    }

    /** The refusal of an item this server may not see (or that is gone), checked in the write's transaction. */
    private static ToolArgs.Refused unseen(String id) {
        return new ToolArgs.Refused("No item has the id \"" + id + "\" in the lists this server may see");
    }

    private Map<String, Object> answer(String id, String said) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("item", items.brief(store.get(id).orElseThrow()));
        if (said != null) {
            m.put("note", said);
        }
        return m;
    }

    /** The model's refusals (a title too long, a subtask too deep) said as the tool's error. */
    private static <T> T refusing(Supplier<T> write) {
        try {
            return write.get();
        } catch (ToolArgs.Refused e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new ToolArgs.Refused(e.getMessage() == null ? "Refused" : e.getMessage());
        }
    }
}
