package dev.tandem.app.transfer;

import dev.tandem.ui.messages.Messages;

/**
 * A file that cannot be imported, and where: the file, then the line or entry, then what is wrong
 * ("todoist.csv, line 12: INDENT must be 1 to 5"). An import that throws this wrote nothing.
 */
public final class ImportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final String where;
    private final String problem;

    public ImportException(String file, String where, String problem) {
        this(file, where, problem, null);
    }

    public ImportException(String file, String where, String problem, Throwable cause) {
        super(message(file, where, problem), cause);
        this.file = file;
        this.where = where;
        this.problem = problem;
    }

    private static String message(String file, String where, String problem) {
        String f = file == null ? Messages.text("transfer.error.theFile") : file;
        return where != null && !where.isEmpty() ? Messages.text("transfer.error.at", f, where, problem)
                : Messages.text("transfer.error", f, problem);
    }

    /** The file's name as the user gave it. */
    public String file() {
        return file;
    }

    /** "line 12", "entry 3f2a….md", "items[4]"; null when the whole file is at fault. */
    public String where() {
        return where;
    }

    public String problem() {
        return problem;
    }
}
