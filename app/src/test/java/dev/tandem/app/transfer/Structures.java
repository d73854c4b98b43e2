package dev.tandem.app.transfer;

import dev.tandem.app.model.Item;


import dev.tandem.app.model.Section;

import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.outline.Outline;
import dev.tandem.app.model.outline.OutlineStore;
import dev.tandem.app.model.outline.SectionStore;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A list with sections, three levels of subtasks, a user's order, a start date, Someday and a folded todo. */
final class Structures {
    static final String LIST = "Move house";

    private Structures() {
    }

    /**
     * Seeds {@link #LIST}:
     * <pre>
     * Book the van (starts 2026-11-30)
     *   Compare prices
     *     Ask Sam
     *   Pay deposit
     * #This week
     * Pack books        (added after Pack kitchen, moved before it)
     * Pack kitchen      (folded)
     *   Wrap plates
     * #Later
     * Sell the sofa     (Someday)
     * </pre>
     */
    static TodoList seed(TodoStore store) {
        TodoList list = store.createList(LIST);
        SectionStore sections = new SectionStore(store);
        OutlineStore outline = new OutlineStore(store);
        Section week = sections.create(list.id(), "This week");
        Section later = sections.create(list.id(), "Later");
        Item van = add(store, "Book the van", list.id(), null);
        store.update(van.id(), it -> it.withStart(LocalDate.of(2026, 11, 30)));
        Item compare = add(store, "Compare prices", list.id(), van.id());
        add(store, "Ask Sam", list.id(), compare.id());
        add(store, "Pay deposit", list.id(), van.id());
        Item kitchen = add(store, "Pack kitchen", list.id(), null);
        outline.move(kitchen.id(), new OutlineStore.Target(list.id(), null, week.id(), null));
        add(store, "Wrap plates", list.id(), kitchen.id());
        outline.setCollapsed(kitchen.id(), true);
        Item books = add(store, "Pack books", list.id(), null);
        outline.move(books.id(), new OutlineStore.Target(list.id(), null, week.id(), kitchen.id()));
        Item sofa = add(store, "Sell the sofa", list.id(), null);
        outline.move(sofa.id(), new OutlineStore.Target(list.id(), null, later.id(), null));
        store.update(sofa.id(), it -> it.withSomeday(true));
        return list;
    }

    private static Item add(TodoStore store, String title, String listId, String parentId) {
        return store.add(title, null, listId, parentId, null, TodoDetails.NONE).item();
    }

    /**
     * The outline of the list called {@code name}, as {@link Outline#of} makes it, in words: "#Section",
     * a todo indented two spaces a level, with its start date, Someday and folding; folded subtasks show too.
     */
    static List<String> outline(TodoStore store, String name) {
        TodoList list = store.lists().stream().filter(l -> l.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no list " + name + " in " + store.lists()));
        List<Item> items = store.writeAll(tx -> tx.query(Item.class, "SELECT * FROM items WHERE listId = ? AND trashedAt IS NULL",
                list.id())).stream().map(i -> i.isCollapsed() ? i.withCollapsed(false).withTitle(i.title() + " (folded)") : i)
                .toList();
        List<Section> sections = new SectionStore(store).sections(list.id());
        return Outline.of(items, sections, Map.of()).stream().map(l -> l.isSection() ? "#" + l.section().name()
                : "  ".repeat(l.depth()) + l.item().title() + (l.item().start() == null ? "" : " @" + l.item().start())
                + (l.item().isSomeday() ? " ~someday" : "")).toList();
    }

    static final List<String> SEEDED = List.of(
            "Book the van @2026-11-30",
            "  Compare prices",
            "    Ask Sam",
            "  Pay deposit",
            "#This week",
            "Pack books",
            "Pack kitchen (folded)",
            "  Wrap plates",
            "#Later",
            "Sell the sofa ~someday");
}
