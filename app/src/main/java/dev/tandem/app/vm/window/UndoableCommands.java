package dev.tandem.app.vm.window;

import dev.tandem.app.vm.shared.ItemRow;
import dev.tandem.app.vm.shared.UndoManager;
import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Completed;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.Listing;
import dev.tandem.app.model.TodoDetails;
import dev.tandem.app.model.TodoList;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.TodoVerbs;
import dev.tandem.app.model.outline.Subtrees;
import dev.tandem.app.text.Checklist;
import dev.tandem.app.text.PlainSpan;
import dev.tandem.ui.messages.Formats;
import dev.tandem.ui.messages.Messages;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;

/**
 * The main window's actions on items and lists, behind {@link MainViewModel}'s command methods.
 * Each changes the store on the background executor and, back on the UI executor, pushes its
 * inverse and how to do it again onto the undo stack, so every change the user makes can be taken
 * back and redone. Most, and {@link #undo} and {@link #redo} themselves, say what they did in the
 * message line. The actions on whole lists are {@link ListCommands}'; the questions asked before an
 * action on the selection are {@link BulkQuestions}'.
 */
public final class UndoableCommands {
    private final TodoStore store;
    private final TodoVerbs verbs;
    private final Async async;
    private final Dialogs dialogs;
    private final UndoManager undo;
    private final ReadOnlyObjectProperty<Listing> view;
    private final SidebarViewModel sidebar;
    private final Consumer<Listing> select;
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    /** Where the message's link goes ("Show Family" after adding there from elsewhere); null when it has none. */
    private Listing messageTarget;
    private final ReadOnlyStringWrapper messageAction = new ReadOnlyStringWrapper("");
    private final QuickAdds adds;
    private final SubtreeCommands subtrees;
    private final Subtrees subtreeStore;
    private final BulkQuestions questions;
    private final ListCommands listCommands;

