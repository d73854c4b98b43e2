package dev.tandem.app.vm.quickadd;

import dev.tandem.app.text.PlainSpan;
import dev.tandem.app.text.QuickAddToken;
import dev.tandem.app.text.TodoDraft;
import dev.tandem.ui.messages.Messages;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The quick-add field: what is typed, and live, what quick add understood in it ({@link #tokens}: the
 * date, repeat, priority, tags, list, reminder, in typing order), shown as chips under the field. The
 * user can turn one understood piece back into plain title text ({@link #treatAsText}); such marks hold
 * while the same words stay at the same place in the text, and are used and cleared when the todo is
 * added. Parsing is pure and quick, so it runs on the UI thread as the text changes. Needs no toolkit.
 *
 * <p>What was typed is never lost: the text stays in the field while the save is under way
 * ({@link #savingProperty()}) and leaves it only once the save landed; keys typed meanwhile stay. A
 * save that fails (another program held the database past the write timeout, a full disk) leaves the
 * text where it was and says why in {@link #failureProperty()}, which stays until the user retries,
 * dismisses it or adds again.
 */
public final class QuickAddViewModel {
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObservableList<QuickAddToken> tokens = FXCollections.observableArrayList();
    private final ObservableList<QuickAddToken> readOnlyTokens = FXCollections.unmodifiableObservableList(tokens);
    private final ObservableList<Chip> chips = FXCollections.observableArrayList();
    private final ObservableList<Chip> readOnlyChips = FXCollections.unmodifiableObservableList(chips);

    /**
     * A chip as the view shows it: its words, its kind for the style ("date", "priority", …), what its
     * "×" does, and its place among the tokens for {@link #treatAsText(int)}. The view needs nothing of
     * the parser's types.
     */
    public record Chip(String label, String kind, String treatDescription, int index) {
    }
    private final List<PlainSpan> plain = new ArrayList<>();
    private final Supplier<LocalDate> today;
    private final Adder add;
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving", false);
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");
    /** The text of the save under way, to take out of the field once it landed. */
    private String submitted;

    /** Adds the todo a quick-add text says. */
    @FunctionalInterface
    public interface Adder {
        /**
         * Starts adding the todo {@code text} says, reading nothing in the words under {@code plain}, as a
         * subtask of {@code parentId} when it is not null; false, with the reason said, when nothing was
         * started (no title). Otherwise {@code done} is called later on the UI thread, with null once the
         * todo is saved, or with the failure.
         */
        boolean add(String text, Collection<PlainSpan> plain, String parentId, Consumer<Throwable> done);
    }

    /** The todo new todos go under while quick add adds subtasks ("Subtask of “Move house”"). */
    public record Under(String id, String title) {
    }

    /** The index of the "Subtask of" chip, which {@link #treatAsText(int)} takes as "add top-level todos again". */
    public static final int UNDER_CHIP = -2;
    private final ReadOnlyObjectWrapper<Under> under =
            new ReadOnlyObjectWrapper<>(this, "under");

    /** The todo new todos go under, or null for top-level todos. */
    public ReadOnlyObjectProperty<Under> underProperty() {
        return under.getReadOnlyProperty();
    }

    /** From now on quick add adds subtasks of this todo, until {@link #clearUnder()}. */
    public void addUnder(String id, String title) {
        under.set(new Under(id, title == null ? "" : title));
        rebuildChips();
    }

    /** Quick add adds top-level todos again. */
    public void clearUnder() {
        if (under.get() != null) {
            under.set(null);
            rebuildChips();
        }
    }

    /**
     * @param today the local date dates are read against
     * @param add adds the todo from the text and the plain marks
     */
    public QuickAddViewModel(Supplier<LocalDate> today, Adder add) {
        this.today = today;
        this.add = add;
        text.addListener((o, was, now) -> {
            plain.removeIf(p -> !p.stillIn(now));
            reparse();
        });
    }

    /**
     * An adder that saves before it returns: true when the todo was added, false when nothing was
     * (no title, the reason said).
     */
    public static QuickAddViewModel saving(Supplier<LocalDate> today, BiPredicate<String, Collection<PlainSpan>> add) {
        return new QuickAddViewModel(today, (text, plain, parentId, done) -> {
            boolean added = add.test(text, plain);
            if (added) {
                done.accept(null);
            }
            return added;
        });
    }

    /** True from Enter until the todo is saved or the save failed; the text stays in the field meanwhile. */
    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /**
     * Why the last add failed ("“Buy milk” was not added: …"), empty when it did not; stays until
     * {@link #retry()}, {@link #dismissFailure()} or the next add.
     */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** What is typed in the field; the view binds the field to it both ways. */
    public StringProperty textProperty() {
        return text;
    }

    /** What was understood in the text, in typing order; empty when nothing was. Read-only. */
    public ObservableList<QuickAddToken> tokens() {
        return readOnlyTokens;
    }

    /** The chips for what was understood, in typing order; read-only. */
    public ObservableList<Chip> chips() {
        return readOnlyChips;
    }

    /** The chip at {@code index} of {@link #chips()}: its words are title text from now on. */
    public void treatAsText(int index) {
        if (index == UNDER_CHIP) {
            clearUnder();
        } else if (index >= 0 && index < tokens.size()) {
            treatAsText(tokens.get(index));
        }
    }

    /** The words the user turned back into title text, as long as they stand where they were. */
    public List<PlainSpan> plainSpans() {
        return List.copyOf(plain);
    }

    /** Reads the token's words as title text from now on ("×" on its chip). */
    public void treatAsText(QuickAddToken token) {
        String typed = text.get();
        if (token == null || typed == null || token.end() > typed.length()) {
            return;
        }
        PlainSpan mark = token.plain(typed);
        if (!plain.contains(mark)) {
            plain.add(mark);
        }
        reparse();
    }

    /**
     * Adds the todo (Enter in the field) with the plain marks. The text stays in the field until the
     * save landed; then the submitted words leave it (whatever was typed after them meanwhile stays).
     * False when nothing was started: no title (the message line says why), or a save under way.
     */
    public boolean submit() {
        if (saving.get()) {
            return false;
        }
        String typed = text.get() == null ? "" : text.get();
        saving.set(true);
        submitted = typed;
        failure.set("");
        Under parent = under.get();
        boolean started = add.add(typed, List.copyOf(plain), parent == null ? null : parent.id(), this::saved);
        if (!started && submitted != null) {
            saving.set(false);
            submitted = null;
        }
        return started;
    }

    /** Adds again what is in the field after a failure (the failure's Retry). */
    public boolean retry() {
        return submit();
    }

    /** The user saw the failure and closes it; the text stays in the field. */
    public void dismissFailure() {
        failure.set("");
    }

    private void saved(Throwable failed) {
        String was = submitted;
        saving.set(false);
        submitted = null;
        if (failed != null) {
            failure.set(notAdded(was, failed));
            return;
        }
        String now = text.get() == null ? "" : text.get();
        if (was != null && now.startsWith(was)) {
            plain.clear();
            text.set(now.substring(was.length()).stripLeading());
            reparse();
        }
    }

    /** "“Buy milk” was not added: another program kept the database locked …. It is still in the field." */
    static String notAdded(String typed, Throwable failed) {
        String why = failed.getMessage() == null ? failed.getClass().getSimpleName() : failed.getMessage();
        // The engine's message names what it was doing and SQLite's code; the person needs the reason.
        int colon = why.indexOf(" failed: ");
        if (colon >= 0) {
            why = why.substring(colon + " failed: ".length());
        }
        why = why.replaceAll("\\s*\\[SQLITE_[A-Z_]+\\]$", "").strip();
        String title = typed == null ? "" : typed.strip();
        return Messages.text("main.quickAdd.notAddedWhy", title, why + (why.endsWith(".") ? "" : "."));
    }

    /** A chip's words (the desktop's and the web page's alike). */
    public static String label(QuickAddToken token) {
        return token.label();
    }

    /** What the chip's "×" does, for screen readers and its tooltip: "Treat “p2” as part of the title". */
    public String treatAsTextDescription(QuickAddToken token) {
        String typed = text.get() == null ? "" : text.get();
        String words = token.end() <= typed.length() ? token.in(typed) : token.shown();
        return Messages.text("main.quickAdd.treatAsText", words);
    }

    private void reparse() {
        String typed = text.get() == null ? "" : text.get();
        List<QuickAddToken> now = typed.isBlank() ? List.of() : TodoDraft.parse(typed, today.get(), plain).tokens();
        if (!now.equals(tokens)) {
            tokens.setAll(now);
            rebuildChips();
        }
    }

    private void rebuildChips() {
        List<Chip> made = new ArrayList<>();
        Under parent = under.get();
        if (parent != null) {
            made.add(new Chip(Messages.text("main.quickAdd.subtaskOf", parent.title()), "parent",
                    Messages.text("main.quickAdd.topLevelAgain"), UNDER_CHIP));
        }
        for (int i = 0; i < tokens.size(); i++) {
            QuickAddToken t = tokens.get(i);
            made.add(new Chip(label(t), t.kind().name().toLowerCase(Locale.ROOT), treatAsTextDescription(t), i));
        }
        chips.setAll(made);
    }
}
