package dev.tandem.engine.internal.sync.scope;

import dev.tandem.engine.internal.changelog.ChangeData;
import dev.tandem.engine.internal.changelog.FieldData;
import dev.tandem.engine.sync.SyncScope;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * What a shared space's readers let in: a change another member's device wrote may change only
 * what lies inside the space's tree (its root, and link by link what hangs from it), and may not
 * move anything across the tree's edge. Storage and signatures cannot say this; only the reader,
 * who knows what else its database holds, can.
 *
 * <p>A change is judged against this database's winners (as {@link ScopeCheck} reads them) and
 * against what the changes let in so far in the same group have set, so a todo made in one batch
 * and tagged in another arrive together whatever their order. Verdicts:
 * <ul>
 *   <li><b>in</b>: the entity is the root, or its parent, before and after the change, lies in the tree;</li>
 *   <li><b>out</b>: it touches an entity this database holds outside the tree (another list, a todo
 *       in the Inbox), names a parent outside it, takes an entity out of the tree, or lies in a
 *       table the tree does not hold. Set aside, named, never merged;</li>
 *   <li><b>waits</b>: it changes an entity, or names a parent, this database does not hold yet (a
 *       todo another member made, whose own batch has not arrived). Kept aside and judged again
 *       at each sync; it can never touch what this database holds outside the tree, as that is
 *       known here.</li>
 * </ul>
 */
final class ScopeGuard {
    /** A verdict on one change: null problem and not waiting means it is let in. */
    record Verdict(String problem, boolean waits) {
        static final Verdict IN = new Verdict(null, false);

        boolean in() {
            return problem == null && !waits;
        }
    }

    private enum Place { IN, OUT, UNKNOWN }

    private final SyncScope.Tree tree;
    /** Parents set by changes let in during this guard's group: table \0 entity \0 field to value. */
    private final Map<String, Object> set = new HashMap<>();

    ScopeGuard(SyncScope.Tree tree) {
        this.tree = tree;
    }

    /** What {@link #admit} let in, in order, and what it did not, each with its verdict. */
    record Judged<T>(List<T> in, List<Map.Entry<T, Verdict>> out) {
    }

    /**
     * Judges {@code changes} as one group: lets in what it can, again and again while letting one
     * in lets in another; what is left is out, or waits.
     */
    <T> Judged<T> admit(Connection c, List<T> changes, java.util.function.Function<T, ChangeData> change)
            throws SQLException {
        List<Map.Entry<T, Verdict>> out = new ArrayList<>();
        BiConsumer<T, Verdict> notIn = (t, v) -> out.add(Map.entry(t, v));
        List<T> pending = new ArrayList<>(changes);
        List<T> in = new ArrayList<>();
        Map<T, Verdict> last = new java.util.IdentityHashMap<>();
        boolean progress = true;
        while (progress && !pending.isEmpty()) {
            progress = false;
            List<T> still = new ArrayList<>();
            for (T t : pending) {
                Verdict v = judge(c, change.apply(t));
                if (v.in()) {
                    in.add(t);
                    remember(change.apply(t));
                    progress = true;
                } else if (v.waits()) {
                    still.add(t);
                    last.put(t, v);
                } else {
                    notIn.accept(t, v);
                }
            }
            pending = still;
        }
        for (T t : pending) {
            notIn.accept(t, last.get(t));
        }
        java.util.Set<T> let = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        let.addAll(in);
        List<T> ordered = new ArrayList<>(in.size());
        for (T t : changes) {
            if (let.contains(t)) {
                ordered.add(t);
            }
        }
        return new Judged<>(ordered, out);
    }

