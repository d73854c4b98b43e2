package dev.tandem.app.vm;

import dev.tandem.app.text.PlainSpan;
import dev.tandem.app.text.QuickAddToken;
import dev.tandem.app.text.TodoDraft;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Supplier;
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
    private final BiPredicate<String, Collection<PlainSpan>> add;

    /**
     * @param today the local date dates are read against
     * @param add adds the todo from the text and the plain marks; false when nothing was added
     */
    public QuickAddViewModel(Supplier<LocalDate> today, BiPredicate<String, Collection<PlainSpan>> add) {
        this.today = today;
        this.add = add;
        text.addListener((o, was, now) -> {
            plain.removeIf(p -> !p.stillIn(now));
            reparse();
        });
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
        if (index >= 0 && index < tokens.size()) {
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
     * Adds the todo (Enter in the field) with the plain marks. When it was added the field and the marks
     * are cleared; when not (no title), both stay and the message line says why.
     */
    public boolean submit() {
        String typed = text.get() == null ? "" : text.get();
        if (!add.test(typed, List.copyOf(plain))) {
            return false;
        }
        plain.clear();
        text.set("");
        reparse();
        return true;
    }

    /** A chip's words: "Due: Tomorrow", "Repeats: every Monday", "p2", "@home", "#Garden", "Reminder 9:00". */
    public static String label(QuickAddToken token) {
        return switch (token.kind()) {
            case DATE -> "Due: " + token.shown();
            case REPEAT -> "Repeats: " + token.shown();
            case REMINDER -> "Reminder " + token.shown();
            case NOTE -> "Note";
            case PRIORITY, TAG, LIST -> token.shown();
        };
    }

    /** What the chip's "×" does, for screen readers and its tooltip: "Treat “p2” as part of the title". */
    public String treatAsTextDescription(QuickAddToken token) {
        String typed = text.get() == null ? "" : text.get();
        String words = token.end() <= typed.length() ? token.in(typed) : token.shown();
        return "Treat “" + words + "” as part of the title";
    }

    private void reparse() {
        String typed = text.get() == null ? "" : text.get();
        List<QuickAddToken> now = typed.isBlank() ? List.of() : TodoDraft.parse(typed, today.get(), plain).tokens();
        if (!now.equals(tokens)) {
            tokens.setAll(now);
            List<Chip> made = new ArrayList<>();
            for (int i = 0; i < now.size(); i++) {
                QuickAddToken t = now.get(i);
                made.add(new Chip(label(t), t.kind().name().toLowerCase(java.util.Locale.ROOT),
                        treatAsTextDescription(t), i));
            }
            chips.setAll(made);
        }
    }
}
