package dev.tandem.engine.internal.storage;

import dev.tandem.engine.sync.SyncException;
import java.util.regex.Pattern;

/** The one rule for object names, shared by every backend so none can be tricked into a path escape. */
public final class ObjectNames {
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*");
    /** Syncthing names its conflict copies {@code name.sync-conflict-<date>-<time>-<device>}; they
     * pass the character rule, so they are refused by name or a folder would list them as objects. */
    private static final String SYNCTHING_CONFLICT = ".sync-conflict-";
    static final int MAX_LENGTH = 512;
    private static final String PAGE = dev.tandem.engine.sync.SyncStorage.PAGE;
    /**
     * The largest object a backend reads into memory: the sync format's 64 MiB (Frame.MAX_OBJECT)
     * plus room for the encryption envelope. Anything bigger is not a Tandem object, and a backend
     * refuses it as CORRUPT before reading it, so a planted 5 GB file cannot exhaust the heap.
     */
    public static final long MAX_OBJECT_BYTES = (64L << 20) + (1 << 20);

    private ObjectNames() {
    }

    /** Throws unless {@code name} is '/'-separated safe segments, none starting with '.'. */
    public static String validate(String name) {
        if (!isValid(name)) {
            throw new SyncException(SyncException.Reason.CORRUPT, "Invalid object key: " + describe(name));
        }
        return name;
    }

    /** The same rule as {@link #validate}, for listers that skip foreign names instead of failing. */
    public static boolean isValid(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_LENGTH || name.contains("..")) {
            return false;
        }
        for (String segment : name.split("/", -1)) {
            if (!isValidSegment(segment)) {
                return false;
            }
        }
        return true;
    }

    /** One path segment: a file or directory name a folder backend may treat as part of a name. */
    static boolean isValidSegment(String segment) {
        return SEGMENT.matcher(segment).matches() && !segment.contains("..") && !segment.contains(SYNCTHING_CONFLICT);
    }

    /** The error for an object too large to be one of ours; nothing of it has been read. */
    static SyncException tooLarge(String name, long size, String where) {
        return new SyncException(SyncException.Reason.CORRUPT, "Object " + describe(name) + " in " + where + " is "
                + size + " bytes, more than any Tandem object (" + MAX_OBJECT_BYTES + "); not read");
    }

    /**
     * A file of the phone page as a caller names it: a valid name below {@code page/} ({@link
     * dev.tandem.engine.sync.SyncStorage#PAGE}). No object of the sync format has a segment named {@code page}.
     */
    public static String validatePage(String name) {
        validate(name);
        if (!name.startsWith(PAGE) || name.length() == PAGE.length()) {
            throw notPage(name);
        }
        return name;
    }

    /**
     * The rule a backend's {@code publishPage} checks before it writes: {@link #validatePage}, or the same
     * below a profile's prefix ({@code tandem/alice/page/…}, from {@link PrefixedStorage}).
     */
    static String validatePageBelowPrefix(String name) {
        validate(name);
        int at = name.startsWith(PAGE) ? 0 : name.indexOf("/" + PAGE) + 1;
        if (!name.startsWith(PAGE, at) || name.length() == at + PAGE.length()) {
            throw notPage(name);
        }
        return name;
    }

    private static SyncException notPage(String name) {
        return new SyncException(SyncException.Reason.CORRUPT, "Not a file of the page: " + describe(name)
                + " (the page's files are written under '" + PAGE + "' only)");
    }

    /** A folder: a valid name followed by '/' ({@code a/b/}); never the root. */
    public static String validateFolder(String folder) {
        if (folder == null || folder.length() < 2 || !folder.endsWith("/")) {
            throw new SyncException(SyncException.Reason.CORRUPT, "Not a folder: " + describe(folder)
                    + " (a key followed by '/')");
        }
        validate(folder.substring(0, folder.length() - 1));
        return folder;
    }

    /** Prefixes may be empty or end in '/'; otherwise the same rule. */
    public static String validatePrefix(String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            return "";
        }
        String trimmed = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        validate(trimmed);
        return prefix;
    }

    /** A page size below one is a caller bug, not a remote problem. */
    static int validateMaxNames(int maxNames) {
        if (maxNames < 1) {
            throw new IllegalArgumentException("maxNames: must be at least 1, was " + maxNames);
        }
        return maxNames;
    }

    /** What a list call was doing, for error messages. */
    static String listing(String prefix) {
        return prefix == null || prefix.isEmpty() ? "list keys" : "list keys under " + describe(prefix);
    }

    /** The name quoted for an error message, shortened and with control characters masked. */
    static String describe(String name) {
        if (name == null) {
            return "null";
        }
        String shown = name.length() > 80 ? name.substring(0, 80) + "…" : name;
        return "'" + shown.replaceAll("[\\p{Cntrl}]", "?") + "'";
    }
}
