package dev.tandem.app.vm.shared;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What a dialog's view-model says back: the line under its form (what the last command did, or why
 * it did nothing), whether that line is an error, and whether a command is running. Each dialog
 * view-model holds one, so the three states and their rules stand in one place; the dialogs show
 * them the same way (a message line, an {@code :error} and a {@code :busy} look).
 */
public final class Feedback {
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public String message() {
        return message.get();
    }

    public boolean isBusy() {
        return busy.get();
    }

    /** A plain message: what happened, not an error. */
    public void say(String text) {
        error.set(false);
        message.set(text);
    }

    /** A message that says why something failed. */
    public void fail(String text) {
        error.set(true);
        message.set(text);
    }

    /** No message. */
    public void clear() {
        say("");
    }

    public void busy(boolean running) {
        busy.set(running);
    }

    /**
     * Starts a command: false (and nothing changes) while another one runs, else busy with the last
     * message cleared.
     */
    public boolean begin() {
        if (busy.get()) {
            return false;
        }
        busy.set(true);
        clear();
        return true;
    }

    /**
     * A command ended: {@code text} said, then no longer busy, so whoever waits for the end reads the words
     * and whether they are an error at once.
     */
    public void end(String text) {
        say(text);
        busy.set(false);
    }

    /** A command failed: {@code text} says why, then no longer busy (as {@link #end}). */
    public void failed(String text) {
        fail(text);
        busy.set(false);
    }

    /** What went wrong, in {@code t}'s words, or its kind where it has none. */
    public static String why(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
