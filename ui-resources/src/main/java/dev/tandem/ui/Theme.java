package dev.tandem.ui;

import java.net.URL;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The app's two themes. Both load {@code tandem.css} and {@code notes.css} (notes rendered as Markdown),
 * whose rules only use looked-up colours; the theme stylesheet defines those colours on {@code .root}.
 */
public enum Theme {
    LIGHT("light.css"),
    DARK("dark.css");

    private final String file;

    Theme(String file) {
        this.file = file;
    }

    /** The stylesheets to add to a scene, in order. */
    public List<String> stylesheets() {
        return List.of(url(file), url("tandem.css"), url("notes.css"));
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }

    /** Parses "light" or "dark" (any case); anything else gives the default, LIGHT. */
    public static Theme parse(String name) {
        if (name != null && name.strip().toLowerCase(Locale.ROOT).equals("dark")) {
            return DARK;
        }
        return LIGHT;
    }

    private static String url(String name) {
        URL url = Theme.class.getResource(name);
        return Objects.requireNonNull(url, "missing stylesheet " + name).toExternalForm();
    }
}