    Verdict judge(Connection c, ChangeData ch) throws SQLException {
        String what = ch.table() + " " + ch.entity();
        // Names compare exactly: SQLite takes "ITEMS" for items, so a change spelled otherwise would reach
        // rows while its changelog entity (and so this guard's view of it) stayed apart.
        if (ch.table().equals(tree.rootTable())) {
            return tree.rootIds().contains(ch.entity()) ? Verdict.IN
                    : new Verdict("it changes " + what + ", which is not the shared " + tree.rootTable(), false);
        }
        List<SyncScope.Link> links = linksOf(ch.table());
        if (links.isEmpty()) {
            return new Verdict("it changes " + what + ": this shared space holds no " + ch.table(), false);
        }
        for (SyncScope.Link link : links) {
            int named = 0;
            for (FieldData f : ch.fields()) {
                if (f.name().equalsIgnoreCase(link.field()) && (++named > 1 || !f.name().equals(link.field()))) {
                    return new Verdict("it sets " + link.field() + " of " + what + " under another spelling", false);
                }
            }
        }
        boolean held = set.containsKey(key(ch.table(), ch.entity(), links.get(0).field()))
                || ScopeCheck.known(c, ch.table(), ch.entity());
        boolean waits = false;
        for (SyncScope.Link link : links) {
            if (held) {
                Object before = parent(c, ch.table(), ch.entity(), link.field());
                Place p = before instanceof String s ? place(c, link.parent(), s) : Place.OUT;
                if (p == Place.OUT) {
                    return new Verdict("it changes " + what + ", which this device holds outside the shared "
                            + tree.rootTable(), false);
                }
                waits |= p == Place.UNKNOWN;
            }
            FieldData f = field(ch, link.field());
            if (f != null) {
                Place p = f.value() instanceof String s ? place(c, link.parent(), s) : Place.OUT;
                if (p == Place.OUT) {
                    return new Verdict("it " + (held ? "moves " : "puts ") + what + (f.value() == null ? " out of the"
                            + " shared " + tree.rootTable() : " into " + link.parent() + " " + f.value()
                            + ", outside the shared " + tree.rootTable()), false);
                }
                waits |= p == Place.UNKNOWN;
            } else if (!held) {
                waits = true;
            }
        }
        return waits ? new Verdict("it changes " + what + ", which has not arrived on this device yet", true)
                : Verdict.IN;
    }

    private void remember(ChangeData ch) {
        for (SyncScope.Link link : linksOf(ch.table())) {
            FieldData f = field(ch, link.field());
            if (f != null) {
                set.put(key(ch.table(), ch.entity(), link.field()), f.value());
            }
        }
    }

    /** Where {@code id} of {@code table} lies: in the tree, outside it, or not held here at all. */
    private Place place(Connection c, String table, String id) throws SQLException {
        if (table.equals(tree.rootTable())) {
            return tree.rootIds().contains(id) ? Place.IN : Place.OUT;
        }
        List<SyncScope.Link> links = linksOf(table);
        boolean held = set.containsKey(key(table, id, links.get(0).field())) || ScopeCheck.known(c, table, id);
        if (!held) {
            return Place.UNKNOWN;
        }
        Place worst = Place.IN;
        for (SyncScope.Link link : links) {
            Object parent = parent(c, table, id, link.field());
            Place p = parent instanceof String s ? place(c, link.parent(), s) : Place.OUT;
            if (p == Place.OUT) {
                return Place.OUT;
            }
            if (p == Place.UNKNOWN) {
                worst = Place.UNKNOWN;
            }
        }
        return worst;
    }

    private Object parent(Connection c, String table, String entity, String field) throws SQLException {
        String k = key(table, entity, field);
        return set.containsKey(k) ? set.get(k) : ScopeCheck.winningValue(c, table, entity, field);
    }

    private List<SyncScope.Link> linksOf(String table) {
        List<SyncScope.Link> out = new ArrayList<>();
        for (SyncScope.Link link : tree.links()) {
            if (link.table().equals(table)) {
                out.add(link);
            }
        }
        return out;
    }

    private static FieldData field(ChangeData ch, String name) {
        for (FieldData f : ch.fields()) {
            if (f.name().equalsIgnoreCase(name)) {
                return f;
            }
        }
        return null;
    }

    private static String key(String table, String entity, String field) {
        return table.toLowerCase(Locale.ROOT) + "\u0000" + entity + "\u0000" + field.toLowerCase(Locale.ROOT);
    }
}
