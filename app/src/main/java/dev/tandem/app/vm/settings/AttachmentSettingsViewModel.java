package dev.tandem.app.vm.settings;

import dev.tandem.app.fx.Async;
import dev.tandem.app.settings.AttachmentSettings;
import dev.tandem.app.sync.AttachmentFetcher;
import dev.tandem.app.sync.RemoteCleanup;
import dev.tandem.app.vm.shared.Questions;
import dev.tandem.app.vm.shared.Feedback;
import dev.tandem.app.vm.shared.HasFeedback;
import dev.tandem.app.vm.attachment.AttachmentRow;
import dev.tandem.engine.sync.BlobSweep;
import dev.tandem.ui.messages.Messages;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;

/**
 * Settings' "Attachments": the largest file one may attach, "Keep attachments on this device", how
 * much room the downloaded copies may take otherwise, "Free up space" (saying how much it freed), and
 * "Clean up the remote", which first counts what would be freed and deletes only once the user
 * confirmed. Each choice is saved and applied as soon as it is made, off the UI thread; so are the
 * counts and deletions.
 */
public final class AttachmentSettingsViewModel implements HasFeedback {
    private static final long MB = 1000L * 1000;
    /** The largest limit offered, in MB: 10 GB. */
    public static final int MAX_MB = 10_000;

    private final Consumer<AttachmentSettings> saveAndApply;
    private final AttachmentFetcher fetcher;
    private final Supplier<Optional<BlobSweep>> preview;
    private final Supplier<Optional<BlobSweep>> clean;
    private final Async async;
    private final Questions dialogs;
    private final Feedback feedback = new Feedback();
    private final IntegerProperty limitMb = new SimpleIntegerProperty();
    private final BooleanProperty keepAll = new SimpleBooleanProperty();
    private final IntegerProperty cacheLimitMb = new SimpleIntegerProperty();
    private final ReadOnlyStringWrapper usage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper remote = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper deletable = new ReadOnlyIntegerWrapper(0);
    private long deletableBytes;
    private boolean loading;

    /**
     * {@code current}: the choices in force; {@code saveAndApply}: saves and applies new ones;
     * {@code preview} and {@code clean}: {@link RemoteCleanup}'s count and deletion, empty when sync is off
     * (each run off the UI thread).
     */
    public AttachmentSettingsViewModel(Supplier<AttachmentSettings> current, Consumer<AttachmentSettings> saveAndApply,
                                       AttachmentFetcher fetcher, Supplier<Optional<BlobSweep>> preview,
                                       Supplier<Optional<BlobSweep>> clean, Async async, Questions dialogs) {
        this.saveAndApply = saveAndApply;
        this.fetcher = fetcher;
        this.preview = preview;
        this.clean = clean;
        this.async = async;
        this.dialogs = dialogs;
        show(current.get());
        limitMb.addListener((o, a, b) -> changed());
        keepAll.addListener((o, a, b) -> changed());
        cacheLimitMb.addListener((o, a, b) -> changed());
        refreshUsage();
    }

    @Override
    public Feedback feedback() {
        return feedback;
    }

    /** The largest file one may attach, in MB (1 to {@link #MAX_MB}). */
    public IntegerProperty limitMbProperty() {
        return limitMb;
    }

    /** "Keep attachments on this device": every attachment downloaded after each sync, none trimmed. */
    public BooleanProperty keepAllProperty() {
        return keepAll;
    }

    /** Otherwise, how much the downloaded copies may take, in MB. */
    public IntegerProperty cacheLimitMbProperty() {
        return cacheLimitMb;
    }

    /** "Attachments on this device take 120 MB." */
    public ReadOnlyStringProperty usageProperty() {
        return usage.getReadOnlyProperty();
    }

    /** What "Check the remote" found, in words; "" before. */
    public ReadOnlyStringProperty remoteProperty() {
        return remote.getReadOnlyProperty();
    }

    /** How many files "Delete from the remote" would delete now; 0 hides it. */
    public ReadOnlyIntegerProperty deletableProperty() {
        return deletable.getReadOnlyProperty();
    }

    private void show(AttachmentSettings s) {
        loading = true;
        try {
            limitMb.set((int) Math.min(MAX_MB, Math.max(1, s.limit() / MB)));
            keepAll.set(s.keepAll());
            cacheLimitMb.set((int) Math.min(Integer.MAX_VALUE, s.cacheLimit() / MB));
        } finally {
            loading = false;
        }
    }

