package dev.tandem.app.testing;

import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.vm.window.Dialogs;
import dev.tandem.app.vm.filter.FilterBuilderViewModel;
import dev.tandem.app.vm.settings.KeysViewModel;
import dev.tandem.app.vm.settings.SettingsViewModel;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** Dialogs with scripted answers, recording what was asked. */
public final class FakeDialogs implements Dialogs {
    /** The answer to {@link #confirm} and {@link #confirmDestructive}. */
    public boolean confirmAnswer = true;
    /** Run as {@link #confirm} is asked, before it answers: what happens while a question is open. */
    public Runnable onConfirm = () -> { };
    /** Plays the person in the condition builder: fills it in and saves, or returns false to cancel. */
    public Predicate<FilterBuilderViewModel> smartListAnswer = b -> false;
    public final Deque<String> textAnswers = new ArrayDeque<>();
    public SyncSettings settingsAnswer;
    /** What the "This device" field says when the settings dialog saves; null leaves it as it opened. */
    public String deviceNameAnswer;
    /** What the "This device" field said when the settings dialog opened last. */
    public String deviceNameShown;
    public final List<String> asked = new ArrayList<>();
    /** The message of each confirmation asked, in order. */
    public final List<String> confirmMessages = new ArrayList<>();
    public final List<String> notifications = new ArrayList<>();
    /** Answers to the file and folder choosers, in order; empty means cancelled. */
    public final Deque<Path> pathAnswers = new ArrayDeque<>();

    /** The settings form last shown. */
    public SettingsViewModel settingsShown;

    @Override
    public boolean editSyncSettings(SettingsViewModel settings) {
        asked.add("settings");
        settingsShown = settings;
        deviceNameShown = settings.deviceNameProperty().get();
        if (settingsAnswer == null) {
            return false;
        }
        settings.load(settingsAnswer);
        if (deviceNameAnswer != null) {
            settings.deviceNameProperty().set(deviceNameAnswer);
        }
        return true;
    }

    /** The "Encryption keys" dialogs shown, in order. */
    public final List<KeysViewModel> keys = new ArrayList<>();

    @Override
    public void manageKeys(KeysViewModel keysVm, boolean offerRecoveryKey) {
        asked.add(offerRecoveryKey ? "keys: offer recovery key" : "keys");
        keys.add(keysVm);
    }

    @Override
    public boolean buildSmartList(FilterBuilderViewModel builder) {
        return smartListAnswer.test(builder);
    }

    @Override
    public boolean confirm(String title, String message, String okLabel) {
        asked.add("confirm: " + title);
        confirmMessages.add(message);
        onConfirm.run();
        return confirmAnswer;
    }

    /** Recorded as "confirm destructive: TITLE", so a test tells it from an ordinary question; answered as {@link #confirm}. */
    @Override
    public boolean confirmDestructive(String title, String message, String okLabel) {
        asked.add("confirm destructive: " + title);
        confirmMessages.add(message);
        return confirmAnswer;
    }

    /** The choice {@link #choose} picks (its index), null to cancel. */
    public Integer chooseAnswer = 0;

    @Override
    public Optional<Integer> choose(String title, String message, List<String> choices) {
        asked.add("choose: " + title + " " + choices);
        return Optional.ofNullable(chooseAnswer);
    }

    @Override
    public Optional<String> askText(String title, String prompt, String initial) {
        asked.add("ask: " + title);
        return Optional.ofNullable(textAnswers.poll());
    }

    @Override
    public Optional<Path> chooseFile(String title) {
        asked.add("file: " + title);
        return Optional.ofNullable(pathAnswers.poll());
    }

    @Override
    public Optional<Path> chooseFile(String title, FileKind kind, Path folder) {
        asked.add("file: " + title + " (" + kind.description() + " " + kind.patterns() + " in " + folder + ")");
        return Optional.ofNullable(pathAnswers.poll());
    }

    @Override
    public Optional<Path> chooseFolder(String title) {
        asked.add("folder: " + title);
        return Optional.ofNullable(pathAnswers.poll());
    }

    @Override
    public Optional<Path> chooseSaveTarget(String title, String suggestedName) {
        asked.add("save: " + title + " (" + suggestedName + ")");
        return Optional.ofNullable(pathAnswers.poll());
    }

    @Override
    public void notify(String title, String message, boolean error) {
        notifications.add(title + ": " + message);
    }
}
