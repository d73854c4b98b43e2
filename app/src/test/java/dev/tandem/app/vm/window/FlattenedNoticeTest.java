package dev.tandem.app.vm.window;

import dev.tandem.app.model.outline.Outline;
import dev.tandem.app.vm.shared.ItemRow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.app.model.Item;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The count line says when an outline shows subtasks flattened at the depth limit, and only then. */
@Tag("unit")
class FlattenedNoticeTest {
    private static List<ItemRow> chain(int depth) {
        List<Item> items = new ArrayList<>();
        String parent = null;
        for (int k = 0; k < depth; k++) {
            Item it = new Item("id" + String.format("%05d", k), "list", "level " + k, null, null, 0L, null, null, 1L)
                    .withParentId(parent);
            items.add(it);
            parent = it.id();
        }
        return Outline.of(items, List.of(), Map.of()).stream().map(ItemRow::of).toList();
    }

    @Test
    void flattened_chainPastTheLimit_isSaid() {
        List<ItemRow> rows = chain(Outline.MAX_DEPTH + 5);
        assertTrue(ViewChrome.flattened(rows));
        assertEquals(Outline.MAX_DEPTH, rows.get(rows.size() - 1).depth());
        assertEquals("Subtasks deeper than 32 levels are shown at level 32.", Outline.flattenedNotice());
    }

    @Test
    void flattened_chainAtTheLimit_isNotSaid() {
        List<ItemRow> rows = chain(Outline.MAX_DEPTH + 1);
        assertEquals(Outline.MAX_DEPTH, rows.get(rows.size() - 1).depth());
        assertFalse(ViewChrome.flattened(rows));
    }
}
