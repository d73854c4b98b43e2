package dev.tandem.app.vm.editor;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Item;
import dev.tandem.app.model.TextLimits;
import dev.tandem.app.model.TextMerge;
import dev.tandem.app.model.TodoStore;
import dev.tandem.app.model.TodoVerbs;
import dev.tandem.app.model.history.Authors;
import dev.tandem.app.model.history.ItemVersions;
import dev.tandem.app.vm.shared.DayField;
import dev.tandem.app.vm.attachment.LinkOpener;
import dev.tandem.app.vm.shared.UndoManager;
import dev.tandem.app.vm.attachment.AttachmentsViewModel;
import dev.tandem.app.vm.history.HistoryLine;
import dev.tandem.app.vm.history.VersionsViewModel;
import dev.tandem.ui.messages.Messages;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * The editor pane for one item. Its fields are bound two-way to the controls. When the item
 * changes in the database (another device, or this one), only fields the user has not touched since
 * the last load take the new value, so an edit in progress survives a sync. {@link #commit()} writes
 * the touched fields as a read-modify-write of the current row, so it never reverts a field someone
 * else changed meanwhile ({@link FieldEdit} says which fields an edit sets). The history lines are
 * {@link EditorHistory}'s; the date fields read and write days as {@link DayField} does; a save and its undo are
 * {@link EditSave}'s.
 */
public final class EditorViewModel {
    private final TodoStore store;
    private final EditSave saves;
    private final Authors authors;
    private final Async async;
    private final UndoManager undo;

    private final ReadOnlyObjectWrapper<Item> item = new ReadOnlyObjectWrapper<>();
    private final DetailsViewModel details;
    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper(false);
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty notes = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> due = new SimpleObjectProperty<>();
    private final ObjectProperty<String> listId = new SimpleObjectProperty<>();
    private final BooleanProperty done = new SimpleBooleanProperty(false);
    private final BooleanProperty note = new SimpleBooleanProperty(false);
    /** Why the typed text is not saved (over a {@link TextLimits} limit), or empty. */
    private final ReadOnlyStringWrapper tooLong = new ReadOnlyStringWrapper("");
    private final NotesViewModel notesView;
    private final EditorHistory history;
    /** The shown item's attached files; null in a window without them (some tests). */
    private AttachmentsViewModel attachments;
    /** The values the fields were last loaded from; a field differing from its base is dirty. */
    private Item base;
    /** The Done box as last loaded or saved: it is the model's verbs' to write, not a field of the base's edit. */
    private boolean baseDone;
    private boolean loading;

    public EditorViewModel(TodoStore store, Async async, UndoManager undo) {
        this(store, async, undo, LinkOpener.NONE);
    }

    /** {@code links} opens the links in notes (the system browser in the app). */
    public EditorViewModel(TodoStore store, Async async, UndoManager undo, LinkOpener links) {
        this.store = store;
        this.saves = new EditSave(store, new TodoVerbs(store));
        this.authors = new Authors(store);
        this.async = async;
        this.undo = undo;
        this.history = new EditorHistory(store, authors, async, this::shownId);
        this.details = new DetailsViewModel(store, async, undo, item.getReadOnlyProperty());
        this.notesView = new NotesViewModel(notes, this::commit, async, links);
        // Due, list, done and todo-or-note are single clicks: save them at once.
        due.addListener((obs, o, n) -> autoCommit());
        listId.addListener((obs, o, n) -> autoCommit());
        done.addListener((obs, o, n) -> autoCommit());
        note.addListener((obs, o, n) -> autoCommit());
    }

    /** The notes shown rendered as Markdown or as text, their check boxes and links. */
    public NotesViewModel notes() {
        return notesView;
    }

    /** Gives the editor its attachments: they follow the item shown from now on. */
    public void useAttachments(AttachmentsViewModel a) {
        this.attachments = a;
        notesView.useAttachments(a);
        a.show(item.get() == null ? null : item.get().id());
        item.addListener((o, was, now) -> {
            if (was == null || now == null || !was.id().equals(now.id())) {
                a.show(now == null ? null : now.id());
            }
        });
    }

    /** The id of the item shown, or null. */
    public String shownId() {
        Item it = item.get();
        return it == null ? null : it.id();
    }

    /** The shown item's attached files, where this window has them. */
    public Optional<AttachmentsViewModel> attachments() {
        return Optional.ofNullable(attachments);
    }

    /**
     * Puts {@code markdown} (an attachment's reference) into the notes of item {@code itemId} and saves:
     * where that item is still shown, through {@code atCaret} (the view inserts it at the caret of the
     * text, and answers false when the notes are not shown as text), else at the end of the notes; where
     * another item is shown now, at the end of the stored notes, leaving the editor's fields alone.
     */
    public void insertInNotes(String itemId, String markdown, Predicate<String> atCaret) {
        Item shown = item.get();
        if (shown != null && shown.id().equals(itemId)) {
            if (!atCaret.test(markdown)) {
                notes.set(withBlock(notes.get(), markdown));
            }
            commit();
            return;
        }
        async.run(() -> store.update(itemId, it -> it.withNotes(withBlock(it.notes(), markdown))));
    }

    /** {@code text} with {@code block} as a paragraph of its own at the end. */
    static String withBlock(String text, String block) {
        if (text == null || text.isEmpty()) {
            return block;
        }
        return text + (text.endsWith("\n\n") ? "" : text.endsWith("\n") ? "\n" : "\n\n") + block;
    }

    /** Priority, tags, repeat and reminder of the item shown. */
    public DetailsViewModel details() {
        return details;
    }

    public ReadOnlyObjectProperty<Item> itemProperty() {
        return item.getReadOnlyProperty();
    }

    /** Why the title or notes as typed are not saved (too long), or empty; the text stays in the editor. */
    public ReadOnlyStringProperty tooLongProperty() {
        return tooLong.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty showingProperty() {
        return showing.getReadOnlyProperty();
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty notesProperty() {
        return notes;
    }

    public ObjectProperty<LocalDate> dueProperty() {
        return due;
    }

    public ObjectProperty<String> listIdProperty() {
        return listId;
    }

    public BooleanProperty doneProperty() {
        return done;
    }

    /** The item is a plain note (no done, due date, repeat or reminder), else a todo. */
    public BooleanProperty noteProperty() {
        return note;
    }

    /**
     * "Versions" of the item shown: a view-model that reads its versions and brings one back;
     * null when no item is shown.
     */
    public VersionsViewModel versions() {
        Item it = item.get();
        if (it == null) {
            return null;
        }
        return new VersionsViewModel(new ItemVersions(store, authors), undo, async,
                store.dateClock().getZone(),
                lid -> store.list(lid).map(l -> l.name()).orElseGet(() -> Messages.text("editor.deleted.list")),
                it.id(), title.get());
    }

    public ObservableList<HistoryLine> history() {
        return history.lines();
    }

    /**
     * Shows {@code next}: a different item saves the current edits first and loads every field; the
     * same item (a live update) refreshes only the fields not being edited. Null hides the editor.
     */
    public void show(Item next) {
        Item cur = item.get();
        if (next == null) {
            commit();
            base = null;
            tooLong.set("");
            item.set(null);
            showing.set(false);
            history.clear();
            return;
        }
        if (cur == null || !cur.id().equals(next.id())) {
            commit();
            base = next;
            baseDone = next.isDone();
            loading = true;
            try {
                title.set(next.titleOrEmpty());
                notes.set(next.notes() == null ? "" : next.notes());
                due.set(next.dueDate());
                listId.set(next.listId());
                done.set(next.isDone());
                note.set(next.isNote());
            } finally {
                loading = false;
            }
            tooLong.set("");
            item.set(next);
            notesView.itemShown();
            showing.set(true);
            loadHistory();
            return;
        }
        if (next.equals(cur)) {
            return;
        }
        Item old = base;
        loading = true;
        try {
            if (title.get().equals(old.titleOrEmpty())) {
                title.set(next.titleOrEmpty());
            }
            String was = old.notes() == null ? "" : old.notes();
            String now = next.notes() == null ? "" : next.notes();
            if (notes.get().equals(was)) {
                notes.set(now);
            } else if (!now.equals(was)) {
                // Typing here while another device's edit arrived: take its lines into the text
                // being typed, as sync merges notes (TextMerge). Where both touched the same lines the typed
                // text stays, and the other version is in the note's history.
                TextMerge.lines(was, now, notes.get()).ifPresent(notes::set);
            }
            if (Objects.equals(due.get(), old.dueDate())) {
                due.set(next.dueDate());
            }
            if (Objects.equals(listId.get(), old.listId())) {
                listId.set(next.listId());
            }
            if (done.get() == baseDone) {
                done.set(next.isDone());
            }
            if (note.get() == old.isNote()) {
                note.set(next.isNote());
            }
        } finally {
            loading = false;
        }
        base = next;
        baseDone = next.isDone();
        item.set(next);
        loadHistory();
    }

    /** True when some field differs from the stored item. */
    public boolean isDirty() {
        return base != null && (patch(base) != null || doneChange() != null);
    }

    private void autoCommit() {
        if (!loading) {
            commit();
        }
    }

    /** Saves the touched fields, if any, in the background. */
    public void commit() {
        if (base == null || loading) {
            return;
        }
        Item b = base;
        UnaryOperator<Item> p = patch(b);
        Boolean doneTo = doneChange();
        if (p == null && doneTo == null) {
            tooLong.set("");
            return;
        }
        // Checked here, before anything is saved, so the editor says why and keeps the text; the
        // store would refuse it all the same (one limit wherever text enters).
        Item edited = p == null ? b : p.apply(b);
        String problem = Objects.requireNonNullElse(TextLimits.problemOfChange(b, edited), "");
        tooLong.set(problem);
        if (!problem.isEmpty()) {
            return;
        }
        if (!Objects.equals(b.notes(), edited.notes())) {
            notesView.saved();
        }
        // What the edit changes, so undo can put exactly those fields back.
        UnaryOperator<Item> back = p == null ? null : FieldEdit.reverse(b, edited);
        base = edited;
        baseDone = done.get();
        String id = b.id();
        async.run(() -> saves.save(id, p, doneTo), saved -> {
            // Redo saves the same fields and ticks the box again; undo puts back what the last of them did.
            AtomicReference<EditSave.Saved> last = new AtomicReference<>(saved);
            undo.push(Messages.text("editor.undoEdit", b.titleOrEmpty()), () -> saves.undo(id, back, last.get()),
                    () -> last.set(saves.save(id, p, doneTo)));
        });
    }

    /** The fields as they are now, as an edit of {@code b}; null when they hold what {@code b} holds. */
    private UnaryOperator<Item> patch(Item b) {
        return new FieldEdit(title.get(), notes.get(), due.get(), listId.get(), note.get()).patch(b);
    }

    /** The Done box as it is now, when it differs from what was last loaded or saved; else null. */
    private Boolean doneChange() {
        return done.get() == baseDone ? null : done.get();
    }

    private void loadHistory() {
        Item it = item.get();
        if (it != null) {
            history.load(it.id());
        }
    }

    /** How the date field shows a due date, e.g. "Fri 27 Nov 2026"; "" for none. */
    public String formatDue(LocalDate d) {
        return DayField.format(d);
    }

    /**
     * What the user typed into the date field: a phrase ("tomorrow", "fri", "in 3 days"), a date as
     * the field shows it, or blank for none; anything else keeps the date the field had.
     */
    public LocalDate parseDue(String s) {
        return parseDate(s, dueProperty().get());
    }

    /**
     * What the user typed into a date field (the due date's or the start date's, which show dates alike):
     * a phrase, a date as {@link #formatDue} writes it, or blank for none; anything else keeps {@code was}.
     */
    public LocalDate parseDate(String s, LocalDate was) {
        return DayField.parse(s, was, store.today());
    }
}
