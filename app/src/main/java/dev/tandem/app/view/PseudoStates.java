package dev.tandem.app.view;

import javafx.beans.value.ObservableBooleanValue;
import javafx.css.PseudoClass;
import javafx.scene.Node;

/**
 * The states a view shows through its stylesheet, as pseudo-classes ({@code :error}, {@code :busy},
 * ...) that follow a view-model's state; the looks are in {@code tandem.css}.
 */
public final class PseudoStates {
    /** A message that says why something failed; a field whose value is refused. */
    public static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    /** A command runs. */
    static final PseudoClass BUSY = PseudoClass.getPseudoClass("busy");
    /** Sync is set up and done. */
    static final PseudoClass OK = PseudoClass.getPseudoClass("ok");
    /** Synced, but something asks for a look. */
    static final PseudoClass WARN = PseudoClass.getPseudoClass("warn");
    /** Sync is off, or the remote out of reach. */
    static final PseudoClass OFF = PseudoClass.getPseudoClass("off");
    /** A pane at its narrowest (the editor in a window at its least width): its controls take less room. */
    public static final PseudoClass NARROW = PseudoClass.getPseudoClass("narrow");
    /** An agenda row for a later date of a repeating todo: computed, not stored, so read-only. */
    public static final PseudoClass OCCURRENCE = PseudoClass.getPseudoClass("occurrence");
    /** The agenda's "Overdue" heading. */
    public static final PseudoClass OVERDUE = PseudoClass.getPseudoClass("overdue");
    /** The agenda's heading of today. */
    public static final PseudoClass TODAY = PseudoClass.getPseudoClass("today");

    /** An event whose calendar's colour is light: its text is dark. */
    public static final PseudoClass LIGHT_COLOUR = PseudoClass.getPseudoClass("light-colour");

    /** A timed todo's block in the week whose time overlaps an event of a subscribed calendar. */
    public static final PseudoClass OVERLAPS_EVENT = PseudoClass.getPseudoClass("overlaps-event");

    /** The free time under a todo dragged over the week's hours, too short for the todo's length. */
    public static final PseudoClass TOO_SHORT = PseudoClass.getPseudoClass("too-short");

    /** The calendar's selected day, and its selected todo. */
    public static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    /** A day of the month grid that belongs to the month before or after. */
    public static final PseudoClass OUTSIDE = PseudoClass.getPseudoClass("outside");

    /** A row or pane that takes the files dragged over it now. */
    public static final PseudoClass DROP_TARGET = PseudoClass.getPseudoClass("drop-target");

    private PseudoStates() {
    }

    /** A list's section header row (in the item list). */
    static final PseudoClass SECTION = PseudoClass.getPseudoClass("section");
    /** A todo whose subtasks, or a section whose todos, are folded away. */
    static final PseudoClass COLLAPSED = PseudoClass.getPseudoClass("collapsed");
    /** A row of a list's outline (indented, with disclosure arrows), not of a flat view. */
    static final PseudoClass OUTLINED = PseudoClass.getPseudoClass("outlined");
    /** How deep a subtask is: depth-1 … depth-4 (deeper ones look as depth-4: the indent is capped). */
    static final PseudoClass[] DEPTH = {PseudoClass.getPseudoClass("depth-1"), PseudoClass.getPseudoClass("depth-2"),
        PseudoClass.getPseudoClass("depth-3"), PseudoClass.getPseudoClass("depth-4")};

    /** Sets {@code node}'s depth pseudo-class for {@code depth} (0: none), clearing the others. */
    static void depth(Node node, int depth) {
        int shown = Math.min(depth, DEPTH.length);
        for (int k = 0; k < DEPTH.length; k++) {
            node.pseudoClassStateChanged(DEPTH[k], k + 1 == shown);
        }
    }

    /** {@code node} has {@code state} while {@code on} is true, from now on. */
    public static void bind(Node node, PseudoClass state, ObservableBooleanValue on) {
        node.pseudoClassStateChanged(state, on.get());
        on.addListener((o, was, now) -> node.pseudoClassStateChanged(state, now));
    }
}
