package dev.tandem.app.cli;

import dev.tandem.app.cli.Cli.Failure;
import dev.tandem.app.cli.Cli.UsageError;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.text.DatePhrases;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The commands that read and change todos in the local database: add, list, done, undone, edit, rm.
 * They take an id as the full id or a unique part of it (see resolve), since a whole UUID is
 * too long to type.
 */
final class TodoCommands {
    private final PrintStream out;
    private final PrintStream err;

    TodoCommands(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    private LocalDate parseDate(String text, TodoStore store) {
        return DatePhrases.parse(text, store.today()).orElseThrow(() ->
                new UsageError("cannot read the date '" + text + "'; try today, tomorrow, fri, next week, in 3 days or 2026-12-01"));
    }

    private String listIdFor(TodoStore store, String name) {
        if (name == null) {
            return null;
        }
        if (name.isBlank() || name.equalsIgnoreCase("inbox")) {
            return null;
        }
        return store.findList(name).map(TodoList::id).orElseGet(() -> {
            TodoList l = store.createList(name);
            err.println("Created list “" + l.name() + "”");
            return l.id();
        });
    }

    int add(TodoStore store, Args a) {
        String title = String.join(" ", a.positional()).strip();
        if (title.isEmpty()) {
            throw new UsageError("add: give a title, e.g. tandem add \"Buy milk\" --due tomorrow");
        }
        LocalDate due = a.options().containsKey("--due") ? parseDate(a.options().get("--due"), store) : null;
        Item it = store.add(title, listIdFor(store, a.options().get("--list")), due);
        out.println(it.id());
        return 0;
    }

    int list(TodoStore store, Args a) {
        if (!a.positional().isEmpty()) {
            throw new UsageError("list: unexpected argument " + a.positional().get(0));
        }
        Map<String, String> listNames = store.lists().stream()
                .collect(Collectors.toMap(TodoList::id, l -> l.name() == null ? "" : l.name(), (x, y) -> x));
        String onlyList = null;
        if (a.options().containsKey("--list")) {
            String name = a.options().get("--list");
            onlyList = name.equalsIgnoreCase("inbox") ? "" : store.findList(name).map(TodoList::id)
                    .orElseThrow(() -> new Failure("no list called “" + name + "”"));
        }
        boolean all = a.flags().contains("--all");
        List<Item> items = new ArrayList<>();
        for (Item it : store.allItems()) {
            if (it.isTrashed() || (!all && it.isDone())) {
                continue;
            }
            if (onlyList != null) {
                String lid = it.listId() != null && listNames.containsKey(it.listId()) ? it.listId() : "";
                if (!lid.equals(onlyList)) {
                    continue;
                }
            }
            items.add(it);
        }
        if (a.flags().contains("--json")) {
            out.println("[" + items.stream().map(it -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", it.id());
                m.put("title", it.title());
                m.put("notes", it.notes());
                m.put("due", it.due());
                m.put("done", it.isDone());
                m.put("list", it.listId() == null ? null : listNames.get(it.listId()));
                m.put("listId", it.listId());
                return Json.object(m);
            }).collect(Collectors.joining(",\n ")) + "]");
            return 0;
        }
        if (items.isEmpty()) {
            err.println("No todos. Add one: tandem add \"Buy milk\" --due tomorrow");
            return 0;
        }
        for (Item it : items) {
            StringBuilder b = new StringBuilder();
            b.append(shortId(it.id())).append("  ").append(it.isDone() ? "[x] " : "[ ] ").append(it.titleOrEmpty());
            if (it.due() != null) {
                b.append("  (due ").append(it.due()).append(')');
            }
            if (it.listId() != null && listNames.containsKey(it.listId())) {
                b.append("  #").append(listNames.get(it.listId()));
            }
            if (it.hasNotes()) {
                b.append("  [notes]");
            }
            out.println(b);
        }
        return 0;
    }

    /** The last 8 characters: the random part of a UUIDv7, so it tells items apart. */
    static String shortId(String id) {
        return id.length() <= 8 ? id : id.substring(id.length() - 8);
    }

    private Item resolve(TodoStore store, String ref) {
        Optional<Item> exact = store.get(ref);
        if (exact.isPresent()) {
            return exact.get();
        }
        if (ref.length() < 4) {
            throw new Failure("no item with id " + ref + " (give at least 4 characters)");
        }
        String r = ref.toLowerCase(Locale.ROOT);
        List<Item> matches = store.allItems().stream()
                .filter(it -> it.id().toLowerCase(Locale.ROOT).startsWith(r)
                        || it.id().toLowerCase(Locale.ROOT).endsWith(r))
                .toList();
        if (matches.isEmpty()) {
            throw new Failure("no item with id " + ref + " (see tandem list --all)");
        }
        if (matches.size() > 1) {
            throw new Failure("id " + ref + " matches " + matches.size() + " items: "
                    + matches.stream().limit(5).map(Item::id).collect(Collectors.joining(", ")));
        }
        return matches.get(0);
    }

    int setDone(TodoStore store, Args a, boolean done) {
        Item it = resolve(store, a.one(done ? "done" : "undone", "ID"));
        store.setDone(it.id(), done);
        err.println((done ? "Done: " : "Reopened: ") + it.titleOrEmpty());
        return 0;
    }

    int edit(TodoStore store, Args a) {
        String ref = a.one("edit", "ID");
        Map<String, String> o = a.options();
        if (o.isEmpty()) {
            throw new UsageError("edit: say what to change: --title, --notes, --due or --list");
        }
        if (o.containsKey("--title") && o.get("--title").isBlank()) {
            throw new UsageError("edit: --title must not be empty");
        }
        LocalDate due = null;
        boolean clearDue = false;
        if (o.containsKey("--due")) {
            String d = o.get("--due").strip();
            if (d.equalsIgnoreCase("none") || d.isEmpty()) {
                clearDue = true;
            } else {
                due = parseDate(d, store);
            }
        }
        Item it = resolve(store, ref);
        String listId = o.containsKey("--list") ? listIdFor(store, o.get("--list")) : it.listId();
        LocalDate fDue = due;
        boolean fClear = clearDue;
        store.update(it.id(), cur -> {
            Item r = cur;
            if (o.containsKey("--title")) {
                r = r.withTitle(o.get("--title").strip());
            }
            if (o.containsKey("--notes")) {
                r = r.withNotes(o.get("--notes").isEmpty() ? null : o.get("--notes"));
            }
            if (fClear) {
                r = r.withDue(null);
            } else if (fDue != null) {
                r = r.withDue(fDue);
            }
            if (o.containsKey("--list")) {
                r = r.withListId(listId);
            }
            return r;
        });
        err.println("Edited: " + store.get(it.id()).map(Item::titleOrEmpty).orElse(it.titleOrEmpty()));
        return 0;
    }

    int rm(TodoStore store, Args a) {
        Item it = resolve(store, a.one("rm", "ID"));
        store.trash(it.id());
        err.println("Moved to Trash: " + it.titleOrEmpty());
        return 0;
    }
}
