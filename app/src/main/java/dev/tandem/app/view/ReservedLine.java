package dev.tandem.app.view;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;

/**
 * A line of wrapped text whose room is kept for the longest text it may hold: the line over an invisible copy of
 * that text, in one pane as tall as the taller of the two. A text that arrives later (the network answering
 * seconds after a choice) fills the room and moves nothing below it, so a click aimed at what is below lands there.
 */
final class ReservedLine {
    private ReservedLine() {
    }

    /** {@code line} (its style classes copied to the copy) in a room as tall as {@code longest} makes it. */
    static StackPane of(Label line, String longest) {
        Label sizer = Forms.wrapped(longest);
        sizer.getStyleClass().setAll(line.getStyleClass());
        sizer.setVisible(false);
        sizer.setFocusTraversable(false);
        StackPane room = new StackPane(sizer, line);
        room.setAlignment(Pos.TOP_LEFT);
        return room;
    }
}
