package dev.tandem.app.vm.attachment;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Attachment;
import dev.tandem.app.model.AttachmentStore;
import dev.tandem.app.model.OpenCopies;
import dev.tandem.app.sync.AttachmentFetcher;
import dev.tandem.app.vm.shared.Questions;
import dev.tandem.app.vm.shared.Feedback;
import dev.tandem.app.vm.shared.HasFeedback;
import dev.tandem.app.vm.shared.UndoManager;
import dev.tandem.engine.BlobTooLargeException;
import dev.tandem.engine.Subscription;
import dev.tandem.ui.messages.Messages;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The attached files of the item the editor shows, and attaching more: files chosen, dropped on the
 * editor or on a row of the list, or an image pasted from the clipboard. A file over the limit is
 * refused here, before anything is kept, with a message naming the limit (the line under the list and
 * a notification), never later at sync. Opening a file or saving a copy downloads it first when this
 * device does not have it; a note's inline images ({@link #image}, kept by {@link InlineImages}) say
 * what keeps them from showing.
 *
 * <p>Every disk and network step runs off the UI thread: the store's copies on the background
 * executor, downloads on the fetcher's thread; results come back on the UI thread.
 */
public final class AttachmentsViewModel implements HasFeedback {
    private static final DateTimeFormatter PASTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH.mm.ss", Locale.ROOT);

    private final AttachmentStore store;
    private final AttachmentFetcher fetcher;
    private final LongSupplier limit;
    private final Async async;
    private final Questions dialogs;
    private final UndoManager undo;
    private final LinkOpener opener;
    private final Clock clock;
    private final Feedback feedback = new Feedback();
    private final OpenCopies copies = new OpenCopies();
    /** The attachments being opened now (UI thread). */
    private final Set<String> openingIds = new HashSet<>();
    private final ReadOnlyBooleanWrapper opening = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<AttachmentRow> rows = FXCollections.observableArrayList();
    private final Map<String, Attachment> shown = new HashMap<>();
    private final InlineImages images;
    private String itemId;
    private Subscription watching;
    /** Counts items shown, so a list that arrives for an item no longer shown is dropped. */
    private long generation;

    /**
     * {@code limit}: the largest file one may attach now (Settings'); {@code opener} opens a local file
     * with the system's application; {@code clock} names pasted images.
     */
    public AttachmentsViewModel(AttachmentStore store, AttachmentFetcher fetcher, LongSupplier limit, Async async,
                                Questions dialogs, UndoManager undo, LinkOpener opener, Clock clock) {
        this.store = store;
        this.fetcher = fetcher;
        this.limit = limit;
        this.async = async;
        this.dialogs = dialogs;
        this.undo = undo;
        this.opener = opener;
        this.clock = clock;
        this.images = new InlineImages(store, fetcher, async);
    }

    @Override
    public Feedback feedback() {
        return feedback;
    }

    /** The shown item's attachments, oldest first. */
    public ObservableList<AttachmentRow> rows() {
        return rows;
    }

    /** The editor shows item {@code id} (null: none): its attachments follow, live. */
    public void show(String id) {
        if (Objects.equals(id, itemId)) {
            return;
        }
        itemId = id;
        long mine = ++generation;
        stopWatching();
        rows.clear();
        shown.clear();
        images.clear();
        feedback.clear();
        if (id == null) {
            return;
        }
        async.run(() -> store.watch(id, list -> {
            if (mine == generation) {
                shown.clear();
                list.forEach(a -> shown.put(a.id(), a));
                rows.setAll(list.stream().map(AttachmentRow::of).toList());
            }
        }, async.ui()), sub -> {
            if (mine == generation) {
                watching = sub;
            } else {
                sub.close();
            }
        });
    }

    /** The item shown, or null. */
    public String itemId() {
        return itemId;
    }

    private void stopWatching() {
        if (watching != null) {
            watching.close();
            watching = null;
        }
    }

    /** "Attach file…": files chosen in the system's dialog, attached to the item shown. */
    public void chooseAndAttach() {
        chooseAndAttach(itemId);
    }

    /** "Attach file…" of a row of the list: files chosen, attached to item {@code id}. */
    public void chooseAndAttach(String id) {
        if (id == null) {
            feedback.fail(Messages.text("editor.attachments.selectToAttach"));
            return;
        }
        List<Path> files = dialogs.chooseFiles(Messages.text("editor.attachments.chooseTitle"));
        attach(id, files, null);
    }

