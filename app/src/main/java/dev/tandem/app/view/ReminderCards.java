package dev.tandem.app.view;

import dev.tandem.app.vm.window.ReminderScheduler;
import dev.tandem.ui.Styles;
import dev.tandem.ui.messages.Messages;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * The reminders that fire while the window is open, as cards in the window's content, at its bottom right: above
 * the status bar (never over Sync now or Sync settings…) and inside the window at every width, the close button
 * included. Each card has Done, Snooze and a close button, and goes by itself after {@link #SHOWN_FOR}; a newer one
 * comes below the older ones.
 *
 * <p>A card comes unasked, mostly while the user types, so it takes no keys: its buttons answer the mouse only.
 * None can take the focus (a click on one leaves the focus where it was), and none is a default or cancel button,
 * which would take Enter or Escape typed anywhere in the window.
 */
final class ReminderCards extends VBox {
    /** How long a card stays when no one answers it. */
    static final Duration SHOWN_FOR = Duration.minutes(5);
    /** A card's width, and the room kept to the content's edges. */
    private static final double CARD_WIDTH = 340;
    private static final double MARGIN = 12;

    ReminderCards() {
        super(8);
        setId("reminder-cards");
        setAlignment(Pos.BOTTOM_RIGHT);
        // Only the cards take clicks; the room around and between them is the list's and the editor's.
        setPickOnBounds(false);
        setMinSize(0, 0);
        setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane.setAlignment(this, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(this, new Insets(MARGIN));
    }

    /** Shows a card for {@code r}: "Done" runs {@code done}, "Snooze" {@code snooze}; either closes it. */
    void show(ReminderScheduler.Reminder r, Runnable done, Runnable snooze) {
        Label heading = new Label(Messages.text("notify.reminder.title"), Icons.of(Icons.REMINDER, 16));
        heading.getStyleClass().add(Styles.REMINDER_CARD_TITLE);
        heading.setMinWidth(0);
        Button close = button(null, Styles.REMINDER_CLOSE);
        close.setGraphic(Icons.of(MaterialDesignC.CLOSE, 14));
        close.getStyleClass().add(Styles.BUTTON_FLAT);
        close.setTooltip(new Tooltip(Messages.text("notify.reminder.close")));
        close.setAccessibleText(Messages.text("notify.reminder.close"));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox top = new HBox(6, heading, gap, close);
        top.setAlignment(Pos.CENTER_LEFT);

        Label text = new Label(r.title());
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.getStyleClass().add(Styles.REMINDER_CARD_TEXT);

        Button doneButton = button(Messages.text("notify.reminder.done"), null);
        Button snoozeButton = button(Messages.text("notify.reminder.snooze"), null);
        HBox actions = new HBox(8, doneButton, snoozeButton);
        actions.setAlignment(Pos.CENTER_RIGHT);

        VBox card = new VBox(6, top, text, actions);
        card.getStyleClass().add(Styles.REMINDER_CARD);
        card.setPrefWidth(CARD_WIDTH);
        card.setMinWidth(0);
        card.setMaxWidth(CARD_WIDTH);

        PauseTransition later = new PauseTransition(SHOWN_FOR);
        Runnable hide = () -> {
            later.stop();
            getChildren().remove(card);
        };
        later.setOnFinished(e -> hide.run());
        close.setOnAction(e -> hide.run());
        doneButton.setOnAction(e -> {
            hide.run();
            done.run();
        });
        snoozeButton.setOnAction(e -> {
            hide.run();
            snooze.run();
        });
        getChildren().add(card);
        later.play();
    }

    /** A button of a card: the mouse's only (see the class comment). */
    private static Button button(String text, String styleClass) {
        Button b = new Button(text);
        b.setFocusTraversable(false);
        b.setMinWidth(Region.USE_PREF_SIZE);
        if (styleClass != null) {
            b.getStyleClass().add(styleClass);
        }
        return b;
    }
}
