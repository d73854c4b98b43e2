package dev.tandem.app.vm;

/**
 * Opens a link from a note in the system's browser or mail program. The app hands in the JavaFX
 * host services; tests hand in a recorder. Only {@link NotesViewModel} calls it, and only for web and
 * mail links.
 */
@FunctionalInterface
public interface LinkOpener {
    void open(String uri);

    /** For windows built without one (tests, tools): says so in the log and opens nothing. */
    LinkOpener NONE = uri -> System.getLogger("tandem").log(System.Logger.Level.INFO,
            "No link opener in this window; not opening " + uri);
}
