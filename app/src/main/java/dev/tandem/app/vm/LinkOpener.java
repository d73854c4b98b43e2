package dev.tandem.app.vm;


/**
 * Opens a link from a note in the system's browser or mail program, or an attached file's local copy
 * ({@code file:} address) with the system's application for it. The app hands in the JavaFX host
 * services; tests hand in a recorder. {@link dev.tandem.app.vm.editor.NotesViewModel} calls it for web and mail links only;
 * {@link dev.tandem.app.vm.attachment.AttachmentsViewModel} for attachments, off the FX thread (the system may take a while).
 */
@FunctionalInterface
public interface LinkOpener {
    void open(String uri);

    /** For windows built without one (tests, tools): says so in the log and opens nothing. */
    LinkOpener NONE = uri -> System.getLogger("tandem").log(System.Logger.Level.INFO,
            "No link opener in this window; not opening " + uri);
}