    /**
     * Attaches {@code files} to item {@code id}, each checked against the limit before it is read;
     * {@code onAttached} (may be null) gets the Markdown that shows the ones attached, on the UI thread.
     * One undo step takes them all off again.
     */
    public void attach(String id, List<Path> files, Consumer<String> onAttached) {
        if (files.isEmpty()) {
            return;
        }
        long max = limit.getAsLong();
        async.run(() -> {
            List<Attachment> added = new ArrayList<>();
            List<String> refused = new ArrayList<>();
            for (Path f : files) {
                try {
                    if (Files.isDirectory(f)) {
                        refused.add(Messages.text("editor.attachments.folder", String.valueOf(f.getFileName())));
                    } else {
                        added.add(store.add(id, f, max));
                    }
                } catch (RuntimeException e) {
                    // Said to the user below, file by file; the other files are still attached.
                    refused.add(e instanceof BlobTooLargeException ? e.getMessage()
                            : Messages.text("editor.attachments.couldNotAttach", String.valueOf(f.getFileName()),
                                    Feedback.why(e)));
                }
            }
            return new Outcome(added, refused);
        }, o -> attached(id, o, onAttached), this::failed);
    }

    /** A pasted image: attached as a PNG, and {@code onAttached} gets its Markdown to put into the notes. */
    public void pasteImage(String id, PastedImage image, Consumer<String> onAttached) {
        if (id == null) {
            feedback.fail(Messages.text("editor.attachments.selectToPaste"));
            return;
        }
        long max = limit.getAsLong();
        String name = Messages.text("editor.attachments.pastedName",
                PASTED.format(clock.instant().atZone(clock.getZone())));
        async.run(() -> {
            try {
                return new Outcome(List.of(store.add(id, new ByteArrayInputStream(image.png()), name, "image/png", max)),
                        List.of());
            } catch (BlobTooLargeException e) {
                return new Outcome(List.of(), List.of(Messages.text("editor.attachments.pastedTooLarge",
                        AttachmentRow.humanSize(e.limit()))));
            }
        }, o -> attached(id, o, onAttached), this::failed);
    }

    private record Outcome(List<Attachment> added, List<String> refused) {
    }

    private void attached(String id, Outcome o, Consumer<String> onAttached) {
        if (!o.refused().isEmpty()) {
            String why = String.join("\n", o.refused());
            feedback.fail(why);
            dialogs.notify(Messages.text(o.added().isEmpty() ? "editor.attachments.notAttached"
                    : "editor.attachments.someNotAttached"), why, true);
        } else {
            feedback.clear();
        }
        if (o.added().isEmpty()) {
            return;
        }
        List<Attachment> added = o.added();
        undo.push(added.size() == 1 ? Messages.text("editor.attachments.undoAttachOne", added.get(0).name())
                        : Messages.text("editor.attachments.undoAttachMany", added.size()),
                () -> added.forEach(a -> store.remove(a.id())), () -> added.forEach(store::restore));
        if (!id.equals(itemId)) {
            // Dropped on a row of the list: the editor shows another item, so say where the files went.
            dialogs.notify(Messages.text("editor.attachments.attached"), added.size() == 1
                    ? Messages.text("editor.attachments.attachedOne", added.get(0).name())
                    : Messages.text("editor.attachments.attachedMany", added.size()), false);
        }
        if (onAttached != null) {
            onAttached.accept(String.join("\n", added.stream().map(Attachment::markdown).toList()));
        }
    }

    private void failed(Throwable e) {
        feedback.fail(Feedback.why(e));
        dialogs.notify(Messages.text("editor.attachments.notAttached"), Feedback.why(e), true);
    }

    /**
     * Opens the file with the system's application, downloading it first when it is not here: a copy
     * under its own name, since the system chooses the application by the name's extension.
     */
    public void open(AttachmentRow row) {
        openOnce(row.id(), Messages.text("editor.attachments.opening", row.name()));
    }

    /** Opens attachment {@code href} ({@code attachment:ID}, a link in a note). */
    public void openLink(String href) {
        if (isAttachment(href)) {
            openOnce(href.substring(Attachment.SCHEME.length()), Messages.text("editor.attachments.openingLink"));
        }
    }

    /**
     * Opens attachment {@code id} unless it is being opened already: the second click of a double-click (or a
     * click while the system's opener still runs) opens no second copy in a second viewer.
     */
    private void openOnce(String id, String doing) {
        if (!openingIds.add(id)) {
            return;
        }
        opening.set(true);
        withLocal(id, this::openCopy, doing, () -> {
            openingIds.remove(id);
            opening.set(!openingIds.isEmpty());
        });
    }

