package dev.tandem.app.view;

import dev.tandem.app.vm.ReminderScheduler;
import java.util.function.Supplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
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
        Action done = new Action("Done", e -> scheduler.done(r));
        Action snooze = new Action("Snooze 10 min", e -> scheduler.snooze(r));
        Notifications n = Notifications.create().title("Reminder").text(r.title()).position(Pos.BOTTOM_RIGHT)
                .hideAfter(Duration.minutes(5)).action(done, snooze);
        if (owner != null) {
            n.owner(owner);
        }
        n.show();
    }
}
