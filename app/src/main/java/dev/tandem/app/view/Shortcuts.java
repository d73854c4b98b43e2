package dev.tandem.app.view;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * The one table of keyboard shortcuts: the window installs its entries from here and the {@code ?}/F1
 * overlay lists this same table, so what the overlay says cannot drift from what the keys do.
 *
 * <p>{@link Scope#WINDOW} entries are scene accelerators (they work wherever the focus is);
 * {@link Scope#LIST} entries are handled by the item list when it has the focus ({@link #handle}); and
 * {@link Scope#BUILT_IN} entries are behaviour of the controls themselves (selection with Shift+arrows),
 * listed so the overlay is complete, with no action of their own.
 */
public final class Shortcuts {
    public enum Scope { WINDOW, LIST, BUILT_IN }

    /** One shortcut: the keys, where it applies, what it does in words, and the action (null for built-in). */
    public record Shortcut(KeyCombination keys, Scope scope, String description, Runnable action, boolean listed) {
        public Shortcut(KeyCombination keys, Scope scope, String description, Runnable action) {
            this(keys, scope, description, action, true);
        }

        /** The keys as the language and the platform write them ("Ctrl+N", "Strg+N", "⌘N"). */
        public String keyText() {
            return KeyNames.of(keys);
        }
    }

    private final List<Shortcut> all = new ArrayList<>();

    public Shortcuts window(String keys, String description, Runnable action) {
        all.add(new Shortcut(KeyCombination.valueOf(keys), Scope.WINDOW, description, action));
        return this;
    }

    /** A window entry the overlay does not list on its own line (one of a run another line describes). */
    public Shortcuts windowUnlisted(String keys, String description, Runnable action) {
        all.add(new Shortcut(KeyCombination.valueOf(keys), Scope.WINDOW, description, action, false));
        return this;
    }

    public Shortcuts list(String keys, String description, Runnable action) {
        all.add(new Shortcut(KeyCombination.valueOf(keys), Scope.LIST, description, action));
        return this;
    }

    public Shortcuts builtIn(String keys, String description) {
        all.add(new Shortcut(KeyCombination.valueOf(keys), Scope.BUILT_IN, description, null));
        return this;
    }

    public List<Shortcut> all() {
        return Collections.unmodifiableList(all);
    }

    /** The entries the overlay lists, one line each. */
    public List<Shortcut> listed() {
        return all.stream().filter(Shortcut::listed).toList();
    }

    /** Puts the window entries into the scene's accelerators. */
    public void install(Scene scene) {
        for (Shortcut s : all) {
            if (s.scope() == Scope.WINDOW) {
                scene.getAccelerators().put(s.keys(), s.action());
            }
        }
    }

    /** Runs the first list entry matching {@code e} and consumes it; false when none matches. */
    public boolean handle(KeyEvent e) {
        for (Shortcut s : all) {
            if (s.scope() == Scope.LIST && s.keys().match(e)) {
                s.action().run();
                e.consume();
                return true;
            }
        }
        return false;
    }
}