    /** The choices as the form has them now. */
    public AttachmentSettings settings() {
        long limit = Math.min(MAX_MB, Math.max(1, limitMb.get())) * MB;
        return new AttachmentSettings(limit, keepAll.get(), Math.max(0, cacheLimitMb.get()) * MB);
    }

    private void changed() {
        if (loading) {
            return;
        }
        AttachmentSettings s = settings();
        async.run(() -> {
            saveAndApply.accept(s);
            return s;
        }, saved -> feedback.say(Messages.text(saved.keepAll() ? "settings.attachments.savedKeepAll"
                : "settings.attachments.saved")), e -> feedback.fail(Messages.text("settings.attachments.couldNotSave",
                Feedback.why(e))));
    }

    private void refreshUsage() {
        async.run(fetcher::localBytes, bytes -> usage.set(Messages.text("settings.attachments.usage",
                AttachmentRow.humanSize(bytes))), e -> usage.set(Messages.text("settings.attachments.couldNotMeasure",
                Feedback.why(e))));
    }

    /**
     * "Free up space": removes the local copies a remote holds (never one still to be uploaded); they
     * download again when shown. Says how much it freed.
     */
    public void freeUp() {
        if (!feedback.begin()) {
            return;
        }
        async.run(() -> fetcher.freeUp(0, Set.of()), freed -> {
            feedback.end(freed == 0 ? Messages.text("settings.attachments.nothingToFree")
                    : Messages.text("settings.attachments.freed", AttachmentRow.humanSize(freed)));
            refreshUsage();
        }, e -> feedback.failed(Messages.text("settings.attachments.couldNotFree", Feedback.why(e))));
    }

    /** "Check the remote": counts the files nothing uses any more, deleting nothing. */
    public void checkRemote() {
        if (!feedback.begin()) {
            return;
        }
        remote.set(Messages.text("settings.attachments.checking"));
        async.run(preview::get, found -> {
            feedback.end("");
            show(found);
        }, e -> {
            remote.set("");
            feedback.failed(Messages.text("settings.attachments.couldNotCheck", Feedback.why(e)));
        });
    }

    private void show(Optional<BlobSweep> found) {
        if (found.isEmpty()) {
            deletable.set(0);
            remote.set(Messages.text("settings.attachments.syncOff"));
            return;
        }
        BlobSweep s = found.get();
        deletableBytes = s.deletableBytes();
        deletable.set(s.deletable());
        if (s.unreferenced() == 0) {
            remote.set(Messages.text("settings.attachments.nothingToClean"));
            return;
        }
        String unused = Messages.text("settings.attachments.unused", s.unreferenced(),
                AttachmentRow.humanSize(s.unreferencedBytes()));
        long days = RemoteCleanup.GRACE.toDays();
        remote.set(unused + " " + (s.deletable() == 0 ? Messages.text("settings.attachments.noneYet", days)
                : Messages.text("settings.attachments.someNow", s.deletable(),
                        AttachmentRow.humanSize(s.deletableBytes()),
                days)));
    }

    /** "Delete from the remote": after the user confirms, deletes what {@link #checkRemote} found deletable. */
    public void cleanUp() {
        int n = deletable.get();
        if (n == 0 || feedback.isBusy()) {
            return;
        }
        if (!dialogs.confirmDestructive(Messages.text("settings.attachments.confirm.title"), Messages.text(
                "settings.attachments.confirm.text", n, AttachmentRow.humanSize(deletableBytes)),
                Messages.text("settings.attachments.confirm.ok"))) {
            return;
        }
        feedback.begin();
        async.run(clean::get, done -> {
            deletable.set(0);
            remote.set("");
            feedback.end(done.map(s -> s.deleted() == 0 ? Messages.text("settings.attachments.nothingDeleted")
                    : Messages.text("settings.attachments.deleted", s.deleted(),
                            AttachmentRow.humanSize(s.deletedBytes())))
                    .orElse(Messages.text("settings.attachments.syncOff")));
        }, e -> feedback.failed(Messages.text("settings.attachments.couldNotClean", Feedback.why(e))));
    }
}
