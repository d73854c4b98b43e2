package dev.tandem.app.vm.attachment;

import dev.tandem.ui.messages.Messages;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One attachment a note shows inline ({@code ![name](attachment:ID)}): what it shows now, which follows
 * the lookup and the download that {@link AttachmentsViewModel#image} started. Changes on the UI thread.
 */
public final class InlineImage {
    private final String attachmentId;
    private final ReadOnlyObjectWrapper<ImageState> state;
    /** The blob being waited for, once known; null before. */
    private String blob;

    InlineImage(String attachmentId, String alt) {
        this.attachmentId = attachmentId;
        this.state = new ReadOnlyObjectWrapper<>(ImageState.loading(alt, Messages.text("editor.image.loading")));
    }

    public String attachmentId() {
        return attachmentId;
    }

    public ReadOnlyObjectProperty<ImageState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ImageState state() {
        return state.get();
    }

    void set(ImageState s) {
        state.set(s);
    }

    String blob() {
        return blob;
    }

    void blob(String b) {
        this.blob = b;
    }
}
