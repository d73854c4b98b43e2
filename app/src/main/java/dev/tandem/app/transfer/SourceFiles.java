package dev.tandem.app.transfer;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Where an import's attached files are: a folder (Markdown, Joplin RAW), a tar (JEX) or a zip (a
 * Tandem archive). An entry is named by its path inside, with {@code /} between folders. The files
 * are read only when the import is written, after every row was checked, each streamed once into
 * the attachment store: never whole in memory, never unpacked elsewhere. A name that climbs out of
 * the source ({@code ../}, an absolute path, a link) is never opened.
 */
interface SourceFiles {
    /** One entry's bytes, read to its end or not; the stream is closed by the caller. */
    interface Entry {
        void accept(String name, InputStream in) throws IOException;
    }

    /** Calls {@code each} once for every name in {@code wanted} the source holds, in the source's order. */
    void read(Set<String> wanted, Entry each) throws IOException;

    /** No files: the formats without attachments, and a plain JSON backup. */
    SourceFiles NONE = (wanted, each) -> { };

    /** The regular files under {@code root}; a link, or a path leading out of it, is left out. */
    static SourceFiles folder(Path root) {
        return (wanted, each) -> {
            Path base = root.toRealPath();
            for (String name : wanted) {
                Path p = base.resolve(name).normalize();
                if (!p.startsWith(base) || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                        || !p.toRealPath().startsWith(base)) {
                    continue;
                }
                try (InputStream in = Files.newInputStream(p)) {
                    each.accept(name, in);
                }
            }
        };
    }

    /** The entries of a tar archive, read in one pass. */
    static SourceFiles tar(Path file) {
        return (wanted, each) -> {
            Set<String> left = new HashSet<>(wanted);
            try (InputStream raw = Files.newInputStream(file);
                 TarArchiveInputStream tar = new TarArchiveInputStream(new BufferedInputStream(raw))) {
                TarArchiveEntry e;
                while (!left.isEmpty() && (e = tar.getNextEntry()) != null) {
                    if (e.isFile() && JoplinImporter.safeName(e.getName()) && left.remove(e.getName())) {
                        // Not closed here: closing would close the archive; the next entry skips what is left.
                        each.accept(e.getName(), new UnclosedInput(tar));
                    }
                }
            }
        };
    }

    /** The entries of a zip archive, by name (the central directory, so no entry is read twice). */
    static SourceFiles zip(Path file) {
        return (wanted, each) -> {
            Set<String> left = new HashSet<>(wanted);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                Enumeration<? extends ZipEntry> entries = zip.entries();
                while (!left.isEmpty() && entries.hasMoreElements()) {
                    ZipEntry e = entries.nextElement();
                    if (!e.isDirectory() && left.remove(e.getName())) {
                        try (InputStream in = zip.getInputStream(e)) {
                            each.accept(e.getName(), in);
                        }
                    }
                }
            }
        };
    }

    /** An entry of a tar stream: closing it leaves the archive open. */
    final class UnclosedInput extends FilterInputStream {
        UnclosedInput(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the archive goes on; TarArchiveInputStream skips the rest of this entry
        }
    }
}
