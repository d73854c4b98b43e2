package dev.tandem.app.vm;

import dev.tandem.app.model.View;

/**
 * One row of the sidebar: a smart list, a user list, or the conflicts view.
 *
 * @param count  the number shown beside it
 * @param alert  the count is of things needing attention (unseen conflicts)
 */
public record SidebarEntry(String key, String name, Kind kind, View view, long count, boolean alert) {
    public enum Kind { SMART, LIST, CONFLICTS }

    public String listId() {
        return view instanceof View.ListView l ? l.listId() : null;
    }
}
