package dev.tandem.app.vm.window;

import dev.tandem.app.model.outline.Outline;
import dev.tandem.app.vm.shared.EmptyState;
import dev.tandem.app.vm.shared.ItemRow;
import dev.tandem.app.fx.LiveList;
import dev.tandem.app.model.Listing;

import dev.tandem.app.text.filter.UnknownNames;
import dev.tandem.app.vm.agenda.AgendaPlan;
import dev.tandem.ui.messages.Messages;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * What the window shows around the current view's list, derived from the view, its rows and the
 * sidebar: the count line under the title, which controls apply (quick add, Empty Trash, the
 * conflicts instead of the list), the sidebar entry to highlight and what an empty list says. Kept
 * apart from {@link MainViewModel}, which decides what is shown; this only follows it. Properties
 * change on the UI executor only, when the view, the rows or the sidebar do.
 */
public final class ViewChrome {
    private final ObservableValue<Listing> view;
    private final LiveList<ItemRow> items;
    private final ObservableList<SidebarEntry> sidebar;
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper shownKey = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper quickAddShown = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper emptyTrashShown = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper planShown = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper conflictsShown = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper agendaShown = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper calendarShown = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper sortShown = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper searchSavable = new ReadOnlyBooleanWrapper(false);
    private final NoteCount notesShown = new NoteCount();
    private final ObservableValue<Boolean> tooSlow;

    /**
     * {@code view} is the view-model's own property: this is up to date before the view's other listeners hear of
     * it. {@code tooSlow}: the shown smart list or search ran past its budget.
     */
    ViewChrome(ObservableValue<Listing> view, LiveList<ItemRow> items, ObservableList<SidebarEntry> sidebar,
            ObservableValue<Boolean> tooSlow) {
        this.view = view;
        this.tooSlow = tooSlow;
        this.items = items;
        this.sidebar = sidebar;
        view.addListener((o, a, b) -> {
            updateShown();
            updateShownKey();
        });
        sidebar.addListener((ListChangeListener<SidebarEntry>) c -> {
            updateShownKey();
            updateShown();
        });
        items.items().addListener(notesShown);
        items.items().addListener((ListChangeListener<ItemRow>) c -> updateShown());
        // A first page's estimated count moves only once a patch is applied: read it again then.
        items.onAfterApply(s -> updateShown());
        updateShown();
    }

    /** What the window shows for the current view: the count line, and which controls apply. */
    private void updateShown() {
        Listing v = view.getValue();
        boolean conflicts = v instanceof Listing.ConflictsView;
        boolean agenda = v instanceof Listing.Agenda;
        boolean trash = v instanceof Listing.BuiltInListing s && s.builtIn() == Listing.BuiltIn.TRASH;
        boolean completed = v instanceof Listing.BuiltInListing s && s.builtIn() == Listing.BuiltIn.COMPLETED;
        int n = items.items().size();
        long total = items.total();
        if (n > 0 && items.items().get(0).isOutlined() && total >= 0) {
            // An outline's count is its open todos, subtasks included, folded away or not: the sidebar's count
            // of the list, so the two never disagree and folding never changes it. Its notes come on top.
            long open = sidebar.stream().filter(e -> e.view().equals(v)).mapToLong(SidebarEntry::count).findFirst()
                    .orElse(-1);
            n = open >= 0 ? (int) Math.min(Integer.MAX_VALUE, open + notesShown.get()) : (int) Math.min(n, total);
            total = n;
        }
        String with = v instanceof Listing.UserListing ? sidebar.stream().filter(e -> e.view().equals(v) && e.shared())
                .map(SidebarEntry::with).findFirst().orElse("") : "";
        boolean calendar = v instanceof Listing.Calendar;
        // The Calendar's line is short: in a one-row header it has as little as 140 px beside the controls, where a
        // longer line was cut (APP.md says to drag a todo from the list onto a day).
        countText.set(conflicts ? "" : calendar ? (n == 0 ? Messages.text("main.count.allDated")
                : Messages.text("main.count.undated", CountLine.of(n, 0, total)))
                : agenda ? Messages.text("main.count.nextDays", AgendaPlan.DAYS)
                : CountLine.of(n, notesShown.get(), total) + (with.isEmpty() ? "" : " · " + with)
                + (flattened(items.items()) ? " · " + Messages.text("main.count.flattened",
                        String.valueOf(Outline.MAX_DEPTH)) : ""));
        conflictsShown.set(conflicts);
        agendaShown.set(agenda);
        calendarShown.set(calendar);
        sortShown.set(!conflicts && !agenda && !calendar);
        quickAddShown.set(!conflicts && !trash && !completed);
        emptyTrashShown.set(trash && n > 0);
        planShown.set(v instanceof Listing.BuiltInListing s && s.builtIn() == Listing.BuiltIn.TODAY);
        searchSavable.set(v instanceof Listing.FilterListing f && f.isSearch() && f.filter() != null);
    }

