package dev.tandem.app.vm.editor;

import dev.tandem.app.fx.Async;
import dev.tandem.app.text.Checklist;
import dev.tandem.app.text.note.NoteBlock;
import dev.tandem.app.text.note.NoteDocument;
import dev.tandem.app.text.note.NoteParser;
import dev.tandem.app.vm.attachment.LinkOpener;
import dev.tandem.app.vm.attachment.AttachmentsViewModel;
import dev.tandem.app.vm.attachment.InlineImage;
import dev.tandem.ui.messages.Messages;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.StringProperty;

/**
 * The editor's notes: shown rendered as Markdown or as the text to edit, the document the rendered view
 * lays out, its check boxes and its links.
 *
 * <p>A note with notes opens rendered when the last choice was rendered; an empty one opens as text, so
 * typing starts at once. Ticking a box changes that one character of the notes ({@link Checklist#toggle})
 * and saves through the editor's ordinary save, so it is one undo step and merges like any line edit.
 *
 * <p>Parsing takes a millisecond or two for an ordinary note; a note longer than {@link #PARSE_IN_BACKGROUND}
 * characters is parsed on the background executor, and the rendered view keeps the note's last document
 * until the new one is ready (a later edit wins over an earlier parse; another item starts empty).
 */
public final class NotesViewModel {
    static final int PARSE_IN_BACKGROUND = 8_000;
    private static final Set<String> OPENS = Set.of("http", "https", "mailto");

    private final StringProperty notes;
    private final Runnable save;
    private final Async async;
    private final LinkOpener links;
    private final ReadOnlyBooleanWrapper rendered = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<NoteDocument> document = new ReadOnlyObjectWrapper<>(NoteDocument.EMPTY);
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private AttachmentsViewModel attachments;
    private boolean preferRendered = true;
    /** Counts parses, so a slow one that finishes after a newer text is dropped. */
    private long parses;
    /** Counts checklist counts of the text, likewise. */
    private long counts;

    /** {@code notes} is the editor's notes field, {@code save} its save of touched fields. */
    NotesViewModel(StringProperty notes, Runnable save, Async async, LinkOpener links) {
        this.notes = notes;
        this.save = save;
        this.async = async;
        this.links = links;
        // Typing in the text does not parse on every key: the progress is counted when the text is saved.
        notes.addListener((o, a, b) -> {
            if (rendered.get()) {
                parse();
            }
        });
        document.addListener((o, a, doc) -> {
            if (rendered.get()) {
                progress.set(progressOf(doc));
            }
        });
    }

    /** The rendered Markdown is shown (else the text to edit). */
    public ReadOnlyBooleanProperty renderedProperty() {
        return rendered.getReadOnlyProperty();
    }

    /** What the rendered view lays out; kept up to date only while it is shown. */
    public ReadOnlyObjectProperty<NoteDocument> documentProperty() {
        return document.getReadOnlyProperty();
    }

    /** The check boxes ticked of all, "2/5"; "" without boxes. */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Why the last tick or link did nothing; "" when it worked. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Another item is shown: rendered if it has notes and rendered was the last choice. */
    void itemShown() {
        String text = notes.get();
        message.set("");
        // Never the last item's document, not even while a long note is parsed.
        parses++;
        document.set(NoteDocument.EMPTY);
        setRendered(preferRendered && text != null && !text.isBlank());
        if (!rendered.get()) {
            count();
        }
    }

    /** The editor saved the notes: the progress follows what was typed. */
    void saved() {
        if (!rendered.get()) {
            count();
        }
    }

    private void count() {
        String text = notes.get() == null ? "" : notes.get();
        long mine = ++counts;
        if (text.length() <= PARSE_IN_BACKGROUND) {
            progress.set(Checklist.progress(text).text());
            return;
        }
        async.run(() -> Checklist.progress(text).text(), p -> {
            if (mine == counts) {
                progress.set(p);
            }
        });
    }

    private static String progressOf(NoteDocument doc) {
        List<NoteBlock.Entry> boxes = doc.boxes();
        return boxes.isEmpty() ? "" : boxes.stream().filter(NoteBlock.Entry::checked).count() + "/" + boxes.size();
    }

