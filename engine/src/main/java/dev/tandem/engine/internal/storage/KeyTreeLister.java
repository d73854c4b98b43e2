package dev.tandem.engine.internal.storage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One page of keys in byte order from storage shaped as a tree of folders (a file system, a
 * WebDAV server), without reading the whole tree: folders are visited in key order and skipped
 * when their whole key range lies before {@code startAfter} or outside the prefix, the walk starts
 * at the deepest folder the prefix names, and it stops once the page is full.
 *
 * <p>Key order is not folder order: {@code a-c} sorts before {@code a/b} because '-' is below
 * '/'. So a folder sorts among its siblings by its name plus '/', which is where its keys fall.
 */
final class KeyTreeLister {
    /** A child of a folder: an object's key, or a folder's key ending in '/'. */
    record Node(String key, boolean folder) {
        static Node object(String key) {
            return new Node(key, false);
        }

        static Node folder(String key) {
            return new Node(key + "/", true);
        }
    }

    /** The storage's tree; {@code E} is what reading it may throw. */
    interface Tree<E extends Exception> {
        /**
         * The children of the folder whose keys start with {@code folderKey} ("" for the root, else
         * ending in '/'), in any order, names not yet checked; empty when there is no such folder.
         */
        List<Node> children(String folderKey) throws E;
    }

    private final String prefix;
    private final String startAfter;
    private final int maxKeys;
    private final List<String> out;

    KeyTreeLister(String prefix, String startAfter, int maxKeys, List<String> out) {
        this.prefix = prefix;
        this.startAfter = startAfter == null || startAfter.isEmpty() ? null : startAfter;
        this.maxKeys = maxKeys;
        this.out = out;
    }

    /** Fills the page from {@code tree}. */
    <E extends Exception> void list(Tree<E> tree) throws E {
        walk(tree, prefix.substring(0, prefix.lastIndexOf('/') + 1));
    }

    /** Adds the keys under {@code folderKey}; false once full. */
    private <E extends Exception> boolean walk(Tree<E> tree, String folderKey) throws E {
        List<Node> children = new ArrayList<>(tree.children(folderKey));
        children.sort(Comparator.comparing(Node::key));
        for (Node n : children) {
            String name = n.key().substring(folderKey.length(), n.key().length() - (n.folder() ? 1 : 0));
            // Temp files, hidden files and both kinds of conflicted copies fail the key rule.
            if (!n.key().startsWith(folderKey) || name.contains("/") || !StorageKeys.isValidSegment(name)) {
                continue;
            }
            if (n.folder()) {
                if (overlapsPrefix(n.key()) && !entirelyBeforeStart(n.key()) && !walk(tree, n.key())) {
                    return false;
                }
            } else if (n.key().startsWith(prefix) && afterStart(n.key()) && StorageKeys.isValid(n.key())) {
                out.add(n.key());
                if (out.size() >= maxKeys) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean overlapsPrefix(String folderKey) {
        return folderKey.startsWith(prefix) || prefix.startsWith(folderKey);
    }

    /** Every key under {@code folderKey} is at most {@code startAfter}. */
    private boolean entirelyBeforeStart(String folderKey) {
        return startAfter != null && !startAfter.startsWith(folderKey) && startAfter.compareTo(folderKey) > 0;
    }

    private boolean afterStart(String key) {
        return startAfter == null || key.compareTo(startAfter) > 0;
    }
}
