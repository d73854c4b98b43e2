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
final class FolderTree implements NameTreeLister.Tree<IOException> {
    private final Path root;

    FolderTree(Path root) {
        this.root = root;
    }

    @Override
    public List<NameTreeLister.Node> children(String folderPrefix) throws IOException {
        List<NameTreeLister.Node> nodes = new ArrayList<>();
        Path dir = folderPrefix.isEmpty() ? root : root.resolve(folderPrefix);
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path child : stream) {
                String name = child.getFileName().toString();
                if (!ObjectNames.isValidSegment(name)) {
                    continue;
                }
                BasicFileAttributes attrs;
                try {
                    attrs = Files.readAttributes(child, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException deletedMeanwhile) {
                    continue;
                }
                if (attrs.isDirectory()) {
                    nodes.add(NameTreeLister.Node.folder(folderPrefix + name));
                } else if (attrs.isRegularFile()) {
                    nodes.add(NameTreeLister.Node.object(folderPrefix + name));
                }
            }
        } catch (NoSuchFileException | NotDirectoryException none) {
            // Deleted meanwhile, or a prefix such as "a/b/" where a/b is an object: no names under it.
            return List.of();
        }
        return nodes;
    }
}
