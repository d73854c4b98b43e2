package dev.tandem.app.vm;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.Listing;
import dev.tandem.app.text.PlainSpan;
import dev.tandem.app.text.QuickAddPlan;
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
            undo.push("Add “" + HistoryLine.shorten(added.item().title()) + "”", () -> store.unadd(added), () -> store.readd(added));
            if (plan.note()) {
                saidNote(added);
            } else {
                // A date that is none ("feb 30") stayed in the title: say so rather than just "Added".
                sayAdded("", added, plan.draft().warning());
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
            messages.say("Adding “" + HistoryLine.shorten(title) + "”…");
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
        messages.say("“" + HistoryLine.shorten(title) + "” was not added");
        async.report(failure);
    }

    /**
     * "note: …": a note in the list it names, else the list shown. Today and Upcoming never show notes, so
     * one added there goes to the Inbox, and the message says where it went.
     */
    private void saidNote(TodoStore.Added added) {
        String where = added.item().listId() == null && view.get() instanceof Listing.SmartListing s
                && s.smart() != Listing.Smart.INBOX ? " to the Inbox" : "";
        if (added.item().listId() != null) {
            sayAdded("the note ", added, null);
        } else {
            messages.say("Added the note “" + HistoryLine.shorten(added.item().title()) + "”" + where);
        }
    }

    /**
     * After an add: says where the todo went when the view shown is not its list (quick add's
     * "#Family" from the Inbox), with a link there; else just that it was added.
     */
    private void sayAdded(String what, TodoStore.Added added, String warning) {
        String listId = added.item().listId();
        boolean elsewhere = listId != null && !(view.get() instanceof Listing.UserListing l && l.listId().equals(listId));
        if (!elsewhere) {
            messages.say(warning != null ? warning : "Added " + what + "“" + HistoryLine.shorten(added.item().title()) + "”");
            return;
        }
        String name = HistoryLine.shorten(added.createdList() != null ? added.createdList().name() : lists.stream()
                .filter(l -> l.id().equals(listId)).map(TodoList::name).findFirst().orElse("its list"));
        messages.say((warning != null ? warning + " " : "") + "Added " + what + "“" + HistoryLine.shorten(added.item().title()) + "” to "
                + (added.createdList() != null ? "the new list " : "") + name + ".", "Show " + name,
                new Listing.UserListing(listId));
    }
}
