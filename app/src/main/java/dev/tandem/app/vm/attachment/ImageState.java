package dev.tandem.app.vm.attachment;

/**
 * What an image in a note shows now: a placeholder while its bytes are looked up or downloaded, the
 * image once they are here ({@code url}, a local file's address the view loads in the background), or
 * why it cannot be shown. {@code text} is the placeholder's words; {@code name} the file's name.
 */
public record ImageState(Phase phase, String name, String text, String url) {
    public enum Phase {
        /** Looked up, or being downloaded: {@code text} says which. */
        LOADING,
        /** Here: {@code url} is the local copy. */
        READY,
        /** Not here and not to be had now (not on the remote yet, sync off, removed). */
        MISSING,
        /** The download failed or the file is damaged; {@code text} says why. */
        FAILED
    }

    static ImageState loading(String name, String text) {
        return new ImageState(Phase.LOADING, name, text, null);
    }

    static ImageState ready(String name, String url) {
        return new ImageState(Phase.READY, name, "", url);
    }

    static ImageState missing(String name, String text) {
        return new ImageState(Phase.MISSING, name, text, null);
    }

    static ImageState failed(String name, String text) {
        return new ImageState(Phase.FAILED, name, text, null);
    }

    public boolean isReady() {
        return phase == Phase.READY;
    }
}
