package dev.tandem.app.cli;

import dev.tandem.app.cli.Cli.Failure;
import dev.tandem.app.cli.Cli.UsageError;
import dev.tandem.app.model.Item;


import dev.tandem.app.model.Section;

import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.TreeDepth;
import dev.tandem.app.model.outline.Outline;
import dev.tandem.app.model.outline.OutlineStore;
import dev.tandem.app.model.outline.SectionStore;
import dev.tandem.app.model.outline.Subtrees;
import dev.tandem.app.text.DatePhrases;
import dev.tandem.ui.messages.Messages;
import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The structure from the command line: where a todo sits (--parent, --section, --start, --someday on add and
 * edit; {@code move} with --parent, --top, --section, --before, --list) and {@code sections}. Sections are
 * named and made on first use, as lists are.
 */
final class OutlineCommands {
    private final PrintStream out;
    private final PrintStream err;

    OutlineCommands(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** --start DATE: a date as --due reads it; "none" (edit) clears it. */
    static Optional<LocalDate> start(Map<String, String> o, LocalDate today) {
        if (!o.containsKey("--start")) {
            return null;
        }
        String v = o.get("--start").strip();
        if (v.isEmpty() || v.equalsIgnoreCase("none")) {
            return Optional.empty();
        }
        return Optional.of(DatePhrases.parse(v, today).orElseThrow(() -> new UsageError(
                Messages.text("cli.outline.badStart", v))));
    }

    /** --someday yes|no (edit). */
    static Boolean someday(Map<String, String> o) {
        if (!o.containsKey("--someday")) {
            return null;
        }
        String v = o.get("--someday").strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "yes", "true", "1" -> true;
            case "no", "false", "0", "none" -> false;
            default -> throw new UsageError(Messages.text("cli.outline.badSomeday", v));
        };
    }

    /** The parent todo --parent names (null when not given), refusing a note or a missing todo. */
    static String parentId(TodoStore store, Map<String, String> o) {
        if (!o.containsKey("--parent")) {
            return null;
        }
        Item p = TodoCommands.resolve(store, o.get("--parent").strip());
        if (p.isTrashed()) {
            throw new Failure(Messages.text("cli.outline.parentTrashed", p.titleOrEmpty()));
        }
        return p.id();
    }

    /** Puts the just-added or edited todo in --section NAME of its list, made if the list has none so named. */
    void placeInSection(TodoStore store, String itemId, String sectionName) {
        Item it = store.get(itemId).orElseThrow();
        if (it.hasParent()) {
            throw new Failure(Messages.text("cli.outline.subtaskSection", it.titleOrEmpty()));
        }
        String sectionId = sectionName == null || sectionName.isBlank() || sectionName.equalsIgnoreCase("none") ? null
                : sectionId(store, it.listId(), sectionName);
        new OutlineStore(store).move(itemId, new OutlineStore.Target(it.listId(), null, sectionId, null));
    }

    private String sectionId(TodoStore store, String listId, String name) {
        if (listId == null || store.list(listId).isEmpty()) {
            throw new Failure(Messages.text("cli.outline.inboxNoSections"));
        }
        SectionStore sections = new SectionStore(store);
        return sections.sections(listId).stream().filter(s -> name.strip().equalsIgnoreCase(s.name())).map(Section::id)
                .findFirst().orElseGet(() -> {
                    err.println(Messages.text("cli.outline.sectionCreated", name.strip()));
                    return sections.create(listId, name).id();
                });
    }

    /** tandem move ID [--parent ID | --top] [--section NAME|none] [--before ID] [--list NAME] */
    int move(TodoStore store, Args a) {
        Item it = TodoCommands.resolve(store, a.one("move", "ID"));
        Map<String, String> o = a.options();
        if (o.isEmpty() && a.flags().isEmpty()) {
            throw new UsageError(Messages.text("cli.outline.moveWhere"));
        }
        String parent = a.flags().contains("--top") ? null : o.containsKey("--parent") ? parentId(store, o) : it.parentId();
        String listId = o.containsKey("--list") ? DetailOptions.listId(store, o.get("--list"), err) : it.listId();
        String before = o.containsKey("--before") ? TodoCommands.resolve(store, o.get("--before").strip()).id() : null;
        String section = parent != null ? null : o.containsKey("--section")
                ? (o.get("--section").equalsIgnoreCase("none") ? null : sectionId(store, listId, o.get("--section")))
                : it.sectionId();
        try {
            OutlineStore.Moved m = new OutlineStore(store).move(it.id(),
                    new OutlineStore.Target(listId, parent, section, before));
            err.println(Messages.text(m.isEmpty() ? "cli.outline.alreadyThere" : "cli.outline.moved", it.titleOrEmpty()));
        } catch (TreeDepth.TooDeepException e) {
            throw new Failure(Messages.text("cli.outline.cannotGo", it.titleOrEmpty(), e.getMessage()));
        } catch (IllegalArgumentException e) {
            throw new Failure(Messages.text("cli.outline.cycle", it.titleOrEmpty()));
        }
        return 0;
    }

    /** tandem sections LIST: the list's sections in order, with their open todos counted. */
    int sections(TodoStore store, Args a) {
        String name = a.one("sections", "LIST");
        TodoList list = store.findList(name).orElseThrow(() -> new Failure(Messages.text("cli.todo.noSuchList", name)));
        List<Section> all = new SectionStore(store).sections(list.id());
        if (all.isEmpty()) {
            err.println(Messages.text("cli.outline.noSections", list.name()));
        }
        all.forEach(s -> out.println(s.name()));
        return 0;
    }

    /** The outline of one list, as `list --list` prints it: sections as headings, subtasks indented. */
    static List<Outline.Line> outline(TodoStore store, String listId, List<Item> items) {
        List<Section> sections = listId == null ? List.of()
                : new SectionStore(store).sections(listId).stream().map(s -> s.withCollapsed(false)).toList();
        return Outline.of(items.stream().map(i -> i.withCollapsed(false)).toList(), sections, Map.of());
    }

    /** Refuses to complete a parent with open subtasks unless --with-subtasks says to complete them too. */
    static void refuseOpenSubtasks(TodoStore store, Item it, boolean withSubtasks) {
        int open = withSubtasks ? 0 : new Subtrees(store).openUnder(it.id()).size();
        if (open > 0) {
            throw new Failure(Messages.text("cli.outline.openSubtasks", it.titleOrEmpty(), open,
                    TodoCommands.shortId(it.id())));
        }
    }
}
