package dev.tandem.app.view.calendar;

import dev.tandem.app.view.PseudoStates;
import dev.tandem.app.vm.calendar.CalendarEntry;
import dev.tandem.ui.messages.Messages;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * What a todo's chip (the all-day strip) or block (the hour grid) of the week shows: its time and title, its
 * spoken text, whether it is a repeating todo's later date. The node keeps its {@link CalendarEntry} as user
 * data, which the selection and the drags read back.
 */
final class TodoNodes {
    private TodoNodes() {
    }

    /** Puts {@code e} in a chip or block, or hides it (null). */
    static void show(Node n, CalendarEntry e) {
        n.setVisible(e != null);
        n.setManaged(e != null);
        n.setUserData(e);
        if (e != null) {
            n.pseudoClassStateChanged(PseudoStates.OCCURRENCE, e.occurrence());
            String spoken = e.timed() ? Messages.text("main.calendar.a11y.at", e.title(), e.timeText()) : e.title();
            n.setAccessibleText(e.occurrence() ? Messages.text("main.calendar.a11y.occurrence", spoken) : spoken);
            Label text = n instanceof Label l ? l : (Label) ((VBox) n).getChildren().get(0);
            text.setText(e.timed() ? e.timeText() + " " + e.title() : e.title());
        }
    }

    static CalendarEntry entryOf(Node n) {
        return (CalendarEntry) n.getUserData();
    }
}