    /** The toggle and its shortcut: rendered to text and back; the choice holds for the next notes. */
    public void toggle() {
        preferRendered = !rendered.get();
        if (preferRendered) {
            // What was typed is saved before it is shown rendered, not 0.7 s later.
            save.run();
        }
        setRendered(preferRendered);
    }

    private void setRendered(boolean on) {
        rendered.set(on);
        if (on) {
            parse();
        } else {
            parses++;
            document.set(NoteDocument.EMPTY);
        }
    }

    private void parse() {
        String text = notes.get() == null ? "" : notes.get();
        long mine = ++parses;
        counts++;
        if (text.length() <= PARSE_IN_BACKGROUND) {
            document.set(NoteParser.parse(text));
            return;
        }
        async.run(() -> NoteParser.parse(text), doc -> {
            if (mine == parses) {
                document.set(doc);
            }
        });
    }

    /**
     * Ticks or clears the box of {@code entry}: that one character of the notes changes and the editor saves
     * it at once. When the notes no longer have that box (they changed meanwhile) nothing is written and the
     * view shows the notes as they are now.
     */
    public void setChecked(NoteBlock.Entry entry, boolean checked) {
        if (!entry.hasBox()) {
            return;
        }
        Checklist.toggle(notes.get(), entry.box(), checked).ifPresentOrElse(text -> {
            message.set("");
            if (!text.equals(notes.get())) {
                notes.set(text);
                save.run();
            }
        }, () -> {
            message.set(Messages.text("editor.notes.changedMeanwhile"));
            parse();
        });
    }

    /** Adds a subtask of the item shown: its title and whether it is done (the editor's item is its parent). */
    @FunctionalInterface
    public interface Subtasks {
        void add(String title, boolean done);
    }

    private Subtasks subtasks;

    public void useSubtasks(Subtasks s) {
        this.subtasks = s;
    }

    /** Whether a box's line can become a subtask here (the item shown is a todo in a window that adds them). */
    public boolean canMakeSubtask(NoteBlock.Entry entry) {
        return subtasks != null && entry.hasBox();
    }

    /**
     * Turns the line of {@code entry}'s box into a subtask of the item shown: the line leaves the notes (saved
     * as any edit of them) and a subtask with its words, done if the box was ticked, is added after the others.
     * When the notes no longer have that box, nothing is written and the view shows them as they are now.
     */
    public void makeSubtask(NoteBlock.Entry entry) {
        if (!canMakeSubtask(entry)) {
            return;
        }
        String text = notes.get();
        Optional<String> words = Checklist.words(text, entry.box());
        Optional<String> rest = Checklist.withoutLine(text, entry.box());
        if (words.isEmpty() || rest.isEmpty() || words.get().isBlank()) {
            message.set(Messages.text(words.isPresent() && words.get().isBlank() ? "editor.notes.noWords"
                    : "editor.notes.changedMeanwhile"));
            parse();
            return;
        }
        message.set("");
        notes.set(rest.get());
        save.run();
        subtasks.add(words.get(), entry.box().checked());
    }

    void useAttachments(AttachmentsViewModel a) {
        this.attachments = a;
    }

    /** Whether {@code href} is an attached file this window can show or open ({@code attachment:ID}). */
    public boolean isAttachment(String href) {
        return attachments != null && AttachmentsViewModel.isAttachment(href);
    }

    /** What the image {@code ![alt](href)} shows; only for an {@link #isAttachment} address. */
    public InlineImage image(String href, String alt) {
        if (!isAttachment(href)) {
            throw new IllegalArgumentException("href: " + href + " is not an attachment of this window");
        }
        return attachments.image(href, alt);
    }

    /** Opens an attached file a note links to, with the system's application. */
    public void openAttachment(String href) {
        if (isAttachment(href)) {
            message.set("");
            attachments.openLink(href);
        }
    }

    /** Whether {@link #open} opens this link: web and mail links only, never a file or a script. */
    public boolean opens(String href) {
        if (href == null || href.isBlank()) {
            return false;
        }
        try {
            String scheme = new URI(href.strip()).getScheme();
            return scheme != null && OPENS.contains(scheme.toLowerCase(Locale.ROOT));
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Opens a web or mail link in the system's browser or mail program; anything else is refused. */
    public void open(String href) {
        if (!opens(href)) {
            message.set(Messages.text("editor.notes.onlyWebLinks"));
            return;
        }
        message.set("");
        links.open(href.strip());
    }
}
