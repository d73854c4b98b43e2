package dev.tandem.app.transfer;

import dev.tandem.app.model.TodoStore;
import dev.tandem.ui.messages.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Import and export, for the CLI and the app: picks the reader or writer for a format and a path.
 * Both block on disk and the database, so the app calls them off the JavaFX thread.
 */
public final class Transfer {
    private Transfer() {
    }

    /**
     * Reads {@code path} in {@code format} (detected from the path when null) and adds what it holds
     * in one transaction. Throws {@link ImportException}, naming the file and the line or entry, and
     * writes nothing, when the file is bad.
     */
    public static ImportReport importPath(TodoStore store, Path path, Format format, Progress progress) {
        Format f = format == null ? Format.detect(path) : adjust(format, path);
        progress.update(Messages.text("common.progress.reading"), 0, -1);
        Incoming in = read(f, path, store.dateClock(), progress);
        return ImportWriter.write(store, in, progress);
    }

    /**
     * What {@code path} holds, read but not written: for tests and a preview. {@code dateClock} is the
     * profile's ({@link TodoStore#dateClock}): its zone places times on dates, its date is the import's today.
     */
    static Incoming read(Format f, Path path, Clock dateClock, Progress progress) {
        String file = String.valueOf(path.getFileName());
        ZoneId zone = dateClock.getZone();
        return switch (f) {
            case TANDEM_JSON -> isZip(path) ? TandemArchive.read(path, LocalDate.now(dateClock), progress)
                    : TandemJsonImporter.read(file, TextFiles.read(path), LocalDate.now(dateClock), progress);
            case MARKDOWN -> MarkdownImporter.read(path, zone, progress);
            case ICS -> IcsImporter.read(file, TextFiles.read(path), zone, progress);
            case TODOIST_CSV -> TodoistCsvImporter.read(file, TextFiles.read(path), LocalDate.now(dateClock), progress);
            case JOPLIN_JEX -> JoplinImporter.readJex(path, zone, progress);
            case JOPLIN_RAW -> JoplinImporter.readRawFolder(path, zone, progress);
        };
    }

    /** "joplin" names both Joplin forms: the folder one when given a folder. */
    private static Format adjust(Format f, Path path) {
        if (f == Format.JOPLIN_JEX && Files.isDirectory(path)) {
            return Format.JOPLIN_RAW;
        }
        if (!Files.exists(path)) {
            throw new ImportException(String.valueOf(path.getFileName()), null, Messages.text("transfer.file.none"));
        }
        return f;
    }

    /**
     * Writes everything to {@code target}: a file for JSON (a Tandem archive with the attached files
     * when its name ends in {@code .zip}) and iCalendar (written beside it, then
     * moved into place, so a failed export never leaves half a file), a new or empty folder for
     * Markdown. Throws {@link UncheckedIOException} when the disk refuses.
     */
    public static ExportReport export(TodoStore store, Format format, Path target, Progress progress) {
        if (!format.exportable()) {
            throw new IllegalArgumentException(Messages.text("transfer.export.importOnly", format.label()));
        }
        Path abs = target.toAbsolutePath();
        try {
            if (format == Format.MARKDOWN) {
                return exportFolder(store, abs, progress);
            }
            Path dir = abs.getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".part");
            try {
                ExportReport report;
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    report = format != Format.TANDEM_JSON ? IcsExporter.export(store, out, progress)
                            : TandemArchive.named(abs) ? TandemArchive.write(store, out, progress)
                            : plainJson(store, out, progress);
                }
                move(tmp, abs);
                return report;
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(Messages.text("transfer.export.cannotWrite", abs, e.getMessage()), e);
        }
    }

    /** The JSON document alone: attachment rows, not their bytes; the report says how to include them. */
    private static ExportReport plainJson(TodoStore store, OutputStream out, Progress progress) throws IOException {
        ExportReport r = TandemJsonExporter.export(store, out, progress);
        long files = store.attachments().count();
        return files == 0 ? r : new ExportReport(r.format(), r.items(), r.lists(), 0,
                List.of(Messages.text("common.export.bytesLeftOut", files)));
    }

    /** A count read by SQL (the engine maps rows with an id). */
    record Count(String id, long n) {
    }

    /** Whether the file is named or starts as a zip: a Tandem archive ({@link TandemArchive}). */
    private static boolean isZip(Path path) {
        if (TandemArchive.named(path)) {
            return true;
        }
        try (InputStream in = Files.newInputStream(path)) {
            return TandemArchive.isZip(in.readNBytes(4));
        } catch (IOException e) {
            throw new ImportException(String.valueOf(path.getFileName()), null,
                    Messages.text("transfer.error.cannotRead", e.getMessage()), e);
        }
    }

    private static ExportReport exportFolder(TodoStore store, Path dir, Progress progress) throws IOException {
        if (Files.exists(dir)) {
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException(Messages.text("transfer.export.isFile", dir));
            }
            try (Stream<Path> s = Files.list(dir)) {
                if (s.findAny().isPresent()) {
                    throw new IllegalArgumentException(Messages.text("transfer.export.notEmpty", dir));
                }
            }
        }
        Path parent = dir.getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempDirectory(parent, "." + dir.getFileName() + ".part");
        try {
            ExportReport report = MarkdownExporter.export(store, tmp, progress);
            Files.deleteIfExists(dir);
            move(tmp, dir);
            return report;
        } finally {
            if (Files.exists(tmp)) {
                try (Stream<Path> s = Files.walk(tmp)) {
                    for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
