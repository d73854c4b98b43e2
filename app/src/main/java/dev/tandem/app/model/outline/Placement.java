package dev.tandem.app.model.outline;

import dev.tandem.app.model.Item;

/**
 * Where a todo sits: its list, parent, section and rank. A move is the placements it changed, before and after
 * ({@link OutlineStore.Moved}), so undo and redo write back exactly those fields and nothing else a sync may
 * have changed meanwhile.
 */
public record Placement(String id, String listId, String parentId, String sectionId, String rank) {
    static Placement of(Item i) {
        return new Placement(i.id(), i.listId(), i.parentId(), i.sectionId(), i.rank());
    }

    Item applyTo(Item i) {
        return i.withListId(listId).withParentId(parentId).withSectionId(sectionId).withRank(rank);
    }
}