    /**
     * Whether an outline's rows show a todo flattened at {@link Outline#MAX_DEPTH} (its
     * parent is shown at that level too): the count line says so. One pass over the rows.
     */
    static boolean flattened(List<ItemRow> rows) {
        Set<String> atLimit = new HashSet<>();
        for (ItemRow r : rows) {
            if (r.isOutlined() && r.depth() == Outline.MAX_DEPTH && r.id() != null) {
                if (r.parentId() != null && atLimit.contains(r.parentId())) {
                    return true;
                }
                atLimit.add(r.id());
            }
        }
        return false;
    }

    /** The key of the sidebar entry for what is shown, "" for a search. */
    public ReadOnlyStringProperty shownKeyProperty() {
        return shownKey.getReadOnlyProperty();
    }

    private void updateShownKey() {
        Listing v = view.getValue();
        shownKey.set(sidebar.stream().filter(e -> e.view().equals(v)).map(SidebarEntry::key).findFirst().orElse(""));
    }

    /** "12 todos" (or "12 todos · 3 notes") under the title; empty for the conflicts. */
    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    /**
     * What an empty list says: why a query does not read ("At 8: …", a smart list from a newer device), that it
     * was too slow to show, else its {@link #emptyState()}'s sentence.
     */
    public String emptyText() {
        if (view.getValue() instanceof Listing.FilterListing f && f.problem() != null) {
            return f.problem();
        }
        if (Boolean.TRUE.equals(tooSlow.getValue())) {
            return Messages.text("main.empty.tooSlow");
        }
        if (view.getValue() instanceof Listing.FilterListing f) {
            // A list or tag no one has is likely a typo: say so rather than only "nothing matches".
            List<String> lists = sidebar.stream().filter(e -> e.kind() == SidebarEntry.Kind.LIST).map(SidebarEntry::name).toList();
            List<String> tags = sidebar.stream().filter(e -> e.kind() == SidebarEntry.Kind.TAG).map(SidebarEntry::name).toList();
            List<String> unknown = UnknownNames.of(f.filter(), lists, tags);
            if (!unknown.isEmpty()) {
                return emptyState().text() + " " + String.join(" ", unknown);
            }
        }
        return emptyState().text();
    }

    /** The shown smart list or search ran past its budget: {@link #emptyText} says so. */
    public ObservableValue<Boolean> tooSlowProperty() {
        return tooSlow;
    }

    /** The search box holds a query that reads, which "Save as smart list" keeps. */
    public ReadOnlyBooleanProperty searchSavableProperty() {
        return searchSavable.getReadOnlyProperty();
    }

    /** Quick add applies: not in the Trash, Completed or the conflicts. */
    public ReadOnlyBooleanProperty quickAddShownProperty() {
        return quickAddShown.getReadOnlyProperty();
    }

    /** "Empty Trash" applies: the Trash is shown and holds something. */
    public ReadOnlyBooleanProperty emptyTrashShownProperty() {
        return emptyTrashShown.getReadOnlyProperty();
    }

    /** "Plan my day" applies: Today is shown. */
    public ReadOnlyBooleanProperty planShownProperty() {
        return planShown.getReadOnlyProperty();
    }

    /** The conflicts are shown instead of the item list and the editor. */
    public ReadOnlyBooleanProperty conflictsShownProperty() {
        return conflictsShown.getReadOnlyProperty();
    }

    /** The agenda is shown instead of the item list (the editor stays). */
    public ReadOnlyBooleanProperty agendaShownProperty() {
        return agendaShown.getReadOnlyProperty();
    }

    /** The week or month grid is shown above the list (which then holds the todos without a date). */
    public ReadOnlyBooleanProperty calendarShownProperty() {
        return calendarShown.getReadOnlyProperty();
    }

    /**
     * A sort order applies: not to the agenda (by day, then priority), the calendar (by day and time; its
     * list of undated todos keeps the default order) or the conflicts.
     */
    public ReadOnlyBooleanProperty sortShownProperty() {
        return sortShown.getReadOnlyProperty();
    }

    public EmptyState emptyState() {
        Listing v = view.getValue();
        if (v instanceof Listing.SearchListing) {
            return EmptyState.SEARCH;
        }
        if (v instanceof Listing.FilterListing) {
            return EmptyState.FILTER;
        }
        if (v instanceof Listing.BuiltInListing s && s.builtIn() == Listing.BuiltIn.TRASH) {
            return EmptyState.TRASH;
        }
        if (v instanceof Listing.BuiltInListing s && s.builtIn() == Listing.BuiltIn.COMPLETED) {
            return EmptyState.COMPLETED;
        }
        return EmptyState.ALL_CLEAR;
    }
}
