package dev.tandem.engine.internal.storage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One page of names in byte order from storage shaped as a tree of folders (a file system, a
 * WebDAV server), without reading the whole tree: folders are visited in name order and skipped
 * when their whole name range lies before {@code startAfter} or outside the prefix, the walk starts
 * at the deepest folder the prefix names, and it stops once the page is full.
 *
 * <p>Name order is not folder order: {@code a-c} sorts before {@code a/b} because '-' is below
 * '/'. So a folder sorts among its siblings by its name plus '/', which is where its names fall.
 */
final class NameTreeLister {
    /** A child of a folder: an object's name, or a folder's name ending in '/'. */
    record Node(String name, boolean folder) {
        static Node object(String name) {
            return new Node(name, false);
        }

        static Node folder(String name) {
            return new Node(name + "/", true);
        }
    }

    /** The storage's tree; {@code E} is what reading it may throw. */
    interface Tree<E extends Exception> {
        /**
         * The children of the folder whose names start with {@code folderPrefix} ("" for the root, else
         * ending in '/'), in any order, names not yet checked; empty when there is no such folder.
         */
        List<Node> children(String folderPrefix) throws E;
    }

    private final String prefix;
    private final String startAfter;
    private final int maxNames;
    private final List<String> out;

    NameTreeLister(String prefix, String startAfter, int maxNames, List<String> out) {
        this.prefix = prefix;
        this.startAfter = startAfter == null || startAfter.isEmpty() ? null : startAfter;
        this.maxNames = maxNames;
        this.out = out;
    }

    /** Fills the page from {@code tree}. */
    <E extends Exception> void list(Tree<E> tree) throws E {
        walk(tree, prefix.substring(0, prefix.lastIndexOf('/') + 1));
    }

    /** Adds the names under {@code folderPrefix}; false once full. */
    private <E extends Exception> boolean walk(Tree<E> tree, String folderPrefix) throws E {
        List<Node> children = new ArrayList<>(tree.children(folderPrefix));
        children.sort(Comparator.comparing(Node::name));
        for (Node n : children) {
            String segment = n.name().substring(folderPrefix.length(), n.name().length() - (n.folder() ? 1 : 0));
            // Temp files, hidden files and both kinds of conflicted copies fail the name rule.
            if (!n.name().startsWith(folderPrefix) || segment.contains("/") || !ObjectNames.isValidSegment(segment)) {
                continue;
            }
            if (n.folder()) {
                if (overlapsPrefix(n.name()) && !entirelyBeforeStart(n.name()) && !walk(tree, n.name())) {
                    return false;
                }
            } else if (n.name().startsWith(prefix) && afterStart(n.name()) && ObjectNames.isValid(n.name())) {
                out.add(n.name());
                if (out.size() >= maxNames) {
                    return false;
                }
            }
        }
        return true;
    }

    private boolean overlapsPrefix(String folderPrefix) {
        return folderPrefix.startsWith(prefix) || prefix.startsWith(folderPrefix);
    }

    /** Every name under {@code folderPrefix} is at most {@code startAfter}. */
    private boolean entirelyBeforeStart(String folderPrefix) {
        return startAfter != null && !startAfter.startsWith(folderPrefix) && startAfter.compareTo(folderPrefix) > 0;
    }

    private boolean afterStart(String name) {
        return startAfter == null || name.compareTo(startAfter) > 0;
    }
}
