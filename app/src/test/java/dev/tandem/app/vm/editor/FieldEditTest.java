package dev.tandem.app.vm.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tandem.app.model.Item;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class FieldEditTest {
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private final Item base = Item.create("Buy milk", "l1", DAY, 1_000L);

    @Test
    void patch_sameValues_isNull() {
        assertNull(new FieldEdit("Buy milk", "", DAY, "l1", false).patch(base));
    }

    @Test
    void patch_blankTitle_keepsTheStoredTitle() {
        assertNull(new FieldEdit("  ", "", DAY, "l1", false).patch(base));
    }

    @Test
    void patch_titleOnly_leavesAFieldChangedMeanwhileAlone() {
        UnaryOperator<Item> p = new FieldEdit(" Buy oat milk ", "", DAY, "l1", false).patch(base);
        Item changedElsewhere = base.withListId("l2");
        Item saved = p.apply(changedElsewhere);
        assertEquals("Buy oat milk", saved.title());
        assertEquals("l2", saved.listId());
    }

    @Test
    void patch_dueRemoved_removesTheTimeToo() {
        Item timed = base.withDueTime(LocalTime.of(9, 30));
        Item saved = new FieldEdit("Buy milk", "", null, "l1", false).patch(timed).apply(timed);
        assertNull(saved.dueDate());
        assertNull(saved.dueTime());
    }

    @Test
    void reverse_afterAnEdit_putsBackOnlyWhatItChanged() {
        Item edited = new FieldEdit("Buy milk", "", DAY.plusDays(1), "l1", false).patch(base).apply(base);
        assertEquals(DAY.plusDays(1), edited.dueDate());
        Item laterRenamed = edited.withTitle("Buy bread");
        Item back = FieldEdit.reverse(base, edited).apply(laterRenamed);
        assertEquals(DAY, back.dueDate());
        assertEquals("Buy bread", back.title());
    }
}
