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
    }
}
