package dev.tandem.app.vm.conflict;

import dev.tandem.app.text.diff.MergeText.Choice;
import dev.tandem.app.text.diff.MergeText.Part;
import dev.tandem.app.text.diff.MergeText;
import dev.tandem.app.text.diff.TextLines;
import dev.tandem.app.vm.shared.Questions;
import dev.tandem.ui.messages.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * "Edit merged": one conflicting text field, made into one from both versions. Each place where
 * the versions differ is offered as a choice (this device's lines, the other device's, or both);
 * the text below follows the choices and can be edited freely. It starts holding both versions at
 * every place, so nothing is lost until the person decides, and nothing is selected, so no single
 * keystroke replaces a place. Choosing after typing in the text asks first, as it writes the text
 * again. UI thread; no toolkit needed.
 */
public final class MergeEditorViewModel {
    /** A place where the versions differ, and what the merged text holds there. */
    public record Place(int number, String kept, String lost, ObjectProperty<Choice> choice) {
    }

    private final String heading;
    private final String subject;
    private final String field;
    private final boolean singleLine;
    private final String keptDevice;
    private final String lostDevice;
    private final TextLines kept;
    private final List<Part> parts;
    private final Questions dialogs;
    private final Consumer<String> write;
    private final ObservableList<Place> places = FXCollections.observableArrayList();
    private final StringProperty text = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private boolean composing;
    private boolean typed;

    /**
     * @param subject    what the field belongs to: the todo's title, "List “Work”"
     * @param field      "Notes", "Title" or "Name"
     * @param singleLine whether the field holds one line (a title, a list's name): a place is one
     *                   version or the other there, starting with the kept one
     * @param write      stores the result, in the background; called at most once per save
     */
    MergeEditorViewModel(String heading, String subject, String field, boolean singleLine, TextConflict conflict,
                         String keptDevice, String lostDevice, Questions dialogs, Consumer<String> write) {
        this.heading = heading;
        this.subject = subject;
        this.field = field;
        this.singleLine = singleLine;
        this.keptDevice = keptDevice;
        this.lostDevice = lostDevice;
        this.kept = conflict.diff().newText();
        this.parts = MergeText.parts(conflict.diff());
        this.dialogs = dialogs;
        this.write = write;
        int n = 0;
        for (Part p : parts) {
            if (p.place()) {
                places.add(new Place(++n, String.join("\n", p.kept()), String.join("\n", p.lost()),
                        new SimpleObjectProperty<>(singleLine ? Choice.KEPT : Choice.BOTH)));
            }
        }
        text.addListener((o, a, b) -> {
            if (!composing) {
                typed = true;
            }
            error.set("");
            updateStatus();
        });
        compose();
    }

    private void compose() {
        List<Choice> choices = new ArrayList<>();
        places.forEach(p -> choices.add(p.choice().get()));
        composing = true;
        text.set(MergeText.compose(parts, choices, kept.finalNewline()));
        composing = false;
        typed = false;
        updateStatus();
    }

    private void updateStatus() {
        long both = places.stream().filter(p -> p.choice().get() == Choice.BOTH).count();
        status.set(typed ? Messages.text("editor.merge.status.typed")
                : places.isEmpty() ? Messages.text("editor.merge.status.same")
                : both == 0 ? Messages.text("editor.merge.status.chosen")
                : Messages.text("editor.merge.status.both", both));
    }

    /**
     * Puts {@code choice} at {@code place} and writes the text from the choices again; after typing in
     * the text, only once the person agrees to that typing being replaced.
     */
    public void choose(Place place, Choice choice) {
        if (place.choice().get() == choice && !typed) {
            return;
        }
        if (typed && !dialogs.confirmDestructive(Messages.text("editor.merge.replace.title"),
                Messages.text("editor.merge.replace.text"),
                Messages.text("editor.merge.replace.button"))) {
            return;
        }
        place.choice().set(choice);
        compose();
    }

    /** "Edit merged notes". */
    public String heading() {
        return heading;
    }

    /** The todo's title, or the list, whose field this is. */
    public String subject() {
        return subject;
    }

    public String field() {
        return field;
    }

    /**
     * The field's name inside a sentence: "notes" in "Merged notes"; as given where the language writes
     * such names with their capital (German nouns).
     */
    public String fieldInSentence() {
        return Boolean.parseBoolean(Messages.text("editor.merge.lowerFieldInSentence"))
                ? field.toLowerCase(Messages.language().locale()) : field;
    }

    public boolean singleLine() {
        return singleLine;
    }

    /** The device whose value the field holds now ("This device"), and the one whose value was set aside. */
    public String keptDevice() {
        return keptDevice;
    }

    public String lostDevice() {
        return lostDevice;
    }

    /** The places where the versions differ, in order. */
    public ObservableList<Place> places() {
        return places;
    }

    /** The merged text; follows the choices, and the person may edit it. */
    public StringProperty textProperty() {
        return text;
    }

    /** What the text holds, in a line. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Why the last save was refused; "" otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /**
     * Saves when the text can be saved, returning true (the editor closes); false leaves it open: a
     * one-line field with line breaks or nothing in it.
     */
    public boolean save() {
        String t = text.get() == null ? "" : text.get();
        if (singleLine) {
            if (t.indexOf('\n') >= 0 || t.indexOf('\r') >= 0) {
                error.set(Messages.text("editor.merge.oneLine", fieldInSentence()));
                return false;
            }
            if (t.isBlank()) {
                error.set(Messages.text("editor.merge.empty", fieldInSentence()));
                return false;
            }
        }
        write.accept(singleLine ? t.strip() : MergeText.toStored(t, kept));
        return true;
    }
}
