package dev.tandem.app.vm.attachment;

/**
 * Opens a link from a note in the system's browser or mail program, or an attached file's local copy
 * ({@code file:} address) with the system's application for it. The app hands in the JavaFX host
 * services; tests hand in a recorder. The notes' view-model (in vm.editor, above this package) calls it for web
 * and mail links only; {@link AttachmentsViewModel} for attachments, off the FX thread (the system may take a while).
 * It lives with the attachments, the lower of its two users, so neither reaches up to the window's hub for it.
 */
@FunctionalInterface
public interface LinkOpener {
    void open(String uri);

    /** For windows built without one (tests, tools): says so in the log and opens nothing. */
    LinkOpener NONE = uri -> System.getLogger("tandem").log(System.Logger.Level.INFO,
            "No link opener in this window; not opening " + uri);
}
