package dev.tandem.engine.internal.store;

import dev.tandem.engine.StorageException;
import java.sql.SQLException;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** Turns SQLite's errors into {@link StorageException}s that say what happened and what to do. */
public final class SqlErrors {
    private SqlErrors() {
    }

    public static StorageException wrap(String doing, SQLException e) {
        SQLiteErrorCode code = e instanceof SQLiteException ? ((SQLiteException) e).getResultCode() : null;
        String base = code == null ? SQLiteErrorCode.getErrorCode(e.getErrorCode()).name() : code.name();
        String detail;
        if (base.startsWith("SQLITE_BUSY") || base.startsWith("SQLITE_LOCKED")) {
            detail = "another program kept the database locked for longer than this one waits (a long sync or import,"
                    + " or a program that hangs); try again when it is done, or close it";
        } else if (base.startsWith("SQLITE_CORRUPT") || base.startsWith("SQLITE_NOTADB")) {
            detail = "the database file is corrupt or is not a Tandem database; restore it from a backup or re-sync into a new one";
        } else if (base.startsWith("SQLITE_FULL")) {
            detail = "the disk is full; free some space and try again (nothing was saved)";
        } else if (base.startsWith("SQLITE_READONLY") || base.startsWith("SQLITE_CANTOPEN") || base.startsWith("SQLITE_PERM")) {
            detail = "the database file cannot be opened for writing; check its folder and permissions";
        } else if (base.startsWith("SQLITE_IOERR")) {
            detail = "the disk reported an I/O error";
        } else {
            detail = e.getMessage();
        }
        return new StorageException(doing + " failed: " + detail + " [" + base + "]", e);
    }
}
