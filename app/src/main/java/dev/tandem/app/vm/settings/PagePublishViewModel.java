package dev.tandem.app.vm.settings;

import dev.tandem.app.fx.Async;
import dev.tandem.app.settings.SyncSettings;
import dev.tandem.app.sync.PagePublisher;
import dev.tandem.app.sync.PageSite;
import dev.tandem.app.sync.SyncWords;
import dev.tandem.engine.sync.SyncException;
import dev.tandem.engine.sync.SyncStorage;
import dev.tandem.ui.messages.Messages;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Settings → "Publish the page to my storage": {@code tandem page publish} on the saved remote (docs/WEB.md,
 * "Tandem on your phone without a computer"), off the FX thread. While it runs the button is {@link
 * #busyProperty() busy}; then {@link #statusProperty()} says what was written and where to open the page, or
 * why nothing could be, and stays until the next publish. Offered only for a saved remote and a build that
 * carries the page.
 */
public final class PagePublishViewModel {
    private final SyncSettings saved;
    private final PagePublisher publisher;
    private final Async async;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    private record Done(PagePublisher.Result result, boolean served) {
    }

    /** {@code saved}: the remote as saved (the form's unsaved edits are not published to). */
    public PagePublishViewModel(SyncSettings saved, PagePublisher publisher, Async async) {
        this.saved = saved;
        this.publisher = publisher;
        this.async = async;
    }

    /** Whether there is anything to publish to, and anything to publish. */
    public boolean available() {
        return saved != null && saved.mode() != SyncSettings.Mode.NONE && publisher.hasPage();
    }

    public void publish() {
        if (busy.get() || !available()) {
            return;
        }
        busy.set(true);
        failed.set(false);
        status.set(Messages.text("settings.page.publishing"));
        async.run(() -> {
            PageSite site = PageSite.of(saved);
            try (SyncStorage storage = site.storage()) {
                return new Done(publisher.publish(site), site.served());
            }
        }, done -> {
            PagePublisher.Result r = done.result();
            busy.set(false);
            status.set(Messages.text("settings.page.published", r.written(), r.kept())
                    + " " + Messages.text(done.served() ? "settings.page.openAt" : "settings.page.folderAt", r.url()));
        }, e -> {
            busy.set(false);
            failed.set(true);
            String why = e instanceof SyncException s ? SyncWords.say(s) : String.valueOf(e.getMessage());
            status.set(Messages.text("settings.page.failed", why));
        });
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True when the last publish failed: the status says why. */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
