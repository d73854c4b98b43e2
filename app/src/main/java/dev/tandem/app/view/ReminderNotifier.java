package dev.tandem.app.view;

import dev.tandem.app.vm.window.ReminderScheduler;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.util.Duration;

/**
 * Shows the reminders {@link ReminderScheduler} fires as cards in the window ({@link ReminderCards}) with "Done" and
 * "Snooze 10 min", and asks the scheduler every second whether one is due (a timeline on the FX thread, so no
 * thread of its own). In the window rather than the AWT system tray or a pop-up: the tray's balloon has no buttons
 * and loading AWT next to JavaFX costs start-up time; a pop-up window at the window's corner covered the status bar
 * and ran past the window's right edge, and took the keys typed in its owner before the focused field did. While the
 * window is closed, {@code tandem agent} shows reminders through the desktop's own notifications.
 */
final class ReminderNotifier {
    private final Timeline tick;

    ReminderNotifier(ReminderScheduler scheduler, ReminderCards cards) {
        scheduler.onFire(r -> cards.show(r, () -> scheduler.done(r), () -> scheduler.snooze(r)));
        tick = new Timeline(new KeyFrame(Duration.seconds(1), e -> scheduler.check()));
        tick.setCycleCount(Animation.INDEFINITE);
    }

    void start() {
        tick.play();
    }

    void stop() {
        tick.stop();
    }
}
