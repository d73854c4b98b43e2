package dev.tandem.app.transfer;

import dev.tandem.app.model.TextLimits;
import dev.tandem.ui.messages.Messages;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * The largest things an import accepts, and the checks every importer runs on what it read. A
 * file past a limit is refused with the entry that broke it, rather than cut short: a silently
 * truncated note is data lost. The limits are far above what a person types (a novel fits in the
 * notes) and keep one hostile file from filling the memory or the database.
 */
public final class Limits {
    /** One file read whole (JSON, CSV, iCalendar) and the sum of a folder's or archive's entries. */
    public static final long MAX_FILE_BYTES = 256L * 1024 * 1024;
    /** One Markdown file or one entry of a Joplin archive. */
    public static final long MAX_ENTRY_BYTES = 16L * 1024 * 1024;
    /** The limits of text typed in the app ({@link TextLimits}): one limit wherever text enters. */
    public static final int MAX_TITLE_CHARS = TextLimits.MAX_TITLE_CHARS;
    public static final int MAX_NOTES_CHARS = TextLimits.MAX_NOTES_CHARS;
    public static final int MAX_NAME_CHARS = TextLimits.MAX_NAME_CHARS;
    public static final int MAX_ITEMS = 500_000;
    /**
     * Smart lists one archive brings: far above the dozens a person keeps in a sidebar, and a bound on
     * what one file makes the reader hold ({@link FilterRows}). The first ones are read, the rest skipped.
     */
    public static final int MAX_FILTERS = 1_000;
    /**
     * One attached file an import stores: far above the default attach limit
     * ({@link dev.tandem.app.model.AttachmentStore#DEFAULT_LIMIT}), so a file attached under a raised
     * limit comes back from a backup, and still a bound on what one hostile entry can fill the disk with.
     */
    public static final long MAX_ATTACHMENT_BYTES = 2L * 1000 * 1000 * 1000;
    /**
     * All the attached files one import reads, counted as they stream out of the archive (never
     * from the sizes it declares): a zip of a few hundred KB can inflate to gigabytes. Past this, or
     * past the disk's usable space less {@link #DISK_MARGIN_BYTES}, whichever is less, the import is
     * refused whole and what it stored is removed.
     */
    public static final long MAX_IMPORT_FILES_BYTES = 8L * 1000 * 1000 * 1000;
    /** The free space an import leaves on the attachment store's disk: room for the database and everything else. */
    public static final long DISK_MARGIN_BYTES = 1000L * 1000 * 1000;
    /** Ids are kept as they are only when short and plain; anything else is derived. */
    public static final int MAX_ID_CHARS = 64;

    private Limits() {
    }

    /** The title as given (an importer strips it where its format pads titles); refused when blank or huge. */
    public static String title(String file, String where, String title) {
        if (title == null || title.isBlank()) {
            throw new ImportException(file, where, Messages.text("transfer.limits.empty", "title"));
        }
        return check(file, where, "title", title, MAX_TITLE_CHARS);
    }

    public static String notes(String file, String where, String notes) {
        if (notes == null || notes.isBlank()) {
            return null;
        }
        return check(file, where, "notes", notes, MAX_NOTES_CHARS);
    }

    /** Notes exactly as a lossless backup holds them (blank notes stay blank); refused when huge. */
    public static String notesAsStored(String file, String where, String notes) {
        return notes == null ? null : check(file, where, "notes", notes, MAX_NOTES_CHARS);
    }

    public static String name(String file, String where, String name) {
        return named(file, where, name, "listName");
    }

    /** A section's name: as a list's, within a list. */
    public static String sectionName(String file, String where, String name) {
        return named(file, where, name, "sectionName");
    }

    private static String named(String file, String where, String name, String what) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw new ImportException(file, where, Messages.text("transfer.limits.empty", what));
        }
        return check(file, where, what, n, MAX_NAME_CHARS);
    }

    /** An ISO date (yyyy-MM-dd) or null. */
    public static String isoDate(String file, String where, String due) {
        return isoDate(file, where, due, "due");
    }

    /** An ISO date (yyyy-MM-dd) or null; {@code what} names the field in the message: "due" or "start". */
    public static String isoDate(String file, String where, String date, String what) {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(date.strip()).toString();
        } catch (DateTimeParseException e) {
            throw new ImportException(file, where, Messages.text("transfer.limits.notDate", what, shorten(date)));
        }
    }

    public static void itemCount(String file, int count) {
        if (count > MAX_ITEMS) {
            throw new ImportException(file, null, Messages.text("transfer.limits.tooManyItems", String.valueOf(MAX_ITEMS)));
        }
    }

    private static String check(String file, String where, String what, String value, int max) {
        if (value.length() > max) {
            throw new ImportException(file, where, Messages.text("transfer.limits.tooLong", what,
                    String.valueOf(value.length()), String.valueOf(max)));
        }
        return value;
    }

    /** A value quoted in a message: never the whole of a huge or hostile field. */
    public static String shorten(String s) {
        String one = s.replaceAll("\\p{Cntrl}", "?");
        return one.length() <= 40 ? one : one.substring(0, 40) + "…";
    }
}
