package dev.tandem.app.vm.attachment;

import dev.tandem.app.fx.Async;
import dev.tandem.app.model.Attachment;
import dev.tandem.app.model.AttachmentStore;
import dev.tandem.app.sync.AttachmentFetcher;
import dev.tandem.app.vm.shared.Feedback;
import dev.tandem.ui.messages.Messages;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The inline images of the note the editor shows, by attachment id: one {@link InlineImage} each, whose state
 * follows the lookup on disk and the download. Apart from the attachment list because images move on their own:
 * a download this view never asked for (another view's, or "Keep attachments on this device") makes a waiting image
 * show. Disk lookups run on the background executor or the fetcher's thread; states are set on the UI thread.
 */
final class InlineImages {
    private final AttachmentStore store;
    private final AttachmentFetcher fetcher;
    private final Async async;
    private final Map<String, InlineImage> images = new HashMap<>();

    InlineImages(AttachmentStore store, AttachmentFetcher fetcher, Async async) {
        this.store = store;
        this.fetcher = fetcher;
        this.async = async;
        // A download another view or "Keep attachments on this device" finished: images waiting for it show.
        fetcher.addListener(s -> async.ui().execute(() -> downloaded(s)));
    }

    /** Another item is shown: its note's images are asked for afresh. */
    void clear() {
        images.clear();
    }

    /**
     * What a note's {@code ![alt](attachment:ID)} shows: its state now, and the lookup (and the download
     * when the bytes are not here) started. Asked again for the same item, the same one comes back, and
     * one that was not on the remote is looked for again.
     */
    InlineImage image(String href, String alt) {
        String id = href.substring(Attachment.SCHEME.length());
        InlineImage img = images.get(id);
        if (img != null && img.state().phase() != ImageState.Phase.MISSING) {
            return img;
        }
        InlineImage fresh = img != null ? img : new InlineImage(id, alt);
        images.put(id, fresh);
        String name = alt == null || alt.isBlank() ? Messages.text("editor.attachments.image") : alt;
        async.run(() -> lookUp(id, name), found -> {
            fresh.set(found.state());
            if (found.blob() != null) {
                fresh.blob(found.blob());
                download(fresh, name, found.blob());
            }
        }, e -> fresh.set(ImageState.failed(name, Feedback.why(e))));
        return fresh;
    }

    /** The state found on disk; with a blob when it has to be downloaded. */
    private record Found(ImageState state, String blob) {
    }

    private Found lookUp(String id, String alt) {
        Optional<Attachment> row = store.get(id);
        if (row.isEmpty()) {
            return new Found(ImageState.missing(alt, Messages.text("editor.attachments.imageRemoved")), null);
        }
        Attachment a = row.get();
        if (!a.isImage()) {
            return new Found(ImageState.failed(a.name(), Messages.text("editor.attachments.notAnImage", a.name())),
                    null);
        }
        Optional<Path> file = store.file(a);
        if (file.isPresent()) {
            return new Found(ImageState.ready(a.name(), file.get().toUri().toString()), null);
        }
        return new Found(ImageState.loading(a.name(), Messages.text("editor.attachments.downloading")), a.blob());
    }

    private void download(InlineImage img, String name, String blob) {
        fetcher.fetch(blob).whenComplete((s, e) -> {
            // The local copy's address is a disk lookup: here, on the fetcher's thread.
            ImageState next = e != null ? ImageState.failed(name, Feedback.why(e)) : stateOf(img.attachmentId(), name, s);
            async.ui().execute(() -> img.set(next));
        });
    }

    private ImageState stateOf(String attachmentId, String name, AttachmentFetcher.Status s) {
        return switch (s.state()) {
            case HERE -> store.get(attachmentId).flatMap(store::file)
                    .map(p -> ImageState.ready(name, p.toUri().toString()))
                    .orElseGet(() -> ImageState.missing(name, Messages.text("editor.attachments.imageRemoved")));
            case DOWNLOADING -> ImageState.loading(name, Messages.text("editor.attachments.downloading"));
            case NOT_ON_REMOTE, NO_SYNC -> ImageState.missing(name, AttachmentsViewModel.words(s));
            case FAILED -> ImageState.failed(name, AttachmentsViewModel.words(s));
        };
    }

    private void downloaded(AttachmentFetcher.Status s) {
        if (s.state() != AttachmentFetcher.State.HERE) {
            return;
        }
        for (InlineImage img : images.values()) {
            if (s.blob().equals(img.blob()) && !img.state().isReady()) {
                String name = img.state().name();
                async.run(() -> stateOf(img.attachmentId(), name, s), img::set);
            }
        }
    }
}
