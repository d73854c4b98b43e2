package dev.tandem.app.vm.window;

import dev.tandem.app.model.FilterCounts;
import dev.tandem.app.model.Listing;
import dev.tandem.app.model.SavedFilter;

/**
 * One row of the sidebar: a built-in view, a saved filter, a user list, a tag, or the conflicts view.
 *
 * @param count  the number shown beside it (none when 0 or less; for a saved filter,
 *               {@link FilterCounts#TOO_SLOW}: too slow to count)
 * @param alert  the count is of things needing attention (unseen conflicts), or a saved filter does not
 *               read on this device
 * @param with   for a list shared with other people (docs/SHARING.md), whom with ("shared with Alex and
 *               Jo", "shared" while no one else joined); empty for every other entry
 * @param color  a saved filter's colour, {@code #rrggbb}; empty for every other entry, and for a colour that is
 *               none ({@link SavedFilter#isColor}): a synced row may hold anything, and the sidebar puts this
 *               into a style
 */
public record SidebarEntry(String key, String name, Kind kind, Listing view, long count, boolean alert, String with,
        String color) {
    public SidebarEntry {
        color = SavedFilter.isColor(color) ? color : "";
    }

    public SidebarEntry(String key, String name, Kind kind, Listing view, long count, boolean alert, String with) {
        this(key, name, kind, view, count, alert, with, "");
    }

    /** A list shared with other people. */
    public boolean shared() {
        return !with.isEmpty();
    }

    public enum Kind { BUILT_IN, FILTER, LIST, CONFLICTS, TAG }

    /** Which icon the sidebar shows for it. */
    public enum Icon { INBOX, TODAY, UPCOMING, SOMEDAY, AGENDA, CALENDAR, COMPLETED, TRASH, FILTER, LIST, SHARED_LIST, CONFLICTS, TAG }

    public Icon icon() {
        if (kind == Kind.LIST) {
            return shared() ? Icon.SHARED_LIST : Icon.LIST;
        }
        if (kind == Kind.TAG) {
            return Icon.TAG;
        }
        if (kind == Kind.FILTER) {
            return Icon.FILTER;
        }
        if (view instanceof Listing.Agenda) {
            return Icon.AGENDA;
        }
        if (view instanceof Listing.Calendar) {
            return Icon.CALENDAR;
        }
        if (kind == Kind.CONFLICTS || !(view instanceof Listing.BuiltInListing s)) {
            return Icon.CONFLICTS;
        }
        return switch (s.builtIn()) {
            case INBOX -> Icon.INBOX;
            case TODAY -> Icon.TODAY;
            case UPCOMING -> Icon.UPCOMING;
            case SOMEDAY -> Icon.SOMEDAY;
            case COMPLETED -> Icon.COMPLETED;
            case TRASH -> Icon.TRASH;
        };
    }

    /** A saved filter whose count ran past its budget: shown as too slow to count, not as a number. */
    public boolean tooSlow() {
        return kind == Kind.FILTER && count == FilterCounts.TOO_SLOW;
    }

    /** Why a saved filter does not read on this device ("At 9: …"), else null. */
    public String problem() {
        return view instanceof Listing.FilterListing f ? f.problem() : null;
    }

    /** A saved filter's row id, else null. */
    public String filterId() {
        return kind == Kind.FILTER ? key.substring("filter:".length()) : null;
    }

    public String listId() {
        return view instanceof Listing.UserListing l ? l.listId() : null;
    }
}
