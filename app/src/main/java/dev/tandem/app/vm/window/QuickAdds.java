package dev.tandem.app.vm.window;

import dev.tandem.app.vm.shared.UndoManager;
import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Listing;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.text.PlainSpan;
import dev.tandem.app.text.QuickAddPlan;
import dev.tandem.app.vm.history.HistoryLine;
import dev.tandem.ui.messages.Messages;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.collections.ObservableList;

/**
 * Adding a todo or a note from quick-add text: where it goes (the list it names, else the list
 * shown; Today and Upcoming give a date), one undo step, and what the message line says: where it
 * went when that is not the list shown, with a link there.
 */
final class QuickAdds {
    private final TodoStore store;
    private final Async async;
    private final UndoManager undo;
    private final ReadOnlyObjectProperty<Listing> view;
    private final ObservableList<TodoList> lists;
    private final UndoableCommands messages;

    QuickAdds(TodoStore store, Async async, UndoManager undo, ReadOnlyObjectProperty<Listing> view,
              ObservableList<TodoList> lists, UndoableCommands messages) {
        this.store = store;
        this.async = async;
        this.undo = undo;
        this.view = view;
        this.lists = lists;
        this.messages = messages;
    }

    /**
     * Adds what the quick-add text says, reading nothing in the words under {@code plain} (the user
     * turned them back into title text); false, with the reason said, when nothing was added. With
     * {@code parentId}, as a subtask of that todo. With {@code done} (the quick-add field), it hears on the UI thread null once the todo is saved, or the
     * failure, and shows both itself (the field keeps the text and the failure until the user acts),
     * so neither goes to the message line or the status bar.
     */
    boolean add(String text, Collection<PlainSpan> plain, String parentId, Consumer<Throwable> done) {
        QuickAddPlan plan = QuickAddPlan.read(text, plain, view.get(), ZonedDateTime.now(store.dateClock()));
        Optional<String> problem = plan.problem(text);
        if (problem.isPresent()) {
            // Said as the command line says it: nothing is added, and the field keeps what was typed.
            messages.say(problem.get());
            return false;
        }
        adding(plan.title(), done);
        async.run(() -> plan.addTo(store, parentId), added -> {
            undo.push(Messages.text("main.undo.add", HistoryLine.shorten(added.item().title())), () -> store.unadd(added),
                    () -> store.readd(added));
            if (plan.note()) {
                saidNote(added);
            } else {
                // A date that is none ("feb 30") stayed in the title: say so rather than just "Added".
                sayAdded(false, added, plan.draft().warning());
            }
            if (done != null) {
                done.accept(null);
            }
        }, e -> notAdded(plan.title(), e, done));
        return true;
    }

    /**
     * Says the add is under way until it is saved: a save waits while a sync catches up on a large
     * snapshot (seconds, with the status bar saying so), and a field that cleared with nothing
     * shown would invite typing it again.
     */
    private void adding(String title, Consumer<Throwable> done) {
        if (done == null) {
            messages.say(Messages.text("main.quickAdd.adding", HistoryLine.shorten(title)));
        }
    }

    /**
     * The add failed: the message line stops saying it is under way, and the failure is reported as
     * any; or, for the quick-add field, handed to {@code done}, which keeps it shown.
     */
    private void notAdded(String title, Throwable failure, Consumer<Throwable> done) {
        if (done != null) {
            messages.say("");
            done.accept(failure);
            return;
        }
        messages.say(Messages.text("main.quickAdd.notAdded", HistoryLine.shorten(title)));
        async.report(failure);
    }

    /**
     * "note: …": a note in the list it names, else the list shown. Today and Upcoming never show notes, so
     * one added there goes to the Inbox, and the message says where it went.
     */
    private void saidNote(TodoStore.Added added) {
        boolean toInbox = added.item().listId() == null && view.get() instanceof Listing.BuiltInListing s
                && s.builtIn() != Listing.BuiltIn.INBOX;
        if (added.item().listId() != null) {
            sayAdded(true, added, null);
        } else {
            messages.say(Messages.text(toInbox ? "main.quickAdd.addedNoteInbox" : "main.quickAdd.addedNote",
                    HistoryLine.shorten(added.item().title())));
        }
    }

    /**
     * After an add: says where the todo went when the view shown is not its list (quick add's
     * "#Family" from the Inbox), with a link there; else just that it was added.
     */
    private void sayAdded(boolean note, TodoStore.Added added, String warning) {
        String listId = added.item().listId();
        boolean elsewhere = listId != null && !(view.get() instanceof Listing.UserListing l && l.listId().equals(listId));
        if (!elsewhere) {
            messages.say(warning != null ? warning : Messages.text(note ? "main.quickAdd.addedNote" : "main.quickAdd.added",
                    HistoryLine.shorten(added.item().title())));
            return;
        }
        String name = HistoryLine.shorten(added.createdList() != null ? added.createdList().name() : lists.stream()
                .filter(l -> l.id().equals(listId)).map(TodoList::name).findFirst()
                .orElseGet(() -> Messages.text("main.quickAdd.itsList")));
        boolean created = added.createdList() != null;
        String said = Messages.text(note ? (created ? "main.quickAdd.addedNoteToNew" : "main.quickAdd.addedNoteTo")
                : created ? "main.quickAdd.addedToNew" : "main.quickAdd.addedTo", HistoryLine.shorten(added.item().title()), name);
        messages.say(warning != null ? Messages.text("main.quickAdd.warningThen", warning, said) : said,
                Messages.text("main.quickAdd.show", name), new Listing.UserListing(listId));
    }
}
