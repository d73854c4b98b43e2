package dev.tandem.engine.internal.storage;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One page of a folder's keys in byte order, without reading the whole tree: directories are
 * visited in key order and skipped when their whole key range lies before {@code startAfter} or
 * outside the prefix, and the walk stops once the page is full.
 *
 * <p>Key order is not directory order: {@code a-c} sorts before {@code a/b} because '-' is below
 * '/'. So a directory sorts among its siblings by its name plus '/', which is where its keys fall.
 */
final class FolderLister {
    private record Entry(String key, boolean directory, Path path) {
    }

    private final String prefix;
    private final String startAfter;
    private final int maxKeys;
    private final List<String> out;

    FolderLister(String prefix, String startAfter, int maxKeys, List<String> out) {
        this.prefix = prefix;
        this.startAfter = startAfter;
        this.maxKeys = maxKeys;
        this.out = out;
    }

    /** Adds the keys under {@code dir} (whose keys start with {@code dirKey}); false once full. */
    boolean walk(Path dir, String dirKey) throws IOException {
        for (Entry e : entries(dir, dirKey)) {
            if (e.directory()) {
                if (overlapsPrefix(e.key()) && !entirelyBeforeStart(e.key()) && !walk(e.path(), e.key())) {
                    return false;
                }
            } else if (e.key().startsWith(prefix) && afterStart(e.key()) && StorageKeys.isValid(e.key())) {
                out.add(e.key());
                if (out.size() >= maxKeys) {
                    return false;
                }
            }
        }
        return true;
    }

    private List<Entry> entries(Path dir, String dirKey) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path child : stream) {
                String name = child.getFileName().toString();
                // Temp files, hidden files and both kinds of conflicted copies fail the key rule.
                if (!StorageKeys.isValidSegment(name)) {
                    continue;
                }
                BasicFileAttributes attrs;
                try {
                    attrs = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException deletedMeanwhile) {
                    continue;
                }
                // Symbolic links are neither: FolderStorage refuses to follow them.
                if (attrs.isDirectory()) {
                    entries.add(new Entry(dirKey + name + "/", true, child));
                } else if (attrs.isRegularFile()) {
                    entries.add(new Entry(dirKey + name, false, child));
                }
            }
        } catch (NoSuchFileException deletedMeanwhile) {
            return List.of();
        }
        entries.sort(Comparator.comparing(Entry::key));
        return entries;
    }

    private boolean overlapsPrefix(String dirKey) {
        return dirKey.startsWith(prefix) || prefix.startsWith(dirKey);
    }

    /** Every key under {@code dirKey} is at most {@code startAfter}. */
    private boolean entirelyBeforeStart(String dirKey) {
        return startAfter != null && !startAfter.startsWith(dirKey) && startAfter.compareTo(dirKey) > 0;
    }

    private boolean afterStart(String key) {
        return startAfter == null || key.compareTo(startAfter) > 0;
    }
}
