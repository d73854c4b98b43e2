package dev.tandem.app.vm.shared;

import dev.tandem.app.model.Item;
import dev.tandem.app.model.Listing;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.text.DueDates;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

/**
 * The words and marks beside a row's title, as of today: when it is due, when it starts, how urgent,
 * and which list it is in where the view is not that list. Read on the UI thread from what the window
 * already holds (the lists, the day), never from the database.
 */
public final class RowLabels {
    private final Supplier<LocalDate> today;
    private final Supplier<Listing> view;
    private final List<TodoList> lists;

    public RowLabels(Supplier<LocalDate> today, Supplier<Listing> view, List<TodoList> lists) {
        this.today = today;
        this.view = view;
        this.lists = lists;
    }

    /** "Today", "Tomorrow 14:00 · 30 min", "Fri 27 Nov"…; "" without a due date or length. */
    public String dueText(ItemRow row) {
        Item it = row.item();
        if (it == null) {
            return "";
        }
        return DueDates.format(it.dueDate(), it.timeOfDay(), it.lengthMinutes(), today.get());
    }

    /** "starts Mon" for a start date still ahead; "" otherwise. */
    public String startText(ItemRow row) {
        return StartText.of(row.startDate(), today.get());
    }

    public DueUrgency dueUrgency(ItemRow row) {
        if (row.isSection()) {
            return DueUrgency.NONE;
        }
        LocalDate d = row.item().dueDate();
        if (d == null || row.isDone()) {
            return DueUrgency.NONE;
        }
        return switch (DueDates.urgency(d, today.get())) {
            case OVERDUE -> DueUrgency.OVERDUE;
            case TODAY -> DueUrgency.TODAY;
            default -> DueUrgency.NONE;
        };
    }

    /** The list a row belongs to, shown outside that list's own view; null when not shown. */
    public String listLabel(ItemRow row) {
        String listId = row.listId();
        if (view.get() instanceof Listing.UserListing || listId == null || row.isOutlined()) {
            return null;
        }
        return lists.stream().filter(l -> l.id().equals(listId)).findFirst().map(TodoList::name).orElse(null);
    }
}
