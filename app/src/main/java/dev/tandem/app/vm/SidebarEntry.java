package dev.tandem.app.vm;

import dev.tandem.app.model.View;

/**
 * One row of the sidebar: a smart list, a user list, a tag, or the conflicts view.
 *
 * @param count  the number shown beside it
 * @param alert  the count is of things needing attention (unseen conflicts)
 * @param shared a list shared with other people (docs/SHARING.md)
 * @param with   for a shared list, whom with ("shared with Alex and Jo"); else empty
 */
public record SidebarEntry(String key, String name, Kind kind, View view, long count, boolean alert, boolean shared,
                           String with) {
    public enum Kind { SMART, LIST, CONFLICTS, TAG }

    /** Which icon the sidebar shows for it. */
    public enum Icon { INBOX, TODAY, UPCOMING, COMPLETED, TRASH, LIST, SHARED_LIST, CONFLICTS, TAG }

    public Icon icon() {
        if (kind == Kind.LIST) {
            return shared ? Icon.SHARED_LIST : Icon.LIST;
        }
        if (kind == Kind.TAG) {
            return Icon.TAG;
        }
        if (kind == Kind.CONFLICTS || !(view instanceof View.SmartView s)) {
            return Icon.CONFLICTS;
        }
        return switch (s.smart()) {
            case INBOX -> Icon.INBOX;
            case TODAY -> Icon.TODAY;
            case UPCOMING -> Icon.UPCOMING;
            case COMPLETED -> Icon.COMPLETED;
            case TRASH -> Icon.TRASH;
        };
    }

    public String listId() {
        return view instanceof View.ListView l ? l.listId() : null;
    }
}