    /** True while a file is being opened (fetched, copied, handed to the system's opener). */
    public ReadOnlyBooleanProperty openingProperty() {
        return opening.getReadOnlyProperty();
    }

    private void openCopy(Attachment a, Path path) {
        if (OpenCopies.runsCode(a.name())) {
            throw new IllegalStateException(Messages.text("editor.attachments.runsCode", a.name()));
        }
        opener.open(copies.copy(path, a.name()).toUri().toString());
    }

    /** The message line's close button: an error stays until then. */
    public void dismissMessage() {
        feedback.clear();
    }

    /** Whether {@code href} names an attachment ({@code attachment:ID}). */
    public static boolean isAttachment(String href) {
        return href != null && href.startsWith(Attachment.SCHEME) && href.length() > Attachment.SCHEME.length();
    }

    /** "Save as…": a copy of the file where the user chooses. */
    public void saveAs(AttachmentRow row) {
        Optional<Path> target = dialogs.chooseSaveTarget(Messages.text("editor.attachments.saveTitle"), row.name());
        target.ifPresent(t -> withLocal(row.id(), (a, path) -> {
            try {
                Files.copy(path, t, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(Messages.text("editor.attachments.couldNotSave", t.toString(),
                        e.getMessage()), e);
            }
            async.ui().execute(() -> feedback.say(Messages.text("editor.attachments.saved", row.name(), t.toString())));
        }, Messages.text("editor.attachments.saving", row.name())));
    }

    /** Takes the file off the item; one undo step puts it back. History keeps it either way. */
    public void remove(AttachmentRow row) {
        Attachment a = shown.get(row.id());
        if (a == null) {
            return;
        }
        async.run(() -> store.remove(a.id()), removed -> {
            if (removed) {
                undo.push(Messages.text("editor.attachments.undoRemove", a.name()), () -> store.restore(a),
                        () -> store.remove(a.id()));
            }
        });
    }

    /**
     * Runs {@code use} with the local copy of attachment {@code id}, off the UI thread, downloading it
     * first if needed; a failure is said in the message line.
     */
    private void withLocal(String id, BiConsumer<Attachment, Path> use, String doing) {
        withLocal(id, use, doing, () -> { });
    }

    /** As above; {@code after} runs on the UI thread once it is over, done or failed. */
    private void withLocal(String id, BiConsumer<Attachment, Path> use, String doing, Runnable after) {
        feedback.clear();
        // Each step on the I/O executor, never on the thread that asked: a step whose input was ready runs at once
        // on the caller's thread otherwise, and the system's opener, which may take seconds, would hold the UI's.
        CompletableFuture.supplyAsync(() -> store.get(id), async.io())
                .thenComposeAsync(a -> a.map(found -> local(found)
                                .thenAcceptAsync(path -> use.accept(found, path), async.io()))
                        .orElseGet(() -> CompletableFuture.failedFuture(
                                new IllegalStateException(Messages.text("editor.attachments.removed")))), async.io())
                .whenComplete((v, e) -> {
                    if (e != null) {
                        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                        async.ui().execute(() -> feedback.fail(Messages.text("editor.attachments.didNotWork", doing,
                                Feedback.why(cause))));
                    }
                    async.ui().execute(after);
                });
    }

    private CompletableFuture<Path> local(Attachment a) {
        return fetcher.fetch(a.blob()).thenApply(s -> {
            if (s.state() != AttachmentFetcher.State.HERE) {
                throw new IllegalStateException(words(s));
            }
            return store.file(a).orElseThrow(() -> new IllegalStateException(
                    Messages.text("editor.attachments.copyGone")));
        });
    }

    /**
     * What a note's {@code ![alt](attachment:ID)} shows: its state now, and the lookup (and the download
     * when the bytes are not here) started. Asked again for the same item, the same one comes back, and
     * one that was not on the remote is looked for again.
     */
    public InlineImage image(String href, String alt) {
        return images.image(href, alt);
    }

    /** Why a file is not here, in words. */
    static String words(AttachmentFetcher.Status s) {
        return switch (s.state()) {
            case HERE -> "";
            case DOWNLOADING -> Messages.text("editor.attachments.downloading");
            case NOT_ON_REMOTE -> Messages.text("editor.attachments.notOnRemote");
            case NO_SYNC -> Messages.text("editor.attachments.noSync");
            case FAILED -> s.message() == null ? Messages.text("editor.attachments.downloadFailedUnknown")
                    : Messages.text("editor.attachments.downloadFailed", s.message());
        };
    }

    /** The editor closes. */
    public void close() {
        generation++;
        stopWatching();
        copies.close();
    }
}
