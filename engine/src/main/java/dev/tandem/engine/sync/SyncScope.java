package dev.tandem.engine.sync;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Which of this database's own changes a remote receives ({@link SyncEngine.Builder#scope}): all of
 * them (the default), a tree of entities such as one list and its items (a space shared with other
 * people), or everything except some trees (the personal remote beside such spaces).
 *
 * <p>Membership is decided when a batch is cut, from the entity's winning values in the changelog,
 * not from its row: a deleted item still knows which list it was in. An entity is meant to stay in
 * the scope it was born in; moving one across scopes is a copy and a delete, so no remote ever gets
 * part of an entity. Only own changes are pushed: what a space's other members write is never
 * relayed elsewhere.
 */
public sealed interface SyncScope permits SyncScope.Everything, SyncScope.Tree, SyncScope.Except {

    /** Every own change: a remote only this person's devices use. */
    static SyncScope everything() {
        return Everything.INSTANCE;
    }

    /**
     * The entities {@code rootIds} of {@code rootTable}, and, link by link, every entity of a link's
     * table whose {@code field} names an entity already in the tree (a link's parent is the root
     * table or an earlier link's table).
     */
    static SyncScope tree(String rootTable, Set<String> rootIds, List<Link> links) {
        return new Tree(rootTable, rootIds, links);
    }

    /** Everything except what any of {@code trees} holds. */
    static SyncScope except(List<Tree> trees) {
        return new Except(trees);
    }

    /** A child table of a tree: its entities whose {@code field} names an entity of {@code parent} in the tree. */
    record Link(String table, String field, String parent) {
        public Link {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(parent, "parent");
        }
    }

    /** See {@link #everything()}. */
    final class Everything implements SyncScope {
        static final Everything INSTANCE = new Everything();

        private Everything() {
        }

        @Override
        public String toString() {
            return "everything";
        }
    }

    /** See {@link #tree}. */
    record Tree(String rootTable, Set<String> rootIds, List<Link> links) implements SyncScope {
        public Tree {
            Objects.requireNonNull(rootTable, "rootTable");
            rootIds = Set.copyOf(rootIds);
            links = List.copyOf(links);
        }

        /**
         * Refuses a tree a remote cannot be scoped by, naming what is wrong: a blank root table, no root
         * id, a link without a table or field, or one whose parent is neither the root table nor an
         * earlier link's table. Checked at {@link SyncEngine.Builder#build()}, before any request.
         */
        void check() {
            if (rootTable.isBlank()) {
                throw new IllegalArgumentException("scope: the root table must not be blank");
            }
            if (rootIds.isEmpty()) {
                throw new IllegalArgumentException("scope: a tree of " + rootTable + " needs at least one root id");
            }
            Set<String> known = new HashSet<>();
            known.add(rootTable.toLowerCase(Locale.ROOT));
            for (Link link : links) {
                if (link.table().isBlank() || link.field().isBlank()) {
                    throw new IllegalArgumentException("scope: a link needs a table and a field, was " + link);
                }
                if (!known.contains(link.parent().toLowerCase(Locale.ROOT))) {
                    throw new IllegalArgumentException("scope: link " + link.table() + "." + link.field() + " names parent "
                            + link.parent() + ", which is neither the root table nor an earlier link's table");
                }
                known.add(link.table().toLowerCase(Locale.ROOT));
            }
        }
    }

    /** See {@link #except}. */
    record Except(List<Tree> trees) implements SyncScope {
        public Except {
            trees = List.copyOf(trees);
        }
    }
}
