package dev.tandem.app.vm;

import dev.tandem.app.model.Listing;

/**
 * One row of the sidebar: a smart list, a user list, a tag, or the conflicts view.
 *
 * @param count  the number shown beside it
 * @param alert  the count is of things needing attention (unseen conflicts)
 * @param with   for a list shared with other people (docs/SHARING.md), whom with ("shared with Alex and
 *               Jo", "shared" while no one else joined); empty for every other entry
 */
public record SidebarEntry(String key, String name, Kind kind, Listing view, long count, boolean alert, String with) {
    /** A list shared with other people. */
    public boolean shared() {
        return !with.isEmpty();
    }

    public enum Kind { SMART, LIST, CONFLICTS, TAG }

    /** Which icon the sidebar shows for it. */
    public enum Icon { INBOX, TODAY, UPCOMING, SOMEDAY, AGENDA, CALENDAR, COMPLETED, TRASH, LIST, SHARED_LIST, CONFLICTS, TAG }

    public Icon icon() {
        if (kind == Kind.LIST) {
            return shared() ? Icon.SHARED_LIST : Icon.LIST;
        }
        if (kind == Kind.TAG) {
            return Icon.TAG;
        }
        if (view instanceof Listing.Agenda) {
            return Icon.AGENDA;
        }
        if (view instanceof Listing.Calendar) {
            return Icon.CALENDAR;
        }
        if (kind == Kind.CONFLICTS || !(view instanceof Listing.SmartListing s)) {
            return Icon.CONFLICTS;
        }
        return switch (s.smart()) {
            case INBOX -> Icon.INBOX;
            case TODAY -> Icon.TODAY;
            case UPCOMING -> Icon.UPCOMING;
            case SOMEDAY -> Icon.SOMEDAY;
            case COMPLETED -> Icon.COMPLETED;
            case TRASH -> Icon.TRASH;
        };
    }

    public String listId() {
        return view instanceof Listing.UserListing l ? l.listId() : null;
    }
}
