package dev.tandem.app.view.calendar;

import dev.tandem.app.vm.calendar.EventEntry;
import dev.tandem.app.vm.calendar.MoreEvents;
import dev.tandem.ui.Styles;
import dev.tandem.ui.messages.Messages;
import javafx.geometry.Side;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;

/**
 * The week's "+k more" chip for the timed events of a day its hour grid does not draw ({@link MoreEvents}). A click
 * opens a menu of those events, each in its calendar's colour with its details on its tooltip,
 * made only then: a week's switch gives a chip a count, not a node per hidden event.
 */
final class MoreEventsNodes {
    private MoreEventsNodes() {
    }

    static Label make() {
        Label n = new Label();
        n.getStyleClass().addAll(Styles.CALENDAR_MORE, Styles.CALENDAR_MORE_EVENTS);
        n.setWrapText(true);
        n.setMinHeight(0);
        n.setOnMouseClicked(m -> {
            open(n);
            m.consume();
        });
        return n;
    }

    /** Puts {@code m} in the chip, or hides it (null). */
    static void show(Label n, MoreEvents m) {
        n.setVisible(m != null);
        n.setManaged(m != null);
        n.setUserData(m);
        if (m != null) {
            n.setText(Messages.text("main.calendar.more", m.count()));
            n.setAccessibleText(Messages.text("main.calendar.moreEvents.a11y", m.count()));
        }
    }

    /** Opens the menu of the chip's events below it. */
    static ContextMenu open(Label n) {
        if (!(n.getUserData() instanceof MoreEvents m) || n.getScene() == null) {
            return null;
        }
        ContextMenu menu = new ContextMenu();
        menu.getStyleClass().add(Styles.CALENDAR_MORE_LIST);
        for (EventEntry e : m.hidden()) {
            Label l = EventNodes.make();
            EventNodes.show(l, e, true);
            CustomMenuItem item = new CustomMenuItem(l, false);
            menu.getItems().add(item);
        }
        menu.show(n, Side.BOTTOM, 0, 0);
        return menu;
    }
}
