package dev.tandem.app.vm.window;

import dev.tandem.app.model.TodoList;
import dev.tandem.app.text.DatePhrases;
import dev.tandem.ui.messages.Messages;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The questions asked before an action on the selected todos: which tag, which list, which due date. Apart from
 * the commands because they only ask and read the answer; the action itself is {@link BulkCommands}'. An answer
 * that names nothing (no such list, a date that cannot be read) is said in the message line and asks nothing more.
 */
public final class BulkQuestions {
    private final Dialogs dialogs;
    private final List<TodoList> lists;
    private final Supplier<LocalDate> today;
    private final Consumer<String> say;

    /** {@code lists} are the sidebar's lists, live; {@code say} writes the message line. */
    BulkQuestions(Dialogs dialogs, List<TodoList> lists, Supplier<LocalDate> today, Consumer<String> say) {
        this.dialogs = dialogs;
        this.lists = lists;
        this.today = today;
        this.say = say;
    }

    /** Asks for a tag to add to the selected todos; empty when cancelled or blank. */
    public Optional<String> askTag() {
        return askTag(1);
    }

    /** Asks for a tag to add to {@code n} selected todos, saying how many; empty when cancelled or blank. */
    public Optional<String> askTag(int n) {
        String title = n > 1 ? Messages.text("main.askTag.titleMany", n) : Messages.text("main.askTag.title");
        String label = n > 1 ? Messages.text("main.askTag.labelMany", n) : Messages.text("main.askTag.label");
        return dialogs.askText(title, label, "").map(String::strip).filter(t -> !t.isEmpty());
    }

    /**
     * Asks for the list to move to by name ("Inbox", or the sidebar's word for it, for none); empty when
     * cancelled or there is no such list.
     */
    public Optional<Optional<String>> askList() {
        Optional<String> name = dialogs.askText(Messages.text("main.askList.title"), Messages.text("main.askList.label"), "")
                .map(String::strip).filter(n -> !n.isEmpty());
        if (name.isEmpty()) {
            return Optional.empty();
        }
        if (name.get().equalsIgnoreCase("inbox") || name.get().equalsIgnoreCase(Messages.text("main.sidebar.inbox"))) {
            return Optional.of(Optional.empty());
        }
        Optional<TodoList> l = lists.stream().filter(x -> x.name() != null && x.name().equalsIgnoreCase(name.get())).findFirst();
        if (l.isEmpty()) {
            say.accept(Messages.text("main.askList.noSuchList", name.get()));
            return Optional.empty();
        }
        return Optional.of(Optional.of(l.get().id()));
    }

    /**
     * Asks for a due date ("tomorrow", "fri", "2026-12-01", or in the language's words; "none" or its word
     * clears); empty when cancelled or unreadable.
     */
    public Optional<Optional<LocalDate>> askDue() {
        Optional<String> text = dialogs.askText(Messages.text("main.askDue.title"), Messages.text("main.askDue.label"), "")
                .map(String::strip).filter(n -> !n.isEmpty());
        if (text.isEmpty()) {
            return Optional.empty();
        }
        if (text.get().equalsIgnoreCase("none") || text.get().equalsIgnoreCase(Messages.text("main.askDue.none"))) {
            return Optional.of(Optional.empty());
        }
        Optional<LocalDate> d = DatePhrases.parse(text.get(), today.get());
        if (d.isEmpty()) {
            say.accept(Messages.text("main.askDue.unreadable", text.get()));
            return Optional.empty();
        }
        return Optional.of(d);
    }
}