    /** {@code view} decides where new items go; {@code select} navigates, e.g. to a new list. */
    UndoableCommands(TodoStore store, Async async, Dialogs dialogs, UndoManager undo, ReadOnlyObjectProperty<Listing> view,
            ObservableList<TodoList> lists, SidebarViewModel sidebar, Consumer<Listing> select) {
        this.store = store;
        this.verbs = store.verbs();
        this.async = async;
        this.dialogs = dialogs;
        this.undo = undo;
        this.view = view;
        this.sidebar = sidebar;
        this.select = select;
        this.adds = new QuickAdds(store, async, undo, view, lists, this);
        this.subtrees = new SubtreeCommands(store, async, dialogs, undo, message::set);
        this.subtreeStore = new Subtrees(store);
        this.questions = new BulkQuestions(dialogs, lists, store::today, message::set);
        this.listCommands = new ListCommands(store, async, dialogs, undo, view, lists, select, message::set);
        // A message is about what the user just did where they did it: another view starts without one.
        view.addListener((o, a, b) -> message.set(""));
        // A new message has no link unless the code that set it gives one right after.
        message.addListener((o, a, b) -> {
            messageTarget = null;
            messageAction.set("");
        });
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The words of the message's link ("Show Family"), empty when the message has none. */
    public ReadOnlyStringProperty messageActionProperty() {
        return messageAction.getReadOnlyProperty();
    }

    /** Follows the message's link: shows the view it names. */
    public void followMessage() {
        Listing target = messageTarget;
        if (target != null) {
            select.accept(target);
            message.set("");
        }
    }

    /** Shows {@code text} in the message line with a link to {@code target}, worded {@code action} ("Show Family"). */
    void say(String text, String action, Listing target) {
        message.set(text);
        messageTarget = target;
        messageAction.set(action);
    }

    /** Asks what to set on the selected todos: a tag, a list, a due date. */
    public BulkQuestions questions() {
        return questions;
    }

    /** New list, rename and delete a list. */
    public ListCommands listCommands() {
        return listCommands;
    }

    /** Shows {@code text} in the message line. */
    void say(String text) {
        message.set(text);
    }

    public String currentListId() {
        return view.get() instanceof Listing.UserListing l ? l.listId() : null;
    }

    public boolean quickAdd(String text) {
        return quickAdd(text, List.of());
    }

    /**
     * Adds what the quick-add text says, reading nothing in the words under {@code plain} (the user
     * turned them back into title text); false, with the reason said, when nothing was added.
     */
    public boolean quickAdd(String text, Collection<PlainSpan> plain) {
        return adds.add(text, plain, null, null);
    }

    /** As {@link QuickAdds#add}, for the quick-add field. */
    public boolean quickAdd(String text, Collection<PlainSpan> plain, Consumer<Throwable> done) {
        return adds.add(text, plain, null, done);
    }

    /** As above, as a subtask of {@code parentId} when it is not null. */
    public boolean quickAdd(String text, Collection<PlainSpan> plain, String parentId, Consumer<Throwable> done) {
        return adds.add(text, plain, parentId, done);
    }

    /** Adds a subtask of {@code parentId} (from a line of its notes), done or not, as one undo step. */
    public void addSubtask(String parentId, String title, boolean done) {
        async.run(() -> {
            TodoStore.Added a = store.add(title, null, null, parentId, null, TodoDetails.NONE);
            if (done) {
                verbs.complete(a.item().id(), false);
            }
            return a;
        }, added -> {
            undo.push(Messages.text("main.undo.makeSubtask", title), () -> store.unadd(added), () -> store.readd(added));
            message.set(Messages.text("main.done.isSubtask", title));
        });
    }

    /** Turns a subtask back into a check box line of its parent's notes, as one undo step. */
    public void toChecklistLine(ItemRow row) {
        String id = row.id();
        boolean checked = row.isDone();
        String title = row.title();
        async.run(() -> subtreeStore.fold(id, notes -> Checklist.withLine(notes, title, checked)), folded ->
                folded.ifPresent(f -> {
                    undo.push(Messages.text("main.undo.makeChecklistLine", title), () -> subtreeStore.unfold(f),
                            () -> subtreeStore.fold(id, notes -> Checklist.withLine(notes, title, checked)));
                    message.set(Messages.text("main.done.isChecklistLine", title));
                }));
    }

    public void toggleDone(ItemRow row) {
        if (!row.isSection()) {
            toggleDone(row.item());
        }
    }

    public void setDone(ItemRow row, boolean done) {
        if (!row.isSection()) {
            setDone(row.item(), done);
        }
    }

    /** Delete: moves to the Trash; in the Trash it deletes for good after a confirmation. */
    public void delete(ItemRow row) {
        if (!row.isSection()) {
            delete(row.item());
        }
    }

    public void restore(ItemRow row) {
        if (!row.isSection()) {
            restore(row.item());
        }
    }

    public void moveToList(ItemRow row, String listId) {
        if (!row.isSection()) {
            moveToList(row.item(), listId);
        }
    }

    public void toggleDone(Item item) {
        if (item != null) {
            setDone(item, !item.isDone());
        }
    }

    /** Completes or reopens; a note has nothing to complete, so this does nothing for one. */
    public void setDone(Item item, boolean done) {
        if (item.isNote()) {
            return;
        }
        if (done && !item.isDone()) {
            // Open subtasks are asked about first; without any, it is completed alone.
            subtrees.complete(item, () -> completeOrReopen(item, true));
            return;
        }
        completeOrReopen(item, done);
    }

    private void completeOrReopen(Item item, boolean done) {
        String id = item.id();
        if (done) {
            async.run(() -> verbs.complete(id, false), completed -> completed.filter(Completed::changed).ifPresent(c -> {
                String t = c.before().titleOrEmpty();
                // Redo completes again (creating the next occurrence again); undo then takes back that step.
                AtomicReference<Completed> last = new AtomicReference<>(c);
                undo.push(Messages.text("main.undo.complete", t), id, () -> verbs.uncomplete(last.get()),
                        () -> verbs.complete(id, false).ifPresent(last::set));
                message.set(c.next().filter(n -> n.dueDate() != null)
                        .map(n -> Messages.text("main.done.completedNext", t, Formats.day(n.dueDate(), store.today())))
                        .orElse(Messages.text("main.done.completed", t)));
            }));
            return;
        }
        async.run(() -> verbs.reopen(id), before -> before.filter(Item::isDone).ifPresent(b -> {
            undo.push(Messages.text("main.undo.reopen", b.titleOrEmpty()), id, () -> verbs.unreopen(b),
                    () -> verbs.reopen(id));
            message.set(Messages.text("main.done.reopened", b.titleOrEmpty()));
        }));
    }

    public void delete(Item item) {
        if (item == null) {
            return;
        }
        String id = item.id();
        if (item.isTrashed()) {
            if (!dialogs.confirmDestructive(Messages.text("main.deleteForGood.title"),
                    Messages.text("main.deleteForGood.text", item.titleOrEmpty()), Messages.text("main.deleteForGood.button"))) {
                return;
            }
            async.run(() -> store.deleteForever(id), ok -> {
                undo.push(Messages.text("main.undo.delete", item.titleOrEmpty()), () -> store.restoreDeleted(List.of(id)),
                        () -> store.deleteForever(id));
                message.set(Messages.text("main.done.deleted", item.titleOrEmpty()));
            });
            return;
        }
        subtrees.trash(item);
    }

    public void restore(Item item) {
        if (item == null) {
            return;
        }
        subtrees.restore(item);
    }

    public void emptyTrash() {
        long n = sidebar.count("trash");
        if (!dialogs.confirmDestructive(Messages.text("main.emptyTrash.title"), Messages.text("main.emptyTrash.text", n),
                Messages.text("main.emptyTrash.button"))) {
            return;
        }
        async.run(store::emptyTrash, ids -> {
            if (!ids.isEmpty()) {
                // Redo deletes those same items again, not what was trashed since.
                undo.push(Messages.text("main.undo.emptyTrash"), () -> store.restoreDeleted(ids), () -> store.deleteForever(ids));
                message.set(Messages.text("main.done.deletedItems", ids.size()));
            }
        });
    }

    /** Makes the row a note ({@code true}) or a todo, as one undo step. */
    public void setNote(ItemRow row, boolean note) {
        String id = row.id();
        async.run(() -> store.setNote(id, note), before -> before.ifPresent(b -> {
            if (b.isNote() != note) {
                String t = b.titleOrEmpty();
                undo.push(Messages.text(note ? "main.undo.makeNote" : "main.undo.makeTodo", t), () -> store.update(id,
                        it -> it.withKind(b.kind())), () -> store.setNote(id, note));
                message.set(Messages.text(note ? "main.done.isNote" : "main.done.isTodo", t));
            }
        }));
    }

    public void moveToList(Item item, String listId) {
        String id = item.id();
        async.run(() -> store.update(id, it -> it.withListId(listId)), before -> before.ifPresent(b ->
                undo.push(Messages.text("main.undo.move", b.titleOrEmpty()), () -> store.update(id, it -> it.withListId(b.listId())),
                        () -> store.update(id, it -> it.withListId(listId)))));
    }

    public void undo() {
        String label = undo.undo();
        message.set(label == null ? Messages.text("main.undo.nothingToUndo") : Messages.text("main.undo.undone", label));
    }

    public void redo() {
        String label = undo.redo();
        message.set(label == null ? Messages.text("main.undo.nothingToRedo") : Messages.text("main.undo.redone", label));
    }
}
