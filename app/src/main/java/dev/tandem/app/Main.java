package dev.tandem.app;

/**
 * Entry point. A plain class (not an Application subclass) so the app also starts from a fat jar or
 * a jpackage image with JavaFX on the class path.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        javafx.application.Application.launch(TandemApp.class, args);
    }
}
