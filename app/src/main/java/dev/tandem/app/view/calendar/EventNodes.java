package dev.tandem.app.view.calendar;

import dev.tandem.app.view.PseudoStates;
import dev.tandem.app.vm.calendar.EventEntry;
import dev.tandem.ui.Styles;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

/**
 * The nodes of read-only events, shared by the week and month grids: a label in its calendar's colour whose
 * tooltip (shown on hover or a click) gives the details. Nothing about it can be edited, dragged or selected.
 */
final class EventNodes {
    private EventNodes() {
    }

    static Label make() {
        Label n = new Label();
        n.getStyleClass().add(Styles.CALENDAR_EVENT);
        n.setMaxWidth(Double.MAX_VALUE);
        n.setMinHeight(0);
        Tooltip tip = new Tooltip();
        tip.setShowDelay(Duration.millis(300));
        tip.setWrapText(true);
        tip.setMaxWidth(360);
        // Its details written when it shows, not for each of a week's hundreds of events at every switch.
        tip.setOnShowing(w -> tip.setText(n.getUserData() instanceof EventEntry e ? e.details() : ""));
        n.setTooltip(tip);
        n.setOnMouseClicked(m -> {
            if (n.getScene() != null && !tip.isShowing()) {
                tip.show(n, m.getScreenX(), m.getScreenY() + 12);
            }
            m.consume();
        });
        return n;
    }

    /** Puts {@code e} in the node, or hides it (null). {@code timed}: the block shows its time before its title. */
    static void show(Label n, EventEntry e, boolean timed) {
        n.setVisible(e != null);
        n.setManaged(e != null);
        n.setUserData(e);
        if (e == null) {
            return;
        }
        n.setText(timed ? e.timeText() + " " + e.title() : e.title());
        // Only the colour comes from data (checked to be #rrggbb); how it is used is the stylesheet's.
        n.setStyle(e.colour().isEmpty() ? "" : "-event-colour: " + e.colour() + ";");
        n.pseudoClassStateChanged(PseudoStates.LIGHT_COLOUR, e.lightColour());
        n.setAccessibleText(e.spoken());
        // The title until it shows (its details are written then, see make).
        n.getTooltip().setText(e.title());
    }

    static EventEntry entryOf(Label n) {
        return (EventEntry) n.getUserData();
    }
}
