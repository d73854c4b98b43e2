package dev.tandem.app.transfer;

import dev.tandem.app.model.Attachment;
import dev.tandem.app.model.TodoStore;
import dev.tandem.engine.Blobs;
import dev.tandem.ui.messages.Messages;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A Tandem archive: the JSON backup with the attached files' bytes, as a zip. Entry
 * {@value TandemJson#ENTRY} is the document ({@link TandemJson}, the same as a {@code .json} export),
 * and {@code attachments/<blob>} the bytes of each file its {@code attachments} rows name, once
 * however many items have it. Written and read as streams, one file at a time, so memory does not
 * grow with the files' sizes; entries are found by exact name, never unpacked by the names they
 * carry. A file this device has only on the remote is left out, and the report says so.
 */
final class TandemArchive {
    private TandemArchive() {
    }

    /** Whether {@code path} ends in {@code .zip}: the JSON export is then an archive. */
    static boolean named(Path path) {
        return String.valueOf(path.getFileName()).toLowerCase(Locale.ROOT).endsWith(".zip");
    }

    static ExportReport write(TodoStore store, OutputStream target, Progress progress) throws IOException {
        List<Attachment> rows = store.attachments().all();
        try (ZipOutputStream zip = new ZipOutputStream(target)) {
            zip.putNextEntry(new ZipEntry(TandemJson.ENTRY));
            ExportReport json = TandemJsonExporter.export(store, new FilterOutputStream(zip) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    flush(); // the entry ends here, the archive goes on
                }
            }, progress);
            zip.closeEntry();
            Set<String> blobs = new LinkedHashSet<>();
            rows.forEach(a -> blobs.add(a.blob()));
            int written = 0;
            List<String> remoteOnly = new ArrayList<>();
            Optional<Blobs> local = blobs.isEmpty() ? Optional.empty() : Optional.of(store.attachments().blobs());
            for (String blob : blobs) {
                Optional<Path> file = local.flatMap(b -> b.file(blob));
                if (file.isEmpty()) {
                    remoteOnly.add(blob);
                    continue;
                }
                zip.putNextEntry(new ZipEntry(TandemJson.FILES + blob));
                try (InputStream in = Files.newInputStream(file.get())) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
                progress.update(Messages.text("common.progress.writingAttachments"), ++written, blobs.size());
            }
            List<String> warnings = remoteOnly.isEmpty() ? List.of() : List.of(Messages.text("transfer.export.remoteOnly",
                    remoteOnly.size()));
            return new ExportReport(Format.TANDEM_JSON, json.items(), json.lists(), written, warnings);
        }
    }

    /** Whether the file starts as a zip does ({@code PK\3\4}). */
    static boolean isZip(byte[] head) {
        return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }

    /** {@code today}: the profile's, as {@link TandemJsonImporter#read} takes it. */
    static Incoming read(Path path, LocalDate today, Progress progress) {
        String file = String.valueOf(path.getFileName());
        Incoming in;
        Set<String> present = new HashSet<>();
        try (ZipFile zip = new ZipFile(path.toFile())) {
            ZipEntry doc = zip.getEntry(TandemJson.ENTRY);
            if (doc == null) {
                throw new ImportException(file, null, Messages.text("transfer.zip.noEntry", TandemJson.ENTRY));
            }
            byte[] bytes;
            try (InputStream s = zip.getInputStream(doc)) {
                bytes = TextFiles.readAtMost(s, Limits.MAX_FILE_BYTES, file,
                        Messages.text("transfer.where.entry", TandemJson.ENTRY));
            }
            in = TandemJsonImporter.read(file,
                    TextFiles.decode(bytes, file, Messages.text("transfer.where.entry", TandemJson.ENTRY)), today, progress);
            for (IncomingAttachment a : in.attachments()) {
                if (zip.getEntry(TandemJson.FILES + a.blob()) != null) {
                    present.add(a.blob());
                }
            }
        } catch (ZipException e) {
            throw new ImportException(file, null, Messages.text("transfer.zip.unreadable", e.getMessage()), e);
        } catch (IOException e) {
            throw new ImportException(file, null, Messages.text("transfer.error.cannotRead", e.getMessage()), e);
        }
        List<IncomingAttachment> files = in.attachments().stream()
                .map(a -> present.contains(a.blob()) ? new IncomingAttachment(a.itemId(), TandemJson.FILES + a.blob(),
                        a.blob(), a.name(), a.type(), a.createdAt(), a.links()) : a)
                .toList();
        return in.withAttachments(files, SourceFiles.zip(path), List.of());
    }
}
