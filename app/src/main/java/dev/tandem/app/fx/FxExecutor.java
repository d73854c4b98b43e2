package dev.tandem.app.fx;

import java.util.concurrent.Executor;
import javafx.application.Platform;

/**
 * The one way back to the JavaFX thread: runs at once when already on it, else via
 * {@link Platform#runLater}. View-models take an {@link Executor} for the UI thread, so tests hand
 * them a plain one and need no toolkit.
 */
public final class FxExecutor implements Executor {
    public static final FxExecutor INSTANCE = new FxExecutor();

    private FxExecutor() {
    }

    @Override
    public void execute(Runnable command) {
        if (Platform.isFxApplicationThread()) {
            command.run();
        } else {
            Platform.runLater(command);
        }
    }

    /**
     * Runs {@code command} on the FX thread after the event being handled, even when called on it:
     * to act once the toolkit has finished its own handling, such as a dialog focusing its default button.
     */
    public void later(Runnable command) {
        Platform.runLater(command);
    }
}
