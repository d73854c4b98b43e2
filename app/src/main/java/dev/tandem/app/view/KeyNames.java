package dev.tandem.app.view;

import dev.tandem.ui.messages.Messages;
import java.util.Locale;
import java.util.Map;
import javafx.scene.input.KeyCharacterCombination;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * Keys as the language writes them on its keyboards: "Strg+Umschalt+Entf", "Ctrl+Maj+Suppr", "Ctrl+Shift+Delete".
 * The toolkit's own text is English whatever the language ("Ctrl", "Space", "Back Space"); on macOS it writes
 * the modifiers as the symbols every Mac keyboard shows (⌃⌥⇧⌘), and those are kept.
 */
public final class KeyNames {
    /** The keys with a name of their own in the catalogue ({@code main.key.NAME}); others show their own name. */
    private static final Map<KeyCode, String> NAMED = Map.ofEntries(
            Map.entry(KeyCode.SPACE, "space"), Map.entry(KeyCode.DELETE, "delete"),
            Map.entry(KeyCode.BACK_SPACE, "backSpace"), Map.entry(KeyCode.ESCAPE, "escape"),
            Map.entry(KeyCode.ENTER, "enter"), Map.entry(KeyCode.TAB, "tab"), Map.entry(KeyCode.PAGE_UP, "pageUp"),
            Map.entry(KeyCode.PAGE_DOWN, "pageDown"), Map.entry(KeyCode.HOME, "home"), Map.entry(KeyCode.END, "end"),
            Map.entry(KeyCode.UP, "up"), Map.entry(KeyCode.DOWN, "down"), Map.entry(KeyCode.LEFT, "left"),
            Map.entry(KeyCode.RIGHT, "right"), Map.entry(KeyCode.INSERT, "insert"));

    private KeyNames() {
    }

    /** {@code keys} as a person reads them in the running language. */
    public static String of(KeyCombination keys) {
        boolean mac = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac");
        if (mac) {
            // The symbols, then the key as the catalogue names it.
            String key = key(keys);
            return key == null ? keys.getDisplayText() : modifiersOnMac(keys) + key;
        }
        StringBuilder b = new StringBuilder();
        if (keys.getControl() == KeyCombination.ModifierValue.DOWN || keys.getShortcut() == KeyCombination.ModifierValue.DOWN) {
            b.append(Messages.text("main.key.ctrl")).append('+');
        }
        if (keys.getAlt() == KeyCombination.ModifierValue.DOWN) {
            b.append(Messages.text("main.key.alt")).append('+');
        }
        if (keys.getShift() == KeyCombination.ModifierValue.DOWN) {
            b.append(Messages.text("main.key.shift")).append('+');
        }
        if (keys.getMeta() == KeyCombination.ModifierValue.DOWN) {
            b.append(Messages.text("main.key.meta")).append('+');
        }
        String key = key(keys);
        return b.append(key != null ? key : keys.getDisplayText()).toString();
    }

    private static String modifiersOnMac(KeyCombination keys) {
        StringBuilder b = new StringBuilder();
        if (keys.getControl() == KeyCombination.ModifierValue.DOWN) {
            b.append('\u2303');
        }
        if (keys.getAlt() == KeyCombination.ModifierValue.DOWN) {
            b.append('\u2325');
        }
        if (keys.getShift() == KeyCombination.ModifierValue.DOWN) {
            b.append('\u21e7');
        }
        if (keys.getMeta() == KeyCombination.ModifierValue.DOWN || keys.getShortcut() == KeyCombination.ModifierValue.DOWN) {
            b.append('\u2318');
        }
        return b.toString();
    }

    /** The key itself in words or as it is written on the key ("A", "1", "F1", ","); null when the toolkit's will do. */
    private static String key(KeyCombination keys) {
        if (keys instanceof KeyCodeCombination c) {
            String named = NAMED.get(c.getCode());
            if (named != null) {
                return Messages.text("main.key." + named);
            }
            // As the toolkit writes the key alone: "A", "1", ",", "F1".
            return new KeyCodeCombination(c.getCode()).getDisplayText();
        }
        if (keys instanceof KeyCharacterCombination c) {
            return c.getCharacter();
        }
        return null;
    }
}
