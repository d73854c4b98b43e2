package dev.tandem.app.vm;

import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * "Edit merged": the text of one conflicting field, starting from both versions
 * ({@link MergeText#seed}), which the user edits into one. Saving refuses a one-line field with line
 * breaks in it, and asks before saving a text in which marker lines remain. UI thread.
 */
public final class MergeEditorViewModel {
    private final String heading;
    private final String subject;
    private final String field;
    private final boolean singleLine;
    private final TextLines kept;
    private final Dialogs dialogs;
    private final Consumer<String> write;
    private final StringProperty text;
    private final ReadOnlyIntegerWrapper places = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    /**
     * @param subject    what the field belongs to: the todo's title, "List “Work”"
     * @param field      "Notes", "Title" or "Name"
     * @param singleLine whether the field holds one line (a title, a list's name)
     * @param write      stores the result, in the background; called at most once per save
     */
    MergeEditorViewModel(String heading, String subject, String field, boolean singleLine, TextConflict conflict, String seed,
                         Dialogs dialogs, Consumer<String> write) {
        this.heading = heading;
        this.subject = subject;
        this.field = field;
        this.singleLine = singleLine;
        this.kept = conflict.diff().newText();
        this.dialogs = dialogs;
        this.write = write;
        this.text = new SimpleStringProperty(seed);
        text.addListener((o, a, b) -> update());
        update();
    }

    private void update() {
        int n = MergeText.places(text.get());
        places.set(n);
        status.set(n == 0 ? (MergeText.hasMarkers(text.get()) ? "A marker line remains." : "No conflict markers left.")
                : n == 1 ? "1 place still shows both versions." : n + " places still show both versions.");
        error.set("");
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

    public boolean singleLine() {
        return singleLine;
    }

    /** The text being edited; starts as the seed. */
    public StringProperty textProperty() {
        return text;
    }

    /** Marked places left (lines opening one). */
    public ReadOnlyIntegerProperty placesProperty() {
        return places.getReadOnlyProperty();
    }

    /** "2 places still show both versions." or "No conflict markers left." */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Why the last save was refused; "" otherwise. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The next marked place from {@code caret}, wrapping; null when none is left. */
    public MergeText.Range next(int caret) {
        return MergeText.next(text.get(), caret);
    }

    /**
     * Saves when the text can be saved, returning true (the editor closes); false leaves it open:
     * a one-line field with line breaks or nothing in it, or markers the user does not want saved.
     */
    public boolean save() {
        String t = text.get() == null ? "" : text.get();
        if (singleLine) {
            if (t.indexOf('\n') >= 0 || t.indexOf('\r') >= 0) {
                error.set(MergeText.hasMarkers(t)
                        ? "The " + field.toLowerCase(Locale.ROOT) + " is one line: keep the words you want and delete the marker lines."
                        : "The " + field.toLowerCase(Locale.ROOT) + " is one line: join the lines before saving.");
                return false;
            }
            if (t.isBlank()) {
                error.set("The " + field.toLowerCase(Locale.ROOT) + " cannot be empty.");
                return false;
            }
        }
        if (MergeText.hasMarkers(t)) {
            int n = Math.max(1, MergeText.places(t));
            String where = n == 1 ? "One place still shows" : n + " places still show";
            if (!dialogs.confirm("Save with conflict markers?", where + " both versions between "
                    + MergeText.START + " and " + MergeText.END + " lines. Save the text with the markers in it?",
                    "Save anyway")) {
                return false;
            }
        }
        write.accept(singleLine ? t.strip() : MergeText.toStored(t, kept));
        return true;
    }
}
