package dev.tandem.app.model;

import dev.tandem.ui.messages.Messages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Pattern;

/**
 * Copies of attachments named as they were attached ("return.pdf"), for the system to open: the
 * store keeps a file under its content hash, without an extension, and the system picks the
 * application by the name. The copies live in one folder only this user can read (0700, in the
 * system's temporary folder), each in a subfolder of its own so two files of one name both open;
 * {@link #close} deletes them all.
 */
public final class OpenCopies implements AutoCloseable {
    private Path folder;

    /** A copy of {@code file} named {@code name} (made safe for a file name), in the private folder. */
    public synchronized Path copy(Path file, String name) {
        try {
            if (folder == null) {
                folder = privateFolder(null, "tandem-open-");
            }
            Path copy = privateFolder(folder, "a").resolve(safe(name));
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(Messages.text("common.attachment.cannotCopyToOpen", e.getMessage()), e);
        }
    }

    /** Kinds of file that the system runs rather than shows: opening one would run what another device attached. */
    private static final Pattern RUNS = Pattern.compile(
            ".*\\.(desktop|sh|bash|command|tool|app|appimage|run|bin|exe|com|bat|cmd|msi|msix|scr|pif|cpl|lnk|url|ps1|psm1"
                    + "|vbs|vbe|js|jse|wsf|wsh|hta|jar|jnlp|reg|py|pyw|pl|rb|apk|deb|rpm|pkg|dmg|scpt|workflow)",
            Pattern.CASE_INSENSITIVE);

    /** Whether the system would run a file of this name instead of showing it; such a file is only saved. */
    public static boolean runsCode(String name) {
        return RUNS.matcher(safe(name)).matches();
    }

    /** A name the file system takes: no folders, no characters Windows refuses, not empty. */
    public static String safe(String name) {
        String n = name == null ? "" : name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").strip();
        n = n.replaceAll("^\\.+", "");
        return n.isEmpty() ? "attachment" : n.length() > 200 ? n.substring(n.length() - 200) : n;
    }

    private static Path privateFolder(Path parent, String prefix) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!posix) {
            // Windows: the user's own temporary folder is private already.
            return parent == null ? Files.createTempDirectory(prefix) : Files.createTempDirectory(parent, prefix);
        }
        var attr = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
        return parent == null ? Files.createTempDirectory(prefix, attr) : Files.createTempDirectory(parent, prefix, attr);
    }

    /** Deletes every copy; one still open elsewhere (Windows locks it) stays, and is said in the log. */
    @Override
    public synchronized void close() {
        if (folder == null) {
            return;
        }
        Path root = folder;
        folder = null;
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(f);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            System.getLogger("tandem").log(System.Logger.Level.WARNING, "Could not delete the opened copies in " + root, e);
        }
    }
}
