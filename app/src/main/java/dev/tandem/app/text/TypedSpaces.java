package dev.tandem.app.text;

import java.util.regex.Pattern;

/**
 * Every space separator (Unicode's Zs: the no-break U+00A0 and narrow no-break U+202F, the thin and other fixed-width
 * spaces, the ideographic space) read as the plain space it looks like. Phones put them where a space is typed: French
 * keyboards and autocorrect ("12 déc.", "vendredi 18 h"), dates and times copied from a calendar or a web page
 * ("9:41 PM" as CLDR formats it), an input method's full-width space. A person cannot tell them from a space, so quick
 * add and the filters read them as spaces rather than keeping a date in the title or refusing the query; Java's
 * {@code \s} matches none of them. One character for one, so every offset into the typed text (chips, plain marks,
 * a filter's error) stays where it was. The page's quick add and filters (tandem-sync app/quick-add.js,
 * app/filters.js) do the same first, so the vectors hold both to one reading.
 */
public final class TypedSpaces {
    private static final Pattern SPACE = Pattern.compile("\\p{Zs}");

    private TypedSpaces() {
    }

    /** {@code text} with each space separator a plain space. */
    public static String plain(String text) {
        return SPACE.matcher(text).replaceAll(" ");
    }
}
