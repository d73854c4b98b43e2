package dev.tandem.app.view;

import dev.tandem.app.vm.ReminderScheduler;
import dev.tandem.ui.messages.Messages;
import java.util.List;
import java.util.function.Supplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.stage.PopupWindow;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.controlsfx.control.action.Action;

/**
 * Shows the reminders {@link ReminderScheduler} fires as ControlsFX notifications with "Done" and
 * "Snooze 10 min", and asks the scheduler every second whether one is due (a timeline on the FX
 * thread, so no thread of its own). ControlsFX rather than the AWT system tray: the tray's balloon
 * has no buttons, and loading AWT next to JavaFX costs start-up time and misbehaves on some Linux
 * desktops.
 *
 * <p>A notification comes unasked, mostly while the user types, so it takes no keys: its buttons answer
 * the mouse only. A JavaFX pop-up gets the keys typed in its owner window before the window's own focused
 * control does (whatever it consumes never arrives), and its first button would be its focus owner; a
 * default or cancel button would take Enter or Escape even without the focus.
 */
final class ReminderNotifier {
    private final Timeline tick;

    ReminderNotifier(ReminderScheduler scheduler, Supplier<Window> owner) {
        scheduler.onFire(r -> show(scheduler, r, owner.get()));
        tick = new Timeline(new KeyFrame(Duration.seconds(1), e -> scheduler.check()));
        tick.setCycleCount(Animation.INDEFINITE);
    }

    void start() {
        tick.play();
    }

    void stop() {
        tick.stop();
    }

    private static void show(ReminderScheduler scheduler, ReminderScheduler.Reminder r, Window owner) {
        Action done = new Action(Messages.text("notify.reminder.done"), e -> scheduler.done(r));
        Action snooze = new Action(Messages.text("notify.reminder.snooze"), e -> scheduler.snooze(r));
        Notifications n = Notifications.create().title(Messages.text("notify.reminder.title")).text(r.title())
                .position(Pos.BOTTOM_RIGHT)
                .hideAfter(Duration.minutes(5)).action(done, snooze);
        if (owner != null) {
            n.owner(owner);
        }
        // ControlsFX builds and shows its pop-up within show() on the FX thread, and keeps it to itself:
        // the new pop-up is the one that was not there before.
        List<Window> before = List.copyOf(Window.getWindows());
        n.show();
        for (Window w : List.copyOf(Window.getWindows())) {
            if (w instanceof PopupWindow && !before.contains(w) && w.getScene() != null) {
                keepOffTheKeys(w.getScene().getRoot());
                if (w.getScene().getFocusOwner() != null) {
                    // Focused already (the pop-up shares its owner's focus): a plain container takes no keys.
                    w.getScene().getRoot().requestFocus();
                }
            }
        }
    }

    /** No node of the notification can take the focus, and no button answers Enter or Escape. */
    private static void keepOffTheKeys(Node n) {
        n.setFocusTraversable(false);
        if (n instanceof Button b) {
            b.setDefaultButton(false);
            b.setCancelButton(false);
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                keepOffTheKeys(c);
            }
        }
    }
}
