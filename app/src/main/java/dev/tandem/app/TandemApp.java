package dev.tandem.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** PLACEHOLDER window until the app lands. */
public final class TandemApp extends Application {
    @Override
    public void start(Stage stage) {
        stage.setTitle("Tandem");
        stage.setScene(new Scene(new Label("Tandem"), 800, 600));
        stage.show();
        // Smoke tests of packaged builds start the app with this flag and expect a clean exit.
        if (getParameters().getRaw().contains("--exit-after-first-frame")
                || "1".equals(System.getenv("TANDEM_EXIT_AFTER_FIRST_FRAME"))) {
            javafx.animation.AnimationTimer timer = new javafx.animation.AnimationTimer() {
                @Override
                public void handle(long now) {
                    stop();
                    System.out.println("Tandem started: first frame shown");
                    javafx.application.Platform.exit();
                }
            };
            timer.start();
        }
    }
}
