package dev.tandem.engine.internal.storage;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/** A folder's files and subfolders as the lister's tree; symbolic links are neither, as FolderStorage never follows them. */
final class FolderTree implements KeyTreeLister.Tree<IOException> {
    private final Path root;

    FolderTree(Path root) {
        this.root = root;
    }

    @Override
    public List<KeyTreeLister.Node> children(String folderKey) throws IOException {
        List<KeyTreeLister.Node> nodes = new ArrayList<>();
        Path dir = folderKey.isEmpty() ? root : root.resolve(folderKey);
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path child : stream) {
                String name = child.getFileName().toString();
                if (!StorageKeys.isValidSegment(name)) {
                    continue;
                }
                BasicFileAttributes attrs;
                try {
                    attrs = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException deletedMeanwhile) {
                    continue;
                }
                if (attrs.isDirectory()) {
                    nodes.add(KeyTreeLister.Node.folder(folderKey + name));
                } else if (attrs.isRegularFile()) {
                    nodes.add(KeyTreeLister.Node.object(folderKey + name));
                }
            }
        } catch (NoSuchFileException | NotDirectoryException none) {
            // Deleted meanwhile, or a prefix such as "a/b/" where a/b is an object: no keys under it.
            return List.of();
        }
        return nodes;
    }
}
