package dev.tandem.app.vm.outline;


import dev.tandem.app.model.outline.OutlineStore;
import dev.tandem.app.vm.shared.ItemRow;
import java.util.List;
import java.util.Optional;

/**
 * Where a row dragged in a list's outline goes, from the rows as shown and the row it was dropped on:
 * above or below a row is before or after it as its sibling, the middle of a todo's row makes the dragged
 * todo its last subtask, and a section's header takes it in as the section's first todo. A dragged header
 * goes before the next header at or after where it is dropped. Pure: the view hands in what it shows.
 */
public final class OutlineDrop {
    private OutlineDrop() {
    }

    /** Where on a row the pointer is. */
    public enum Zone {
        ABOVE, INTO, BELOW;

        /** The zone at {@code y} of a row {@code height} high: its top and bottom quarters are above and below. */
        public static Zone at(double y, double height, boolean into) {
            if (!into) {
                return y < height / 2 ? ABOVE : BELOW;
            }
            return y < height / 4 ? ABOVE : y > height * 3 / 4 ? BELOW : INTO;
        }
    }

    /** A todo's move ({@code target}) or a section's ({@code beforeSection}, null: last). */
    public record Plan(String id, OutlineStore.Target target, boolean section, String beforeSection) {
        static Plan todo(String id, OutlineStore.Target t) {
            return new Plan(id, t, false, null);
        }

        static Plan header(String sectionId, String before) {
            return new Plan(sectionId, null, true, before);
        }
    }

    /**
     * The move for {@code dragged} (a row's key) dropped on row {@code at} of {@code rows} in {@code zone};
     * {@code at} beyond the rows means below the last. Empty when the drop means nothing (on itself, into its
     * own subtree, a header on nothing).
     */
    public static Optional<Plan> plan(List<ItemRow> rows, String listId, String dragged, int at, Zone zone) {
        int from = indexOf(rows, dragged);
        if (from < 0) {
            return Optional.empty();
        }
        ItemRow moving = rows.get(from);
        if (moving.isSection()) {
            int start = at >= rows.size() ? rows.size() : zone == Zone.ABOVE ? at : at + 1;
            if (at < rows.size() && zone == Zone.INTO) {
                start = rows.get(at).isSection() ? at : at + 1;
            }
            String before = null;
            for (int k = start; k < rows.size(); k++) {
                if (rows.get(k).isSection() && !rows.get(k).id().equals(dragged)) {
                    before = rows.get(k).sectionId();
                    break;
                }
            }
            return Optional.of(Plan.header(moving.sectionId(), before));
        }
        if (at >= rows.size()) {
            // Below the last row: the end of the last section (or of the list when it has none).
            String section = null;
            for (int k = rows.size() - 1; k >= 0 && section == null; k--) {
                if (rows.get(k).isSection()) {
                    section = rows.get(k).sectionId();
                }
            }
            return Optional.of(Plan.todo(dragged, new OutlineStore.Target(listId, null, section, null)));
        }
        if (at == from || isInSubtree(rows, from, at)) {
            return Optional.empty();
        }
        ItemRow target = rows.get(at);
        if (target.isSection()) {
            if (zone == Zone.ABOVE) {
                // Above a header: the end of what comes before it (the section above, or the list's top).
                String section = sectionOf(rows, at - 1);
                return Optional.of(Plan.todo(dragged, new OutlineStore.Target(listId, null, section, null)));
            }
            String first = at + 1 < rows.size() && !rows.get(at + 1).isSection() ? rows.get(at + 1).id() : null;
            if (first != null && first.equals(dragged)) {
                first = nextSibling(rows, at + 1);
            }
            return Optional.of(Plan.todo(dragged, new OutlineStore.Target(listId, null, target.sectionId(), first)));
        }
        String section = target.depth() == 0 ? sectionOf(rows, at) : null;
        return switch (zone) {
            case INTO -> Optional.of(Plan.todo(dragged, new OutlineStore.Target(listId, target.id(), null, null)));
            case ABOVE -> Optional.of(Plan.todo(dragged, new OutlineStore.Target(listId, target.parentId(), section,
                    target.id())));
            case BELOW -> {
                String next = nextSibling(rows, at);
                if (dragged.equals(next)) {
                    yield Optional.empty(); // already right after it
                }
                yield Optional.of(Plan.todo(dragged, new OutlineStore.Target(listId, target.parentId(), section, next)));
            }
        };
    }

    /** The key of the sibling after row {@code at} (the next row at its depth before a shallower one); null if last. */
    static String nextSibling(List<ItemRow> rows, int at) {
        int depth = rows.get(at).depth();
        for (int k = at + 1; k < rows.size(); k++) {
            ItemRow r = rows.get(k);
            if (r.isSection() || r.depth() < depth) {
                return null;
            }
            if (r.depth() == depth) {
                return r.id();
            }
        }
        return null;
    }

    /** Whether row {@code at} lies under row {@code from}: after it, deeper, with no shallower row between. */
    static boolean isInSubtree(List<ItemRow> rows, int from, int at) {
        if (at <= from) {
            return false;
        }
        int depth = rows.get(from).depth();
        for (int k = from + 1; k <= at; k++) {
            if (rows.get(k).isSection() || rows.get(k).depth() <= depth) {
                return false;
            }
        }
        return true;
    }

    /** The section whose header is the nearest above row {@code at} (inclusive); null at the list's top. */
    static String sectionOf(List<ItemRow> rows, int at) {
        for (int k = at; k >= 0; k--) {
            if (rows.get(k).isSection()) {
                return rows.get(k).sectionId();
            }
        }
        return null;
    }

    static int indexOf(List<ItemRow> rows, String key) {
        for (int k = 0; k < rows.size(); k++) {
            if (rows.get(k).id().equals(key)) {
                return k;
            }
        }
        return -1;
    }
}
